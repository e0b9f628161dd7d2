"""``newsfacts ablate``: what each hand rule earns on the gold sets (pipeline/rules.py).

Runs the accuracy of the default pipeline on the sets, then again with each rule switched off
(``run.rules_off``), and prints, per rule, how much entity F1 (lenient), event F1 (target, action,
list, month) and links change when it is off: a rule whose switching off costs nothing anywhere
earns nothing and should be deleted (with its cases in tests/rules/cases.jsonl)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEFAULT_SETS = "samples,heldout,notices,news:dev"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sets", default=DEFAULT_SETS, metavar="SET:SPLIT,...", help=f"gold sets (default: {DEFAULT_SETS})")
    p.add_argument("--rules", metavar="ID,...", help="only these rules (default: every rule)")
    p.add_argument("--list", action="store_true", help="list the rules and what each does, and stop")
    p.add_argument("--limit", type=int, default=0, help="first N documents of each set")
    p.add_argument("--config", help="TOML config (default: configs/default.toml)")
    p.add_argument("--json", metavar="FILE", help="also write the results as JSON")


def _figures(report: dict) -> dict[str, float | None]:
    def f1(counts: dict) -> float | None:
        return counts["f1"] if counts["tp"] + counts.get("fn", 0) else None

    links = report.get("links") or {}
    return {"entities": f1(report["entities"]["lenient"]["overall"]),
            "events": f1(report["events"]["with_date"]) if "events" in report else None,
            "links": links.get("accuracy") if links.get("total") else None}


def main(args: argparse.Namespace) -> int:
    from ..config import load_config
    from ..eval.accuracy import available, missing, run_set
    from ..rules import RULES
    from ..runner import load

    config = load_config(args.config)
    load(config).setup()                       # imports every stage's module: the rules register
    if args.list:
        for rule_id, what in sorted(RULES.items()):
            print(f"{rule_id}\t{what}")
        return 0
    chosen = [r.strip() for r in args.rules.split(",")] if args.rules else sorted(RULES)
    sets = [(n, s) for n, s in available(args.sets) if not missing(n, s)]

    def measure(off: list[str]) -> dict[str, dict[str, float | None]]:
        cfg = json.loads(json.dumps(config))
        cfg.setdefault("run", {})["rules_off"] = off
        return {f"{n}:{s}": _figures(run_set(n, s, cfg, args.limit).report) for n, s in sets}

    base = measure([])
    rows = []
    for rule_id in chosen:
        print(f"newsfacts: {rule_id} off...", file=sys.stderr)
        got = measure([rule_id])
        delta = {name: {k: None if v is None or base[name][k] is None else round(v - base[name][k], 4)
                        for k, v in figures.items()} for name, figures in got.items()}
        rows.append({"rule": rule_id, "what": RULES[rule_id], "delta": delta})
    names = list(base)
    print("| rule (off) | " + " | ".join(f"{n} entities / events / links" for n in names) + " |")
    print("|---|" + "---|" * len(names))
    for row in rows:
        cells = [" / ".join("—" if row["delta"][n][k] is None else f"{row['delta'][n][k]:+.3f}"
                            for k in ("entities", "events", "links")) for n in names]
        print(f"| {row['rule']} | " + " | ".join(cells) + " |")
    if args.json:
        Path(args.json).write_text(json.dumps({"base": base, "rules": rows}, indent=1, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
    return 0
