"""``newsfacts eval GOLD PRED``: score predicted records against gold records."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("gold", help="gold newsfacts JSONL (e.g. from `newsfacts convert`)")
    p.add_argument("pred", help="predicted newsfacts JSONL (from `newsfacts run`)")
    p.add_argument("--map", dest="tagmap", metavar="NAME",
                   help="score in a public set's tags (klue, cluener, conll, msra, weibo, wikiann, "
                        "resume; see configs/eval/tagmaps.toml)")
    p.add_argument("--types", metavar="T1,T2", help="score only these types (after --map)")
    p.add_argument("--json", nargs="?", const="-", metavar="FILE",
                   help="write the scores as JSON (to stdout, or FILE) instead of the table")
    p.add_argument("--html", metavar="FILE", help="also write a self-contained HTML report")


def main(args: argparse.Namespace) -> int:
    from ..eval.records import read_records
    from ..eval.report import html_report, text_report
    from ..eval.score import Options, restrict, score
    from ..eval.tagmap import tagmap

    mapping = tagmap(args.tagmap).to_set if args.tagmap else (lambda t: t)
    types = [t.strip() for t in args.types.split(",") if t.strip()] if args.types else None
    options = Options(gold_type=restrict(mapping, types), pred_type=restrict(mapping, types))
    report = score(read_records(args.gold), read_records(args.pred), options).to_dict()
    title = f"newsfacts eval {Path(args.pred).name} vs {Path(args.gold).name}"
    if args.html:
        Path(args.html).write_text(html_report(report, title), encoding="utf-8")
    if args.json == "-":
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        if args.json:
            Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
        print(text_report(report, title), file=sys.stdout)
    return 0
