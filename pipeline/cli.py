"""The ``newsfacts`` command line: one module per sub-command under ``pipeline/commands``."""
from __future__ import annotations

import argparse
import importlib
import sys

from .errors import NewsfactsError

#: sub-command -> module with ``add_arguments(parser)`` and ``main(args) -> int``
COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("pipeline.commands.run", "process articles into JSONL records"),
    "kb": ("pipeline.commands.kb", "build the multilingual knowledge base (kb build)"),
    "bench": ("pipeline.commands.bench", "measure throughput against the bare tokenizers"),
    "eval": ("pipeline.commands.eval", "score predicted records against gold records"),
    "convert": ("pipeline.commands.convert", "convert a public NER set to newsfacts gold JSONL"),
    "ablate": ("pipeline.commands.ablate", "what each hand rule earns on the gold sets (rules switched off one by one)"),
    "accuracy": ("pipeline.commands.accuracy", "run the pipeline over gold sets and score it (one table)"),
    "facts": ("pipeline.commands.facts", "consolidate the events of output records into sourced facts"),
    "show": ("pipeline.commands.show", "render output records as one HTML page (entities, events)"),
    "news": ("pipeline.commands.news", "the news development set: build its gold, check texts, write inputs"),
    "train": ("pipeline.commands.train", "train a statistical NER model from a configs/train/ TOML"),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser with every sub-command; ``only``: import just that command's module for its
    arguments (the others are listed with their help), so that ``newsfacts run`` does not import
    the scorers, the trainers and the KB builder."""
    parser = argparse.ArgumentParser(prog="newsfacts", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if only is None or name == only:
            importlib.import_module(module).add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def _command(argv: list[str]) -> str | None:
    """The sub-command ``argv`` names (its first word that is not an option), if any."""
    first = next((a for a in argv if not a.startswith("-")), None)
    return first if first in COMMANDS else None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(_command(argv)).parse_args(argv)
    try:
        return int(importlib.import_module(args._module).main(args) or 0)
    except NewsfactsError as exc:
        print(f"newsfacts: error: {exc}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"newsfacts: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
