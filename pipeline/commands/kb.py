"""``newsfacts kb build``: regenerate the knowledge base from the seeds and the shared lists."""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path



def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="kb_command", required=True, metavar="ACTION")
    b = sub.add_parser("build", help="build models/kb/entities.jsonl from configs/kb and ../shared/data")
    b.add_argument("--seeds", default="configs/kb", help="folder of curated *.toml seeds (default: the shipped ones)")
    b.add_argument("--data", type=Path, help="shared data folder with the MOFCOM and BIS lists "
                                            "(default: $NEWSFACTS_SHARED_DATA, else ../shared/data)")
    b.add_argument("--no-data", action="store_true", help="build from the seeds alone")
    b.add_argument("--skip", action="append", default=[], metavar="DATASET",
                   help="leave out one shared data set (e.g. cn-mofcom-sanctions-ammitto)")
    b.add_argument("-o", "--output", default="models/kb/entities.jsonl",
                   help="where to write the KB (default: models/kb/entities.jsonl in the working directory)")
    c = sub.add_parser("coverage", help="share of the MOFCOM-listed organisations the gazetteer finds")
    c.add_argument("--data", type=Path, help="shared data folder (default as for build)")
    c.add_argument("--kb", default="", help="entities.jsonl (default models/kb/entities.jsonl)")


def main(args: argparse.Namespace) -> int:
    if args.kb_command == "coverage":
        return coverage(args)
    from ..eval.formats import data_dir
    from ..kb.build import build, list_entries, load_seeds
    from ..kb.store import write_kb

    data = None if args.no_data else (args.data or data_dir())
    if data is not None and not data.is_dir():
        print(f"newsfacts: warning: {data} not found; building from the seeds alone", file=sys.stderr)
        data = None
    entities = build(load_seeds(Path(args.seeds)), list_entries(data, frozenset(args.skip)))
    write_kb(entities, args.output)
    print(summary(entities, args.output), file=sys.stderr)
    return 0


def coverage(args: argparse.Namespace) -> int:
    import json

    from ..kb.coverage import mofcom_coverage

    from ..eval.formats import data_dir

    print(json.dumps(mofcom_coverage(args.data or data_dir(), args.kb), ensure_ascii=False, indent=1))
    return 0


def summary(entities: list, output: str) -> str:
    """Counts of entities by type and source, aliases by language."""
    types = Counter(e.type for e in entities)
    langs = Counter({lang: sum(len(e.aliases.get(lang, [])) for e in entities)
                     for lang in ("ko", "zh-Hans", "zh-Hant", "en")})
    sources = Counter(s.split(":")[0] for e in entities for s in {x.split(":")[0] for x in e.sources})
    return (f"wrote {len(entities)} entities to {output}\n"
            f"  types:   {dict(sorted(types.items()))}\n"
            f"  aliases: {dict(langs)} (canonical English names not counted)\n"
            f"  entities per source: {dict(sorted(sources.items()))}")
