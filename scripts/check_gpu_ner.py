#!/usr/bin/env python
"""Check the transformers NER backend on a GPU against the CPU, with nothing downloaded.

    python scripts/check_gpu_ner.py [--texts N] [--devices cuda,cpu]

Builds the tiny BERT of tests/ner/test_hf_ner.py (WordPiece vocabulary from the test sentences),
fine-tunes it on CUDA with ``pipeline.ner.hf_train.train_hf`` on the Korean, Chinese and English
gold of that test, then tags the same texts (repeated to ``--texts``) with ``HfNer`` on CUDA and
on the CPU and compares: the mentions must be the same, with character offsets that cut the
text exactly at the gold names. Prints the devices, the training card and both tagging speeds.
Exits 0 with a note when no GPU is present, 1 when CUDA and CPU disagree.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "tests" / "ner")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=int, default=3000, help="texts tagged on each device")
    ap.add_argument("--devices", default="cuda,cpu", help="the two devices compared (cpu,cpu tries the script)")
    args = ap.parse_args(argv)
    import torch

    devices = args.devices.split(",")
    if "cuda" in devices and not torch.cuda.is_available():
        print("no CUDA device: nothing to check (the CPU path is covered by tests/ner/test_hf_ner.py)")
        return 0
    from pipeline.ner.hf_backend import HfNer
    from pipeline.ner.hf_train import train_hf
    from test_hf_ner import GOLD, WORDS, _records, make_tiny_bert

    print("devices:", devices, torch.cuda.get_device_name(0) if torch.cuda.is_available() else "",
          "| torch", torch.__version__)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        base = make_tiny_bert(work / "base", [t for t, _ in GOLD], WORDS)
        gold = work / "gold.jsonl"
        gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records()), encoding="utf-8")
        card = train_hf(base, gold, work / "model", dev_path=gold, epochs=60, lr=3e-3, batch_size=6,
                        log=lambda _: None)
        print("trained on", card["device"], "in", card["seconds"], "s; dev", card["dev"])
        texts = [t for t, _ in GOLD] * (args.texts // len(GOLD))
        out = {}
        for device in devices:
            model = HfNer(work / "model", device=device, batch_size=64)
            model.tag_many(texts[:64])                                 # warm-up
            t0 = time.perf_counter()
            out[len(out)] = model.tag_many(texts)
            seconds = time.perf_counter() - t0
            print(f"{device}: {len(texts)} texts in {seconds:.2f} s ({len(texts) / seconds:,.0f} texts/s)")
    first, second = ([[(m.start, m.end, m.type) for m in ms] for ms in out[k]] for k in (0, 1))
    found = [[(text[s:e], t) for s, e, t in ms] for text, ms in zip(texts, first[:len(GOLD)])]
    print(f"mentions on the gold texts ({devices[0]}):", found)
    same = first == second
    exact = found == [ents for _, ents in GOLD]
    print(f"{devices[0]} == {devices[1]}: {same}; gold names cut exactly: {exact}")
    return 0 if same and exact else 1


if __name__ == "__main__":
    sys.exit(main())
