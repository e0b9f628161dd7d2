"""A Hugging Face token-classification checkpoint as an NER backend (``ner.backend = "transformers"``).

The checkpoint is a local directory (nothing is downloaded) with a fast tokenizer, whose
``offset_mapping`` maps each sub-word back to the characters of the sentence. Labels are
``B-``/``I-`` (IOB2) tags; their names map to newsfacts types through :data:`LABEL_TYPES`.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..errors import ConfigError
from ..eval.ner_sets import spans_from_tags
from ..lang.rules import trim
from .mention import Mention

#: label name (upper case, without its B-/I- prefix) -> newsfacts type; others are dropped
LABEL_TYPES = {
    "PER": "PERSON", "PS": "PERSON", "PERSON": "PERSON", "NAME": "PERSON", "NR": "PERSON",
    "ORG": "ORG", "OG": "ORG", "ORGANIZATION": "ORG", "NT": "ORG",
    "COMPANY": "FIRM", "FIRM": "FIRM", "GOVERNMENT": "GOV", "GOV": "GOV", "UNIVERSITY": "UNIVERSITY",
    "LOC": "LOC", "LC": "LOC", "GPE": "LOC", "ADDRESS": "LOC", "LOCATION": "LOC", "NS": "LOC",
    "DT": "DATE", "DATE": "DATE", "QT": "QUANTITY", "QUANTITY": "QUANTITY",
    "MONEY": "MONEY", "PERCENT": "PERCENT",
}

Unit = tuple[int, int]   # a sub-word's character span in the sentence


def newsfacts_type(label: str, extra: dict[str, str] | None = None) -> str:
    """The newsfacts type of a label name (``PS``, ``company``...); ``""`` when it has none."""
    if extra and label in extra:
        return extra[label]
    return LABEL_TYPES.get(label.upper(), "")


def align(text: str, units: Sequence[Unit], word_ids: Sequence[int], tags: Sequence[str],
          probs: Sequence[float], reduce: str = "min", subwords: str = "own"
          ) -> list[tuple[int, int, str, float]]:
    """Character mentions ``(start, end, label, score)`` from per-sub-word IOB2 predictions.

    ``units`` are the sub-words' character spans in ``text``, ``word_ids`` the tokenizer's word
    of each. The first sub-word of a word decides whether a mention starts there: a later
    sub-word only continues the mention of the sub-word before it (same label) or ends it, so a
    Korean particle tagged ``O`` (``미국`` + ``##과``) stays out and no mention starts inside a
    word. With ``subwords="first"`` (checkpoints trained with labels on first sub-words only)
    a later sub-word takes the tag of the first instead. Spans are trimmed of spaces; the score
    is the ``min`` or ``mean`` of the sub-words' probabilities. A tag without ``B-``/``I-`` is O.
    """
    fixed: list[str] = []
    for i, tag in enumerate(tags):
        tag = tag if "-" in tag else "O"
        inner = i > 0 and word_ids[i] == word_ids[i - 1]
        if inner and subwords == "first":
            tag = "O" if fixed[-1] == "O" else "I-" + fixed[-1].split("-", 1)[-1]
        elif inner and tag != "O":
            label = tag.split("-", 1)[-1]
            tag = f"I-{label}" if fixed[-1] != "O" and fixed[-1].split("-", 1)[-1] == label else "O"
        fixed.append(tag)
    out = []
    for first, last, label in spans_from_tags(fixed):
        start, end = trim(text, units[first][0], units[last - 1][1])
        if start < end:
            part = probs[first:last]
            score = min(part) if reduce == "min" else sum(part) / len(part)
            out.append((start, end, label, round(float(score), 4)))
    return out


class HfNer:
    """Tags sentences with a local checkpoint, in batches, on the GPU when there is one."""

    def __init__(self, directory: str | Path, *, batch_size: int = 16, device: str = "",
                 max_length: int = 512, score: str = "min", subwords: str = "own",
                 labels: dict[str, str] | None = None) -> None:
        import torch
        import transformers
        from transformers import AutoModelForTokenClassification, AutoTokenizer

        directory = Path(directory)
        if not (directory / "config.json").exists():
            raise ConfigError(f"ner.model: {directory} is not a transformers checkpoint (no config.json)")
        transformers.logging.set_verbosity_error()
        transformers.utils.logging.disable_progress_bar()
        self.tokenizer = AutoTokenizer.from_pretrained(directory, local_files_only=True)
        if not self.tokenizer.is_fast:
            raise ConfigError(f"ner.model: {directory} has no fast tokenizer (tokenizer.json): "
                              "character offsets need one")
        self.model = AutoModelForTokenClassification.from_pretrained(
            directory, local_files_only=True, use_safetensors=True)
        self.device = torch.device(device or ("cuda" if torch.cuda.is_available() else "cpu"))
        if self.device.type == "cpu" and os.environ.get("OMP_NUM_THREADS", "").isdigit():
            torch.set_num_threads(max(1, int(os.environ["OMP_NUM_THREADS"])))  # the runner's cap
        self.model.to(self.device).eval()
        self.id2label = {int(k): v for k, v in self.model.config.id2label.items()}
        self.batch_size = batch_size
        self.max_length = min(max_length, getattr(self.model.config, "max_position_embeddings", 512) - 2)
        self.reduce = score
        self.subwords = subwords
        self.labels = labels or {}

    def tag(self, text: str) -> list[Mention]:
        return self.tag_many([text])[0]

    def tag_many(self, texts: Sequence[str]) -> list[list[Mention]]:
        """Mentions of each text; texts are sorted by length and run ``batch_size`` at a time."""
        out: list[list[Mention]] = [[] for _ in texts]
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for n in range(0, len(order), self.batch_size):
            chunk = [i for i in order[n:n + self.batch_size] if texts[i].strip()]
            for i, mentions in zip(chunk, self._batch([texts[i] for i in chunk])):
                out[i] = mentions
        return out

    @functools.cached_property
    def _specials(self) -> tuple[list[int], list[int]]:
        """The special token ids the checkpoint puts before and after a sequence ([CLS] / [SEP])."""
        plain = self.tokenizer("a", add_special_tokens=False)["input_ids"]
        full = self.tokenizer("a", add_special_tokens=True)["input_ids"]
        at = next(i for i in range(len(full) - len(plain) + 1) if full[i:i + len(plain)] == plain)
        return full[:at], full[at + len(plain):]

    def _windows(self, texts: list[str]) -> list[tuple[int, list[int], list[tuple[int, int]], list[int | None]]]:
        """Each text's sub-words cut into windows of at most ``max_length`` with the special
        tokens, at word starts where one is in reach: (text index, ids, character offsets, word
        ids). Windows are cut here rather than by the tokenizer's ``return_overflowing_tokens``,
        whose windows some transformers releases (5.17) stop after the second."""
        enc = self.tokenizer(texts, add_special_tokens=False, truncation=False, return_offsets_mapping=True)
        size = max(1, self.max_length - sum(map(len, self._specials)))
        rows = []
        for i in range(len(texts)):
            ids, offsets, words = enc["input_ids"][i], enc["offset_mapping"][i], enc.word_ids(i)
            start = 0
            while start < len(ids):
                end = min(len(ids), start + size)
                cut = end
                while end < len(ids) and cut > start + 1 and words[cut] is not None and words[cut] == words[cut - 1]:
                    cut -= 1                               # do not split a word between windows
                end = cut if cut > start + 1 else end
                rows.append((i, ids[start:end], offsets[start:end], words[start:end]))
                start = end
        return rows

    def _batch(self, texts: list[str]) -> Iterable[list[Mention]]:
        import torch

        if not texts:
            return []
        rows = self._windows(texts)
        prefix, suffix = self._specials
        with_special = [prefix + ids + suffix for _, ids, _, _ in rows]
        batch = self.tokenizer.pad({"input_ids": with_special}, return_tensors="pt")
        inputs = {k: v.to(self.device) for k, v in batch.items() if k in ("input_ids", "attention_mask")}
        with torch.inference_mode():
            probs = torch.softmax(self.model(**inputs).logits.float(), dim=-1)
        top = probs.max(dim=-1)
        best_p: list[list[float]] = top.values.cpu().tolist()
        best: list[list[int]] = top.indices.cpu().tolist()
        per_text: list[tuple[list[Unit], list[int], list[str], list[float]]] = [
            ([], [], [], []) for _ in texts]
        for row, (sample, _, offsets, window_words) in enumerate(rows):
            units, word_ids, tags, ps = per_text[sample]
            for j, word, (s, e) in zip(range(len(prefix), len(prefix) + len(window_words)), window_words, offsets):
                if word is None or s >= e:
                    continue
                units.append((s, e))
                word_ids.append(word)
                tags.append(self.id2label[best[row][j]])
                ps.append(best_p[row][j])
        results = []
        for text, (units, words, tags, ps) in zip(texts, per_text):
            results.append([Mention(s, e, label, newsfacts_type(label, self.labels), score)
                            for s, e, label, score in align(text, units, words, tags, ps, self.reduce, self.subwords)])
        return results


def load_hf(config: Any) -> HfNer:
    """The checkpoint of an ``[ner]`` config with ``backend = "transformers"``."""
    if not config.model:
        raise ConfigError('ner.backend = "transformers" needs ner.model = a checkpoint folder')
    return HfNer(config.model, batch_size=config.batch_size, device=config.device,
                 score=config.score, subwords=config.subwords, labels=config.labels)
