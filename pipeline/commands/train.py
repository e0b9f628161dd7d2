"""``newsfacts train --config configs/train/<lang>.toml``: train and score an NER model."""
from __future__ import annotations

import argparse
import json


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", required=True, help="training config (configs/train/<lang>.toml)")
    p.add_argument("--output", help="model folder (default: the config's output)")
    p.add_argument("--limit", type=int, help="use only the first N sentences of each set (smoke runs)")
    p.add_argument("--max-iterations", type=int, help="override crf.max_iterations")


def main(args: argparse.Namespace) -> int:
    from ..ner.train import load_config, train

    cfg = load_config(args.config)
    if args.max_iterations:
        cfg.setdefault("crf", {})["max_iterations"] = args.max_iterations
    meta = train(cfg, output=args.output, limit=args.limit)
    summary = {name: {"f": s["ALL"]["f"], "p": s["ALL"]["p"], "r": s["ALL"]["r"]}
               for name, s in meta["scores"].items()}
    print(json.dumps({"output": args.output or cfg["output"], "seconds": meta["seconds"],
                      "scores": summary}, ensure_ascii=False))
    return 0
