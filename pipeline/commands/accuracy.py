"""``newsfacts accuracy``: run the pipeline over gold sets and print the accuracy tables.

Public NER sets (KLUE, CLUENER, CoNLL, MSRA, ...) and the project's own gold sets (samples, the
held-out real texts, the official notices, the news dev set), all scored by ``pipeline.eval.score``:
every accuracy figure in README comes from this command."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(p: argparse.ArgumentParser) -> None:
    from ..eval.accuracy import DEFAULT_SETS

    p.add_argument("--sets", default=DEFAULT_SETS, metavar="SET:SPLIT,...",
                   help=f"sets to run (default: {DEFAULT_SETS}); missing ones are skipped")
    p.add_argument("--limit", type=int, default=0, help="first N documents of each set (default: all)")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default: 1)")
    p.add_argument("--config", help="TOML config (default: configs/default.toml)")
    p.add_argument("--set", dest="overrides", nargs="+", action="extend", default=[],
                   metavar="STAGE.KEY=VALUE", help="override config values")
    p.add_argument("--json", nargs="?", const="-", metavar="FILE",
                   help="write the results as JSON (to stdout, or FILE) instead of the table")


def main(args: argparse.Namespace) -> int:
    from ..config import load_config
    from ..eval.accuracy import available, missing, now, run_set, table
    from ..machine import describe

    config = load_config(args.config, args.overrides)
    pairs = available(args.sets)
    results = []
    for name, split in pairs:
        reason = missing(name, split)
        if reason:
            print(f"newsfacts: skipping {name}:{split} ({reason})", file=sys.stderr)
            continue
        print(f"newsfacts: {name}:{split}...", file=sys.stderr)
        results.append(run_set(name, split, config, args.limit, args.workers))
    out = {"date": now(), "machine": describe(), "limit": args.limit, "workers": args.workers,
           "sets": [r.to_dict() for r in results]}
    if args.json == "-":
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\n{out['date']}; {out['machine']}; limit {args.limit or 'none'}; workers {args.workers}")
    return 0
