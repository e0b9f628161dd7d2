"""``newsfacts news``: the news development set (build the gold, check texts, write run inputs)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

GOLD = Path("corpus/news/gold.jsonl")
CACHE = Path("corpus/news/cache")


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    b = sub.add_parser("build", help="annotation files + texts -> stand-off gold JSONL")
    b.add_argument("--ann", type=Path, default=CACHE / "ann", help="annotation files (news-*.json)")
    b.add_argument("--texts", type=Path, default=CACHE / "texts", help="article texts (<id>.txt)")
    b.add_argument("--lang", default="*", help="only the articles of this language")
    b.add_argument("-o", "--output", type=Path, default=GOLD)
    c = sub.add_parser("check", help="check a directory of texts against the gold's SHA-256")
    c.add_argument("--gold", type=Path, default=GOLD)
    c.add_argument("--texts", type=Path, default=CACHE / "texts")
    i = sub.add_parser("inputs", help="write the articles as input JSONL for `newsfacts run`, or as "
                                      "gold JSONL with texts for `newsfacts eval` (--gold-out)")
    i.add_argument("--gold", type=Path, default=GOLD)
    i.add_argument("--texts", type=Path, default=CACHE / "texts")
    i.add_argument("--split", choices=("dev", "test"), help="only this split (default: both)")
    i.add_argument("-o", "--output", type=Path, required=True, help="input JSONL for `newsfacts run`")
    i.add_argument("--gold-out", type=Path, help="also write the gold records with their texts")


def main(args: argparse.Namespace) -> int:
    from ..eval import news

    if args.action == "build":
        records, problems = news.build(args.ann, args.texts, args.lang)
        for problem in problems:
            print(f"problem: {problem}", file=sys.stderr)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        with open(args.output, "w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        print(f"{len(records)} articles -> {args.output}; {len(problems)} problems")
        return 1 if problems else 0
    records = news.load_gold(args.gold)
    if args.action == "check":
        result = news.check(records, args.texts)
        for key in ("missing", "changed"):
            for doc_id in result[key]:
                print(f"{key}: {doc_id}")
        print(f"{len(result['ok'])} of {len(records)} texts present and unchanged, "
              f"{len(result['missing'])} missing, {len(result['changed'])} changed")
        return 1 if result["changed"] else 0
    n = 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    gold_fh = open(args.gold_out, "w", encoding="utf-8") if args.gold_out else None
    with open(args.output, "w", encoding="utf-8") as fh:
        for record in news.with_texts(records, args.texts, args.split):
            fh.write(json.dumps({"id": record["id"], "text": record["text"], **record["meta"]},
                                ensure_ascii=False) + "\n")
            if gold_fh:
                gold_fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    if gold_fh:
        gold_fh.close()
    print(f"{n} articles -> {args.output}")
    return 0
