"""``newsfacts convert SET SPLIT -o gold.jsonl`` (or ``FILE --format F``): public NER set -> gold JSONL."""
from __future__ import annotations

import argparse
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", help="a data set name (klue-ner, cluener2020, conll2003...) or, with "
                                  "--format, a file")
    p.add_argument("split", nargs="?", help="the split of a data set (dev, test, testb...)")
    p.add_argument("--format", choices=["klue", "cluener", "conll", "iob1", "iob2", "bmes", "msra",
                                        "weibo", "wikiann"], help="read SOURCE as a file of this format")
    p.add_argument("--tagmap", help="tag map for the types (default: the set's or the format's); "
                                    "'none' keeps the set's own tags")
    p.add_argument("-o", "--output", default="-", help="output JSONL file, - for stdout (default)")


#: default tag map per file format
FORMAT_TAGMAP = {"klue": "klue", "cluener": "cluener", "conll": "conll", "iob1": "conll",
                 "bmes": "resume", "msra": "msra", "weibo": "weibo", "wikiann": "wikiann"}


def main(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .. import io as nio
    from ..errors import ConfigError
    from ..eval.ner_sets import FORMATS, read_set
    from ..eval.records import gold_record
    from ..eval.tagmap import tagmap

    if args.format:
        docs = FORMATS[args.format](Path(args.source))
        default_map, meta = FORMAT_TAGMAP.get(args.format), {"source": args.source}
    else:
        if not args.split:
            raise ConfigError("convert SET needs a SPLIT (or give a file with --format)")
        docs = read_set(args.source, args.split)
        default_map, meta = args.source, {"set": args.source, "split": args.split}
    name = args.tagmap or default_map
    tags = tagmap(name) if name and name != "none" else None
    out = nio.open_output(args.output)
    count = mentions = 0
    try:
        for doc in docs:
            out.write(nio.dumps(gold_record(doc, tags, meta)) + b"\n")
            count += 1
            mentions += len(doc["entities"])
    finally:
        if out is not sys.stdout.buffer:
            out.close()
    print(f"newsfacts: {count} documents, {mentions} mentions", file=sys.stderr)
    return 0
