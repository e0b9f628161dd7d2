"""``newsfacts kb build | lookup | coverage``: the knowledge base from the official lists."""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="kb_command", required=True, metavar="ACTION")
    b = sub.add_parser("build", help="build the KB from the seeds (configs/kb) and the official lists")
    b.add_argument("--seeds", default="configs/kb", help="folder of curated *.toml seeds (default: the shipped ones)")
    b.add_argument("--data", type=Path, help="shared data folder with the default lists "
                                            "(default: $NEWSFACTS_SHARED_DATA, else ../shared/data)")
    b.add_argument("--no-data", action="store_true", help="no default list from the shared data folder")
    b.add_argument("--skip", action="append", default=[], metavar="DATASET",
                   help="leave out one default data set (e.g. cn-mofcom-sanctions-ammitto)")
    b.add_argument("--source", action="append", default=[], metavar="KIND:PATH",
                   help="add a source: csl:FILE (CSL JSON), sdn:DIR (OFAC CSV set), ftm:FILE "
                        "(FollowTheMoney JSON lines), or the name of a non-commercial shared data set "
                        "(opensanctions-us-dod-ndaa-lists, cn-sanctions-opensanctions, restricted-parties-kaist-ko)")
    b.add_argument("--report", type=Path, help="write what merged with what (JSON lines) to this file")
    b.add_argument("-o", "--output", default="models/kb/entities.jsonl",
                   help="where to write the KB (default: models/kb/entities.jsonl in the working directory)")
    look = sub.add_parser("lookup", help="the KB entities a name (any language or script) refers to")
    look.add_argument("name")
    look.add_argument("--kb", default="", help="entities.jsonl (default: the shipped KB)")
    look.add_argument("--json", action="store_true", help="one JSON object per entity")
    look.add_argument("--limit", type=int, default=5, help="most cross-script candidates to show")
    c = sub.add_parser("coverage", help="share of the MOFCOM-listed organisations the gazetteer finds")
    c.add_argument("--data", type=Path, help="shared data folder (default as for build)")
    c.add_argument("--kb", default="", help="entities.jsonl (default: the shipped KB)")


def main(args: argparse.Namespace) -> int:
    if args.kb_command == "coverage":
        return coverage(args)
    if args.kb_command == "lookup":
        from .kb_lookup import lookup

        return lookup(args)
    return build_kb(args)


def build_kb(args: argparse.Namespace) -> int:
    from ..eval.ner_sets import data_dir
    from ..kb import importers
    from ..kb.build import build, load_seeds
    from ..kb.card import write_card_sources
    from ..kb.store import write_kb

    data = None if args.no_data else (args.data or data_dir())
    if data is not None and not data.is_dir():
        print(f"newsfacts: warning: {data} not found; no default list is read", file=sys.stderr)
        data = None
    #: (name, source, licence, non-commercial)
    sources = [(name, source, licence, False)
               for name, source, licence in importers.default_sources(data, frozenset(args.skip))] \
        if data is not None else []
    for spec in args.source:
        try:
            source, licence = importers.parse_source(spec, data or (args.data or data_dir()))
        except ValueError as exc:
            print(f"newsfacts: {exc}", file=sys.stderr)
            return 2
        if not source.path.exists():
            print(f"newsfacts: --source {spec}: {source.path} not found", file=sys.stderr)
            return 2
        sources.append((spec, source, licence or "the user's own file", bool(licence)))
    counts: Counter[str] = Counter()
    report: list[dict[str, str]] = []

    def entries():
        for name, source, _, _ in sources:
            for entry in importers.read(source):
                counts[name] += 1
                yield entry

    entities = build(load_seeds(args.seeds), entries(), report)
    write_kb(entities, args.output)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in report)
    write_card_sources(Path(args.output).parent / "README.md",
                       [(name, counts[name], licence, restricted) for name, _, licence, restricted in sources])
    merged = Counter(line["source"].split(":")[0] for line in report)
    print(summary(entities, args.output), file=sys.stderr)
    for name, _, licence, restricted in sources:
        print(f"  {name}: {counts[name]} entries" + (f"  [{licence}: NOT for commercial use]" if restricted else ""),
              file=sys.stderr)
    print(f"  merged into an existing entity: {dict(sorted(merged.items()))}", file=sys.stderr)
    return 0


def coverage(args: argparse.Namespace) -> int:
    from ..eval.ner_sets import data_dir
    from ..kb.coverage import mofcom_coverage

    print(json.dumps(mofcom_coverage(args.data or data_dir(), args.kb), ensure_ascii=False, indent=1))
    return 0


def summary(entities: list, output: str) -> str:
    """Counts of entities by type and source, aliases by language."""
    types = Counter(e.type for e in entities)
    langs = Counter({lang: sum(len(e.aliases.get(lang, [])) for e in entities)
                     for lang in ("ko", "zh-Hans", "zh-Hant", "en")})
    sources = Counter(s.split(":")[0] for e in entities for s in {x.split(":")[0] for x in e.sources})
    lists = Counter(lid for e in entities
                    for lid in {item["list"] for item in e.lists if item.get("status", "listed") == "listed"})
    return (f"wrote {len(entities)} entities to {output}\n"
            f"  types:   {dict(sorted(types.items()))}\n"
            f"  aliases: {dict(langs)} (canonical English names not counted)\n"
            f"  entities per source: {dict(sorted(sources.items()))}\n"
            f"  entities per list: {dict(sorted(lists.items()))}")
