"""``newsfacts show OUT.jsonl -o view.html``: one self-contained HTML page of output records;
``newsfacts show --facts FACTS -o timeline.html``: the timeline page of a facts file."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Iterator


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", metavar="OUT.jsonl", help="output records of newsfacts run")
    p.add_argument("--facts", metavar="FACTS", help="instead: the timeline page of a facts file "
                                                    "(JSONL of newsfacts facts)")
    p.add_argument("-o", "--output", default="-", help="HTML file to write, - for stdout (default)")
    p.add_argument("--limit", type=int, default=0, help="show only the first N lines (default: all)")
    p.add_argument("--title", default="newsfacts", help="page title")


def main(args: argparse.Namespace) -> int:
    from itertools import islice

    from ..viewer import render

    if args.facts:
        return _timeline(args)
    if not args.inputs:
        from ..errors import ConfigError

        raise ConfigError("give OUT.jsonl files to show, or --facts FACTS")
    records: Iterator[dict[str, Any]] = _records(args.inputs)
    if args.limit > 0:
        records = islice(records, args.limit)
    _write(render(records, title=args.title), args.output)
    return 0


def _timeline(args: argparse.Namespace) -> int:
    """``--facts FACTS``: the timeline page (pipeline/facts/timeline.py)."""
    from itertools import islice

    import orjson

    from ..errors import InputError
    from ..facts.timeline import render

    facts = []
    with open(args.facts, "rb") as fh:
        for n, line in enumerate(islice(fh, args.limit or None), 1):
            if not line.strip():
                continue
            try:
                fact = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise InputError(f"{args.facts}:{n}: not JSON: {exc}") from None
            if not isinstance(fact, dict) or "sources" not in fact:
                raise InputError(f"{args.facts}:{n}: not a fact of newsfacts facts (JSONL format)")
            facts.append(fact)
    title = args.title if args.title != "newsfacts" else "newsfacts timeline"
    _write(render(facts, title=title), args.output)
    return 0


def _write(page: str, output: str) -> None:
    if output == "-":
        sys.stdout.write(page)
    else:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(page, encoding="utf-8")


def _records(paths: list[str]) -> Iterator[dict[str, Any]]:
    """Records of JSONL files; a line that is not JSON is shown as an error record."""
    import orjson

    from ..io import iter_inputs

    for raw in iter_inputs(paths):
        try:
            yield orjson.loads(raw.payload)
        except orjson.JSONDecodeError as exc:
            yield {"id": None, "line": raw.line, "source": raw.source,
                   "error": {"stage": "show", "type": "JSONDecodeError", "message": str(exc)}}
