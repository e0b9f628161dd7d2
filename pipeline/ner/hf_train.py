"""Fine-tune a local token-classification checkpoint on newsfacts gold JSONL (``newsfacts convert``).

Each record's character spans label the sub-words that start inside them (``B-`` on the first,
``I-`` on the rest, IOB2 over the newsfacts types); special tokens are ignored by the loss. The
output folder holds the model (safetensors), its tokenizer, ``newsfacts.json`` and a model card.
"""
from __future__ import annotations

import json
import random
import time
from pathlib import Path
from typing import Any, Callable, Sequence

from ..errors import ConfigError
from ..eval.records import read_records
from ..eval.score import prf

IGNORE = -100   # the loss ignores this label
CARD = "newsfacts.json"


def label_names(records: Sequence[dict[str, Any]]) -> list[str]:
    """``O`` then ``B-T``/``I-T`` for each entity type of the records, sorted."""
    types = sorted({e["type"] for r in records for e in r.get("entities", [])})
    return ["O"] + [f"{p}-{t}" for t in types for p in "BI"]


def token_labels(offsets: Sequence[tuple[int, int]], entities: Sequence[dict[str, Any]],
                 label2id: dict[str, int]) -> list[int]:
    """Label ids of the sub-words with these character ``offsets``: a sub-word whose first
    character lies in an entity takes its type (``B-`` when it is the entity's first sub-word)."""
    out = []
    seen: set[int] = set()
    for s, e in offsets:
        if s >= e:
            out.append(IGNORE)
            continue
        hit = next((n for n, ent in enumerate(entities) if ent["start"] <= s < ent["end"]), None)
        if hit is None:
            out.append(label2id["O"])
        else:
            out.append(label2id[("I-" if hit in seen else "B-") + entities[hit]["type"]])
            seen.add(hit)
    return out


def _encode(tokenizer: Any, records: Sequence[dict[str, Any]], label2id: dict[str, int],
            max_length: int) -> list[dict[str, list[int]]]:
    rows = []
    for rec in records:
        enc = tokenizer(rec["text"], truncation=True, max_length=max_length, return_offsets_mapping=True)
        offsets = enc.pop("offset_mapping")
        ents = [e for e in rec.get("entities", []) if f"B-{e['type']}" in label2id]
        rows.append({**enc, "labels": token_labels(offsets, ents, label2id)})
    return rows


def train_hf(base: str | Path, train_path: str | Path, output: str | Path, *,
             dev_path: str | Path | None = None, epochs: int = 3, batch_size: int = 16,
             lr: float = 5e-5, max_length: int = 256, seed: int = 0,
             log: Callable[[str], None] = print) -> dict[str, Any]:
    """Fine-tune ``base`` on the gold records of ``train_path``; write ``output``; return its card."""
    import torch
    import transformers
    from transformers import AutoModelForTokenClassification, AutoTokenizer, DataCollatorForTokenClassification

    transformers.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    t0 = time.time()
    train_set = [r for r in read_records(train_path) if r.get("text")]
    if not train_set:
        raise ConfigError(f"{train_path}: no gold records with text")
    labels = label_names(train_set)
    label2id = {name: i for i, name in enumerate(labels)}
    tokenizer = AutoTokenizer.from_pretrained(base, local_files_only=True)
    if not tokenizer.is_fast:
        raise ConfigError(f"{base}: no fast tokenizer (tokenizer.json): offsets need one")
    torch.manual_seed(seed)
    model = AutoModelForTokenClassification.from_pretrained(
        base, local_files_only=True, use_safetensors=True, num_labels=len(labels),
        id2label=dict(enumerate(labels)), label2id=label2id, ignore_mismatched_sizes=True)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model.to(device).train()
    rows = _encode(tokenizer, train_set, label2id, max_length)
    collate = DataCollatorForTokenClassification(tokenizer, label_pad_token_id=IGNORE)
    optim = torch.optim.AdamW(model.parameters(), lr=lr)
    rng = random.Random(seed)
    losses = []
    for epoch in range(epochs):
        rng.shuffle(rows)
        total = 0.0
        for n in range(0, len(rows), batch_size):
            batch = {k: v.to(device) for k, v in collate(rows[n:n + batch_size]).items()}
            loss = model(**batch).loss
            loss.backward()
            optim.step()
            optim.zero_grad()
            total += loss.item()
        losses.append(round(total / max(1, -(-len(rows) // batch_size)), 4))
        log(f"epoch {epoch + 1}/{epochs}: loss {losses[-1]}")
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    card = {"backend": "transformers", "base": str(base), "train": str(train_path),
            "train_sentences": len(train_set), "labels": labels, "epochs": epochs, "lr": lr,
            "batch_size": batch_size, "max_length": max_length, "seed": seed, "loss": losses,
            "device": device.type, "seconds": round(time.time() - t0, 1)}
    if dev_path:
        card["dev"] = {"path": str(dev_path), **evaluate_hf(out, dev_path)}
    (out / CARD).write_text(json.dumps(card, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "README.md").write_text(_card_text(card), encoding="utf-8")
    return card


def evaluate_hf(model_dir: str | Path, gold_path: str | Path) -> dict[str, Any]:
    """Exact-span precision, recall and F1 of a checkpoint on gold JSONL (types as in the gold)."""
    from .hf_backend import HfNer

    model = HfNer(model_dir)
    gold_recs = [r for r in read_records(gold_path) if r.get("text")]
    gold, pred = [], []
    for rec, mentions in zip(gold_recs, model.tag_many([r["text"] for r in gold_recs])):
        gold += [(rec["id"], e["start"], e["end"], e["type"]) for e in rec.get("entities", [])]
        pred += [(rec["id"], m.start, m.end, m.label) for m in mentions]
    return prf(gold, pred)["ALL"]


def _card_text(card: dict[str, Any]) -> str:
    dev = card.get("dev")
    score = (f"Dev ({dev['path']}): P {dev['p']}, R {dev['r']}, F1 {dev['f']} (exact spans).\n"
             if dev else "No dev set was given.\n")
    return (f"# newsfacts NER checkpoint\n\nFine-tuned from `{card['base']}` on `{card['train']}` "
            f"({card['train_sentences']} records, {card['epochs']} epochs, lr {card['lr']}, "
            f"{card['device']}) in {card['seconds']} s.\n\nLabels: {', '.join(card['labels'])}.\n\n"
            f"{score}\nUse: `newsfacts run INPUT --set ner.backend=transformers ner.model=THIS_FOLDER`.\n")
