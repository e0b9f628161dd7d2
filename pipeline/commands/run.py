"""``newsfacts run INPUT... -o OUTPUT``: process articles into one JSON record per input."""
from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from pathlib import Path

from ..batch import RunStats
from ..config import load_config
from ..runner import load


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="JSONL, .txt or .html files, directories of them, - for stdin, or hf:PATH "
                        "(a saved Hugging Face dataset, .parquet or .arrow files)")
    p.add_argument("-o", "--output", default="-", help="output JSONL file, - for stdout (default)")
    p.add_argument("--format", default="jsonl", choices=["jsonl", "facts", "ftm", "parquet", "hf"],
                   help="output format (see pipeline/output_formats.py; parquet and hf need -o PATH)")
    p.add_argument("--config", help="TOML config (default: configs/default.toml)")
    p.add_argument("--set", dest="overrides", nargs="+", action="extend", default=[],
                   metavar="STAGE.KEY=VALUE", help="override config values")
    p.add_argument("--workers", type=int, default=0, help="worker processes (default: all cores)")
    p.add_argument("--lang", help="force the document language (ko, zh, en)")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="anchor date for relative dates")
    p.add_argument("--include", action="append", choices=["tokens"], default=[],
                   help="optional parts of the record to write")
    p.add_argument("--stats", metavar="FILE", help="write run statistics as JSON")
    p.add_argument("--strict", action="store_true", help="exit 1 when any input gave an error record or a partial record")
    p.add_argument("--resume", action="store_true",
                   help="continue an interrupted run: keep the complete lines of OUTPUT, process the rest")
    p.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="local process pool (default) or Ray Data (pip install newsfacts[ray]); "
                        "with ray, -o is a directory of JSONL shards")
    p.add_argument("--address", help="with --engine ray: the address of an existing Ray cluster "
                                     "(default: start a local Ray instance)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary line")


def main(args: argparse.Namespace) -> int:
    from .. import io as nio
    from ..batch import run_corpus

    if args.format != "jsonl" and args.engine == "local":
        from ..output_formats import run_with_format

        return run_with_format(args, main)
    overrides = list(args.overrides)
    if args.lang:
        overrides.append(f"langid.force={json.dumps(args.lang)}")
    if args.published:
        overrides.append(f"run.published={json.dumps(args.published)}")
    if args.include:
        overrides.append(f"run.include={json.dumps(sorted(set(args.include)))}")
    config = load_config(args.config, overrides)
    load(config)  # validate before reading any input
    workers = args.workers or os.cpu_count() or 1
    if args.engine == "ray":
        return _finish(args, _run_ray(args, config, workers))
    progress = not args.quiet and sys.stderr.isatty()
    records = nio.iter_inputs(args.inputs)
    stats = RunStats()
    if args.resume and args.output != "-" and Path(args.output).exists():
        done, size = nio.complete_lines(args.output)
        os.truncate(args.output, size)
        errors, partial = nio.count_errors(args.output, done)
        stats = RunStats(input_lines=done, records=done - errors, errors=errors, partial=partial, resumed=done)
        records = itertools.islice(records, done, None)
    out = nio.open_output(args.output, append=stats.resumed > 0)
    try:
        stats = run_corpus(records, out, config, workers, progress, stats)
    finally:
        if out is not sys.stdout.buffer:
            out.close()
    return _finish(args, stats)


def _run_ray(args: argparse.Namespace, config: dict, workers: int) -> RunStats:
    from ..errors import ConfigError
    from ..ray_engine import run_ray

    if args.output == "-" or args.resume or args.format != "jsonl":
        raise ConfigError("--engine ray writes JSONL shards to a directory: give -o DIR "
                          "(no --resume, no --format)")
    timings: dict[str, float] = {}
    stats = run_ray(args.inputs, args.output, config, workers, args.address, timings)
    if not args.quiet:
        print(f"newsfacts: Ray start-up {timings['ray_start']:.1f} s, run {timings['run']:.1f} s", file=sys.stderr)
    return stats


def _finish(args: argparse.Namespace, stats: RunStats) -> int:
    """Write --stats, print the summary, and choose the exit status."""
    if args.stats:
        Path(args.stats).write_text(json.dumps(stats.to_dict(), indent=2) + "\n", encoding="utf-8")
    if not args.quiet:
        print(stats.summary(), file=sys.stderr)
    if stats.interrupted:
        return 130
    return 1 if args.strict and stats.failures else 0
