"""``newsfacts bench``: throughput per language against the bare tokenizers, worker scaling, memory."""
from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from typing import Any


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--langs", default="ko,zh,en", help="languages to measure (default ko,zh,en)")
    p.add_argument("--chars", type=int, default=600_000, help="characters of text per language (default 600,000)")
    p.add_argument("--long", action="store_true",
                   help="only measure one long article of distinct text against the same text cut into "
                        "2 KB articles (per CPU second), and its wall time under the time limit")
    p.add_argument("--long-chars", type=int, default=1_000_000, help="length of that article (default 1,000,000)")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="measure scaling from 1 to this many workers (default: all cores)")
    p.add_argument("--scale-docs", type=int, default=4000,
                   help="documents in each worker-scaling run (the texts repeated), so that the "
                        "models' start-up (about 2 s per worker) weighs little (default 4000; 0: "
                        "no scaling run)")
    p.add_argument("--profile", action="store_true", help="print the share of time per stage and language")
    p.add_argument("--ray", action="store_true",
                   help="also run --engine ray on one JSONL of the scaling documents with 1 and --workers "
                        "actors (Ray's start-up reported apart)")
    p.add_argument("--set", dest="overrides", nargs="+", action="extend", default=[], metavar="STAGE.KEY=VALUE")
    p.add_argument("--json", action="store_true", help="print the results as JSON")


def main(args: argparse.Namespace) -> int:
    from .. import bench
    from ..machine import describe

    config = bench.default_config(args.overrides)
    pipe = bench.build(config)
    if args.long:
        return _long(args, bench, pipe, describe())
    ko_backend = config.get("tokenize", {}).get("ko_backend", "mecab")
    results = [r for lang in args.langs.split(",")
               if (r := bench.measure_language(lang, pipe, args.chars, ko_backend))]
    texts = [t for lang in args.langs.split(",") for t in bench.corpus(lang, args.chars)]
    scale_texts = list(itertools.islice(itertools.cycle(texts), args.scale_docs))
    workers = sorted({1, args.workers})
    scale = bench.scaling(scale_texts, config, workers) if scale_texts else []
    ray_rows = bench.ray_scaling(scale_texts, config, workers) if args.ray and scale_texts else []
    if args.json:
        print(json.dumps({"machine": describe(), "languages": [r.__dict__ | {"ratio": r.ratio} for r in results],
                          "scaling": scale, "ray": ray_rows}, indent=2))
        return 0
    print(f"# {describe()}; stages: {', '.join(pipe.names)}")
    print("# c/s: characters per CPU second of one process (per core); workers: wall-clock docs/s")
    print(f"{'lang':4} {'docs':>5} {'chars':>8} {'pipeline c/s':>13} {'tokenizer c/s':>14} {'ratio':>6}  baseline")
    for r in results:
        base = f"{r.baseline} {r.baseline_cps:,.0f} c/s (pipeline = {r.pipeline_cps / r.baseline_cps:.2f}x)" if r.baseline else ""
        print(f"{r.lang:4} {r.docs:5d} {r.chars:8d} {r.pipeline_cps:13,.0f} {r.tokenizer_cps:14,.0f} {r.ratio:6.2f}  {base}")
    if scale:
        print(f"{'workers':>7} {'docs/s':>8} {'speed-up':>9} {'peak RSS/worker MB':>19}")
    for row in scale:
        print(f"{row['workers']:7d} {row['docs/s']:8.1f} {row['docs/s'] / scale[0]['docs/s']:9.2f} {row['peak_rss_mb']:19.0f}")
    for row in ray_rows:
        print(f"ray {row['workers']:3d} actors: start-up {row['ray_start_s']:.1f} s, run {row['run_s']:.1f} s "
              f"({row['docs/s']:.1f} docs/s, speed-up {ray_rows[0]['run_s'] / row['run_s']:.2f})")
    if args.profile:
        for r in results:
            total = sum(r.stage_seconds.values()) or 1.0
            shares = ", ".join(f"{k} {v / total:.0%}" for k, v in sorted(r.stage_seconds.items(), key=lambda kv: -kv[1]))
            print(f"profile {r.lang}: {shares}")
    return 0


def _long(args: argparse.Namespace, bench: Any, pipe: Any, machine: str) -> int:
    result = bench.measure_long(pipe, args.long_chars)
    if result is None:
        print("newsfacts bench --long: the English public texts are not in ../shared/data", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"machine": machine, "long": result.__dict__ | {"ratio": result.ratio}}, indent=2))
        return 0
    print(f"# {machine}; c/s: characters per CPU second of one process")
    print(f"one article of {result.chars:,} chars: {result.long_cps:,.0f} c/s; the same text as "
          f"{result.pieces} articles of about 2 KB: {result.pieces_cps:,.0f} c/s; ratio {result.ratio:.2f}")
    errors = "; ".join(f"{e['stage']}: {e['type']}" for e in result.errors) or "none"
    print(f"the long article through the pipeline (time limit on): {result.long_wall_s:.1f} s wall, errors: {errors}")
    total = sum(result.stage_seconds.values()) or 1.0
    print("profile: " + ", ".join(f"{k} {v:.2f} s ({v / total:.0%})" for k, v in
                                   sorted(result.stage_seconds.items(), key=lambda kv: -kv[1])))
    return 0
