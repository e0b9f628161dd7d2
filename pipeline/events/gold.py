"""Gold events for real texts kept outside the repository, and their scoring.

A gold line (corpus/gold/real-events.gold.jsonl) holds no text, only where to read it and
offsets into it::

    {"id": "mofcom-uel-202502", "source": "cn-mofcom-sanctions-ammitto/reference-docs/...md",
     "lang": "zh", "sha256": "<of the file's bytes>",
     "events": [{"action": "add", "list": "cn-unreliable-entity-list", "date": "2025-01",
                 "count": 7, "targets": [[[s, e], [s, e]], ...]}]}

``source`` is relative to the shared data folder (../shared/data); offsets are into the string
:func:`read_source_text` returns. Each target is a list of spans: the mentions of one target
(a Chinese name and its English name in brackets...). An event with no named target (BIS "adding
24 entities") has ``targets: []``.

Scoring compares sets of tuples per document: (target, action, list, month) and
(target, action, list); an event without targets gives one tuple with target None. A predicted
target is a gold target when its span overlaps one of the gold target's spans, when their texts
are equal up to case, spaces and punctuation (or one ends with the other, at least 4 characters:
美国通用原子航空系统公司 ~ 通用原子航空系统公司), or when another mention with the same canonical
id does.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..types import Document


def read_source_text(path: str | Path) -> str:
    """The text that gold offsets refer to: the file decoded as UTF-8 with Python's universal
    newlines (``Path.read_text``), nothing stripped."""
    return Path(path).read_text(encoding="utf-8")


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def source_problem(record: dict[str, Any], data_root: Path) -> str | None:
    """Why a gold document cannot be scored here (missing or changed file), else None."""
    path = data_root / record["source"]
    if not path.exists():
        return f"{path} is absent"
    if record.get("sha256") and hashlib.sha256(path.read_bytes()).hexdigest() != record["sha256"]:
        return f"{path} differs from the annotated version (sha256)"
    return None


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


def gold_tuples(record: dict[str, Any], text: str) -> set[tuple]:
    out = set()
    for ev in record["events"]:
        month = (ev.get("date") or "")[:7] or None
        keys = [_norm(text[t[0][0]:t[0][1]]) for t in ev["targets"]] or [None]
        out.update((k, ev["action"], ev.get("list"), month) for k in keys)
    return out


def predicted_tuples(record: dict[str, Any], doc: Document) -> set[tuple]:
    """Tuples of ``doc.events`` with targets mapped onto the gold targets where they match."""
    text = doc.text
    gold_targets = [(_norm(text[t[0][0]:t[0][1]]), t) for ev in record["events"] for t in ev["targets"]]
    names = {_norm(text[s:e]): key for key, spans in gold_targets for s, e in spans}

    def match(start: int, end: int, surface: str) -> str | None:
        for key, spans in gold_targets:
            if any(s < end and start < e for s, e in spans):
                return key
        norm = _norm(surface)
        if norm in names:
            return names[norm]
        for name, key in names.items():     # 美国通用原子航空系统公司 ~ 通用原子航空系统公司
            short, long_ = sorted((name, norm), key=len)
            if len(short) >= 4 and long_.endswith(short):
                return key
        return None

    by_canonical: dict[str, str] = {}
    for ent in doc.entities:
        cid = (ent.canonical or {}).get("id")
        key = match(ent.start, ent.end, ent.text)
        if cid and key:
            by_canonical.setdefault(cid, key)
    out = set()
    for ev in doc.events:
        month = ((ev.date or {}).get("value") or "")[:7] or None
        list_id = (ev.list or {}).get("id")
        keys = []
        for tid in ev.targets:
            ent = doc.entity(tid)
            cid = (ent.canonical or {}).get("id")
            keys.append(match(ent.start, ent.end, ent.text) or by_canonical.get(cid or "")
                        or "?" + (cid or _norm(ent.text)))
        out.update((k, ev.action, list_id, month) for k in keys or [None])
    return out


@dataclass
class Score:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, predicted: set[tuple], gold: set[tuple]) -> None:
        self.tp += len(predicted & gold)
        self.predicted += len(predicted)
        self.gold += len(gold)

    @property
    def p(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def row(self) -> dict[str, float | int]:
        return {"p": round(self.p, 3), "r": round(self.r, 3), "f1": round(self.f1, 3),
                "tp": self.tp, "predicted": self.predicted, "gold": self.gold}


def without_month(tuples: Iterable[tuple]) -> set[tuple]:
    return {t[:3] for t in tuples}


@dataclass
class Evaluation:
    """Scores over the gold documents that could be read, and the ones that could not."""

    dated: dict[str, Score]
    undated: dict[str, Score]
    skipped: list[str]
    errors: list[dict[str, Any]]


def evaluate(records: list[dict[str, Any]], nlp: Any, data_root: Path) -> Evaluation:
    """Run ``nlp`` (a Pipeline with the events stage) over the gold texts and score them;
    scores are kept per language and under "all"."""
    dated: dict[str, Score] = {}
    undated: dict[str, Score] = {}
    skipped, errors = [], []
    for record in records:
        problem = source_problem(record, data_root)
        if problem:
            skipped.append(f"{record['id']}: {problem}")
            continue
        text = read_source_text(data_root / record["source"])
        doc = nlp(Document(text=text, id=record["id"]))
        pred, gold = predicted_tuples(record, doc), gold_tuples(record, text)
        for lang in ("all", record.get("lang", "und")):
            dated.setdefault(lang, Score()).add(pred, gold)
            undated.setdefault(lang, Score()).add(without_month(pred), without_month(gold))
        if pred != gold:
            errors.append({"id": record["id"], "missed": sorted(gold - pred, key=str),
                           "spurious": sorted(pred - gold, key=str)})
    return Evaluation(dated, undated, skipped, errors)
