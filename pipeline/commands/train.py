"""``newsfacts train --config configs/train/<lang>.toml``: train and score an NER model (or, by
the config's ``kind``, the events stage's decisions or the organisation typer).

``newsfacts train --backend transformers --model CHECKPOINT --train gold.jsonl --output DIR``
fine-tunes a local Hugging Face checkpoint on gold JSONL (the output of ``newsfacts convert``).
"""
from __future__ import annotations

import argparse
import json

from ..errors import ConfigError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", help="training config (configs/train/<lang>.toml); crf and spacy backends")
    p.add_argument("--output", help="model folder (default: the config's output)")
    p.add_argument("--limit", type=int, help="use only the first N sentences (documents) of each set (smoke runs)")
    p.add_argument("--max-iterations", type=int, help="override crf.max_iterations")
    p.add_argument("--backend", choices=["config", "transformers"], default="config",
                   help="transformers: fine-tune --model on --train (default: as --config says)")
    p.add_argument("--model", help="transformers: local checkpoint folder to fine-tune")
    p.add_argument("--train", help="transformers: gold JSONL (newsfacts convert) to train on")
    p.add_argument("--dev", help="transformers: gold JSONL scored after training")
    p.add_argument("--epochs", type=int, default=3, help="transformers: epochs (default 3)")
    p.add_argument("--batch-size", type=int, default=16, help="transformers: batch size (default 16)")
    p.add_argument("--lr", type=float, default=5e-5, help="transformers: learning rate (default 5e-5)")
    p.add_argument("--max-length", type=int, default=256, help="transformers: sub-words per text")


def main(args: argparse.Namespace) -> int:
    if args.backend == "transformers":
        return _transformers(args)
    if not args.config:
        raise ConfigError("train needs --config (or --backend transformers --model --train --output)")
    import tomllib

    with open(args.config, "rb") as fh:
        kind = tomllib.load(fh).get("kind", "ner")
    if kind == "events":
        from ..eval.gold import training_config
        from ..events.train import train as train_events

        train_events(training_config(args.config), output=args.output)
        return 0
    if kind == "typer":
        from ..entities.typer_train import train as train_typer
        from ..eval.gold import training_config

        train_typer(training_config(args.config), output=args.output, limit=args.limit)
        return 0
    if kind == "rates":
        from ..entities.rates import train as measure_rates
        from ..eval.gold import training_config

        print(json.dumps(measure_rates(training_config(args.config), output=args.output), ensure_ascii=False))
        return 0
    if kind == "loanwords":
        from ..lang.ko.loanword_training import load_config as load_loanword_config, train as train_loanwords

        print(json.dumps(train_loanwords(load_loanword_config(args.config), output=args.output), ensure_ascii=False))
        return 0
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


def _transformers(args: argparse.Namespace) -> int:
    import sys

    from ..ner.hf_train import train_hf

    missing = [f"--{k}" for k in ("model", "train", "output") if not getattr(args, k)]
    if missing:
        raise ConfigError(f"train --backend transformers needs {', '.join(missing)}")
    card = train_hf(args.model, args.train, args.output, dev_path=args.dev, epochs=args.epochs,
                    batch_size=args.batch_size, lr=args.lr, max_length=args.max_length,
                    log=lambda line: print(line, file=sys.stderr))
    print(json.dumps({"output": args.output, "seconds": card["seconds"], "labels": card["labels"],
                      "loss": card["loss"], "dev": card.get("dev")}, ensure_ascii=False))
    return 0
