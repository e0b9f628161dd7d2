"""``newsfacts facts OUT.jsonl... -o FACTS``: one sourced fact per (target, list, action, round).

``--update FACTS NEW.jsonl...`` folds new records into an existing facts file (JSONL) and gives
what a full rebuild over all the records would. See ``pipeline/facts/`` for what a fact holds.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterable, Iterator

TABLE_ROWS = 15


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", metavar="OUT.jsonl",
                   help="output records of newsfacts run (JSONL files, .gz, directories, - for stdin)")
    p.add_argument("-o", "--output", help="facts file to write (- for stdout); with --update "
                                          "the updated file (default: FACTS itself)")
    from ..facts.writers import FORMATS

    p.add_argument("--format", default="jsonl", choices=FORMATS,
                   help="jsonl (full facts, what --update and show --facts read), parquet or csv "
                        "(one flat row per fact), ftm (FollowTheMoney Sanction entities)")
    p.add_argument("--update", metavar="FACTS", help="fold the inputs into this facts file (JSONL)")
    p.add_argument("--entities", metavar="FILE",
                   help="per-party summary JSONL (default: beside -o, FACTS.entities.jsonl)")
    p.add_argument("--kb", help="knowledge base JSONL for names and official list status "
                                "(default: models/kb/entities.jsonl)")
    p.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="local (on-disk store, default) or Ray Data (a group-by on the fact key)")
    p.add_argument("--address", help="with --engine ray: an existing Ray cluster (default: start one)")
    p.add_argument("--workers", type=int, default=0, help="with --engine ray: CPUs (default: all cores)")
    p.add_argument("--stats", metavar="FILE", help="write counts (records, reports, facts, bad lines) as JSON")
    p.add_argument("--strict", action="store_true", help="exit 1 when an input line was not a record")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no table, no summary")


def main(args: argparse.Namespace) -> int:
    from ..errors import ConfigError
    from ..facts.local import Stats
    from ..kb.store import load_kb

    output = args.output or args.update
    if not output:
        raise ConfigError("give -o FACTS (or --update FACTS)")
    if not args.inputs and not args.update:
        raise ConfigError("give the record files to read (OUT.jsonl...)")
    if args.update and args.format != "jsonl":
        raise ConfigError("--update reads and writes JSONL facts (no --format)")
    if args.update and not Path(args.update).is_file():
        raise FileNotFoundError(f"facts file not found: {args.update}")
    if args.format == "parquet" and output == "-":
        raise ConfigError("--format parquet writes a file: give -o PATH")
    kb = list(load_kb(args.kb))
    stats = Stats()
    facts = _engine_facts(args, kb, stats)
    entities = args.entities or (_beside(output, ".entities.jsonl") if output != "-" else None)
    shown: list[dict[str, Any]] = []
    _write(_watch(facts, shown, entities), args.format, output)
    _finish(args, stats, shown, output)
    return 1 if args.strict and stats.bad_lines else 0


def _engine_facts(args: argparse.Namespace, kb: list, stats: Any) -> Iterable[dict[str, Any]]:
    progress = not args.quiet and sys.stderr.isatty()
    if args.engine == "ray":
        from ..facts.ray_engine import build_ray

        return build_ray(args.inputs, kb, previous=args.update, stats=stats,
                         workers=args.workers or os.cpu_count() or 1, address=args.address)
    from ..facts.local import build_local

    return build_local(args.inputs, kb, previous=args.update, progress=progress, stats=stats)


def _beside(output: str, suffix: str) -> str:
    path = Path(output)
    stem = path.name.split(".")[0] or path.name
    return str(path.with_name(stem + suffix))


def _watch(facts: Iterable[dict[str, Any]], shown: list[dict[str, Any]], entities: str | None
           ) -> Iterator[dict[str, Any]]:
    """Pass the facts through; keep the most reported for the table; write the party summaries."""
    from ..facts.writers import party_summaries

    out = _atomic(entities) if entities else None
    try:
        for fact, summary in party_summaries(facts):
            if summary is not None and out is not None:
                out.write(json.dumps(summary, ensure_ascii=False).encode() + b"\n")
            if fact:
                _keep_top(shown, fact)
                yield fact
    except BaseException:
        if out is not None:
            out.abort()
        raise
    if out is not None:
        out.commit()


def _keep_top(shown: list[dict[str, Any]], fact: dict[str, Any]) -> None:
    light = {k: v for k, v in fact.items() if k != "sources"}
    shown.append(light)
    if len(shown) > 4 * TABLE_ROWS:
        shown.sort(key=_rank)
        del shown[TABLE_ROWS:]


def _rank(fact: dict[str, Any]) -> tuple:
    return (-fact["reports"], -len(fact["languages"]), (fact.get("date") or {}).get("value") or "", fact["id"])


def _write(facts: Iterable[dict[str, Any]], fmt: str, output: str) -> None:
    from ..facts import writers

    if fmt == "parquet":
        tmp = _atomic(output)
        tmp.close_handle()
        try:
            writers.write_parquet(facts, tmp.path)
        except BaseException:
            tmp.abort()
            raise
        tmp.commit()
        return
    write = {"jsonl": writers.write_jsonl, "csv": writers.write_csv, "ftm": writers.write_ftm}[fmt]
    if output == "-":
        write(facts, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    out = _atomic(output)
    try:
        write(facts, out.fh)
    except BaseException:
        out.abort()
        raise
    out.commit()


class _atomic:
    """A file written beside its destination and renamed over it when complete."""

    def __init__(self, path: str) -> None:
        self.dest = Path(path)
        self.dest.parent.mkdir(parents=True, exist_ok=True)
        fd, self.path = tempfile.mkstemp(dir=self.dest.parent, prefix=f".{self.dest.name}.")
        self.fh = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        self.fh.write(data)

    def close_handle(self) -> None:
        self.fh.close()

    def commit(self) -> None:
        self.fh.close()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.path, 0o666 & ~umask)
        os.replace(self.path, self.dest)

    def abort(self) -> None:
        self.fh.close()
        Path(self.path).unlink(missing_ok=True)


def _finish(args: argparse.Namespace, stats: Any, shown: list[dict[str, Any]], output: str) -> None:
    from ..facts.writers import table

    if args.stats:
        Path(args.stats).write_text(json.dumps(stats.to_dict(), indent=2) + "\n", encoding="utf-8")
    if args.quiet:
        return
    for bad in stats.bad:
        print(f"newsfacts facts: skipped {bad.source}:{bad.line}: {bad.message}", file=sys.stderr)
    if stats.bad_lines > len(stats.bad):
        print(f"newsfacts facts: ... and {stats.bad_lines - len(stats.bad)} more bad lines", file=sys.stderr)
    shown.sort(key=_rank)
    stream = sys.stderr if output == "-" else sys.stdout
    print(table(shown[:TABLE_ROWS], stats.facts), file=stream, flush=True)
    print(stats.summary(), file=sys.stderr)
