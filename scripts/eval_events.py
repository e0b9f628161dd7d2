#!/usr/bin/env python
"""Score sanction events on real texts: corpus/gold/real-events.gold.jsonl against ../shared/data.

    .venv/bin/python scripts/eval_events.py [--errors] [--json]

Runs the default pipeline (with the ``events`` stage appended when the config lacks it) over each
gold document's text, read from the shared data folder at run time (the texts are not in the
repository), and prints precision, recall and F1 of (target, action, list, month) tuples and of
(target, action, list) tuples, overall and per language. Exits 0 with the reason when the shared
data is absent.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.config import load_config  # noqa: E402
from pipeline.events.gold import evaluate, load_gold  # noqa: E402
from pipeline.runner import load  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(REPO / "corpus" / "gold" / "real-events.gold.jsonl"))
    ap.add_argument("--data", default=str(REPO.parent / "shared" / "data"), help="shared data folder")
    ap.add_argument("--config", default=None, help="pipeline TOML (default: configs/default.toml)")
    ap.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE")
    ap.add_argument("--errors", action="store_true", help="list missed and spurious tuples per document")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)

    data = Path(args.data)
    if not data.exists():
        print(f"skipped: the shared data folder {data} is absent (the gold texts are read from it)")
        return 0
    cfg = load_config(args.config, args.set)
    stages = cfg.setdefault("pipeline", {}).setdefault("stages", [])
    if "events" not in stages:
        stages.append("events")
    result = evaluate(load_gold(args.gold), load(cfg), data)

    rows = {f"{lang} {kind}": score.row()
            for kind, table in (("target+action+list+month", result.dated),
                                ("target+action+list", result.undated))
            for lang, score in sorted(table.items())}
    if args.json:
        print(json.dumps({"scores": rows, "skipped": result.skipped}, ensure_ascii=False, indent=1))
    else:
        print(f"{'':34} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}")
        for name, r in rows.items():
            print(f"{name:34} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f} {r['tp']:5} {r['predicted']:5} {r['gold']:5}")
        for reason in result.skipped:
            print("skipped:", reason)
    if args.errors:
        for e in result.errors:
            print(f"\n{e['id']}\n  missed:   {e['missed']}\n  spurious: {e['spurious']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
