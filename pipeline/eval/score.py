"""Score predicted newsfacts records against gold records.

Entities: precision/recall/F1 per type, per language and overall, *strict* (same start, end and
type) and *lenient* (overlapping spans, same type; strict pairs first, then a maximum one-to-one
matching of the rest, so each gold and each prediction counts once). Also the type confusion,
the accuracy of ``norm`` and of ``canonical.id`` on lenient matches, and sanction events as
(target, action, list id, month) tuples with and without the month, and links of the gold
chains that name their entity (:mod:`pipeline.eval.events`).

Gold documents may omit what they do not annotate: a gold record without ``entities`` (or
``events``) is not scored on entities (or events). Documents are matched by ``id``; a gold
document with no prediction, or with an error record, counts as one with no predictions.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ..errors import InputError
from . import events
from .match import match

NORM_TYPES = ("MONEY", "DATE", "PERCENT", "QUANTITY")
MISSED, SPURIOUS = "(missed)", "(spurious)"


@dataclass
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": p, "r": r, "f1": f1, "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def to_dict(self) -> dict[str, float | int]:
        return {"correct": self.correct, "total": self.total,
                "accuracy": self.correct / self.total if self.total else 0.0}


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    type: str
    raw: dict[str, Any]

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def same_span(self, other: "Span") -> bool:
        return self.start == other.start and self.end == other.end


@dataclass(frozen=True)
class Options:
    """How types are read: ``gold_type``/``pred_type`` map a type (None drops the entity)."""

    gold_type: Callable[[str], str | None] = lambda t: t
    pred_type: Callable[[str], str | None] = lambda t: t
    aliases: Callable[[str], Iterable[str]] | None = None   # canonical id -> its KB names (links)


def restrict(mapping: Callable[[str], str], types: Iterable[str] | None) -> Callable[[str], str | None]:
    """``mapping`` followed by keeping only ``types`` (all types when None)."""
    if not types:
        return mapping
    keep = set(types)

    def typer(t: str) -> str | None:
        m = mapping(t)
        return m if m in keep else None

    return typer


@dataclass
class Scores:
    """Accumulated counts over documents; :meth:`to_dict` gives the ``--json`` report."""

    strict: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    lenient: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_lang: dict[str, dict[str, dict[str, Counts]]] = field(
        default_factory=lambda: defaultdict(lambda: {m: defaultdict(Counts) for m in ("strict", "lenient")}))
    confusion: Counter = field(default_factory=Counter)
    norm: dict[str, Accuracy] = field(default_factory=lambda: defaultdict(Accuracy))
    linking: Accuracy = field(default_factory=Accuracy)
    linked_predictions: int = 0
    events: dict[str, Counts] = field(
        default_factory=lambda: {"with_date": Counts(), "without_date": Counts()})
    events_by_lang: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: defaultdict(lambda: {"with_date": Counts(), "without_date": Counts()}))
    event_errors: list[dict[str, Any]] = field(default_factory=list)
    links: Accuracy = field(default_factory=Accuracy)
    documents: Counter = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        def table(counts: dict[str, Counts]) -> dict[str, Any]:
            out = {t: counts[t].to_dict() for t in sorted(counts)}
            total = Counts()
            for c in counts.values():
                total.add(c)
            out["overall"] = total.to_dict()
            return out

        norm = {t: self.norm[t].to_dict() for t in sorted(self.norm)}
        overall = Accuracy(sum(a.correct for a in self.norm.values()),
                           sum(a.total for a in self.norm.values()))
        norm["overall"] = overall.to_dict()
        confusion: dict[str, dict[str, int]] = defaultdict(dict)
        for (g, p), n in sorted(self.confusion.items()):
            confusion[g][p] = n
        return {
            "entities": {"strict": table(self.strict), "lenient": table(self.lenient)},
            "languages": {lang: {mode: table(c) for mode, c in modes.items()}
                          for lang, modes in sorted(self.by_lang.items())},
            "confusion": dict(confusion),
            "norm": norm,
            "linking": {**self.linking.to_dict(), "predicted": self.linked_predictions},
            "events": {k: c.to_dict() for k, c in self.events.items()},
            "events_by_language": {lang: {k: c.to_dict() for k, c in table.items()}
                                   for lang, table in sorted(self.events_by_lang.items())},
            "links": self.links.to_dict(),
            "event_errors": self.event_errors,
            "documents": dict(self.documents),
        }


def _spans(record: dict[str, Any], typer: Callable[[str], str | None]) -> list[Span]:
    """The record's entities as spans with mapped types (dropped where the type maps to None)."""
    out = []
    for e in record.get("entities") or []:
        start, end = e.get("start"), e.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end:
            raise InputError(f"document {record.get('id')!r}: entity {e.get('id', e)!r} has no valid "
                             "start/end offsets")
        t = typer(str(e.get("type", "")))
        if t is not None:
            out.append(Span(start, end, t, e))
    return out


def score(gold: Iterable[dict[str, Any]], pred: Iterable[dict[str, Any]],
          options: Options = Options()) -> Scores:
    """Score ``pred`` records against ``gold`` records (both newsfacts JSONL objects)."""
    predictions: dict[str, dict[str, Any]] = {}
    scores = Scores()
    for rec in pred:
        rid = rec.get("id")
        if rid is None or str(rid) in predictions:
            scores.documents["pred_ignored"] += 1
            continue
        predictions[str(rid)] = rec
    seen: set[str] = set()
    for g in gold:
        gid = str(g.get("id"))
        if gid in seen:
            raise InputError(f"gold has two documents with id {gid!r}")
        seen.add(gid)
        scores.documents["gold"] += 1
        p = predictions.get(gid)
        if p is None:
            scores.documents["missing"] += 1
            p = {}
        elif "error" in p:
            scores.documents["errors"] += 1
            p = {}
        score_document(g, p, options, scores)
    scores.documents["pred_unmatched"] = len(set(predictions) - seen)
    return scores


def score_document(gold: dict[str, Any], pred: dict[str, Any], options: Options, scores: Scores) -> None:
    """Add one document's counts to ``scores``."""
    if "entities" in gold:
        _score_entities(gold, pred, options, scores)
    if "events" in gold:
        _score_events(gold, pred, options, scores)


def _score_entities(gold: dict[str, Any], pred: dict[str, Any], options: Options, scores: Scores) -> None:
    gs, ps = _spans(gold, options.gold_type), _spans(pred, options.pred_type)
    lang = str(gold.get("lang") or pred.get("lang") or "und")
    strict = match(gs, ps, lambda g, p: g.same_span(p) and g.type == p.type)
    lenient = strict + match(gs, ps, lambda g, p: g.overlaps(p) and g.type == p.type,
                             {i for i, _ in strict}, {j for _, j in strict})
    for mode, pairs in (("strict", strict), ("lenient", lenient)):
        _counts(gs, ps, pairs, getattr(scores, mode))
        _counts(gs, ps, pairs, scores.by_lang[lang][mode])
    _confusion(gs, ps, lenient, scores.confusion)
    for i, j in lenient:
        _score_attributes(gs[i], ps[j], scores)


def _counts(gs: list[Span], ps: list[Span], pairs: list[tuple[int, int]], table: dict[str, Counts]) -> None:
    """Add tp/fn per gold type and fp per predicted type to ``table``."""
    matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, g in enumerate(gs):
        if i in matched_g:
            table[g.type].tp += 1
        else:
            table[g.type].fn += 1
    for j, p in enumerate(ps):
        if j not in matched_p:
            table[p.type].fp += 1


def _confusion(gs: list[Span], ps: list[Span], lenient: list[tuple[int, int]], confusion: Counter) -> None:
    """Same-type matches, then span-exact pairs of other types, then overlapping pairs."""
    pairs = list(lenient)
    for ok in (Span.same_span, Span.overlaps):
        pairs += match(gs, ps, ok, {i for i, _ in pairs}, {j for _, j in pairs})
    for i, j in pairs:
        confusion[(gs[i].type, ps[j].type)] += 1
    matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, g in enumerate(gs):
        if i not in matched_g:
            confusion[(g.type, MISSED)] += 1
    for j, p in enumerate(ps):
        if j not in matched_p:
            confusion[(SPURIOUS, p.type)] += 1


def _score_attributes(g: Span, p: Span, scores: Scores) -> None:
    gnorm, gtype = g.raw.get("norm"), str(g.raw.get("type"))
    if gnorm and gtype in NORM_TYPES:
        acc = scores.norm[gtype]
        acc.total += 1
        acc.correct += _norm_equal(gnorm, p.raw.get("norm") or {})
    gid = (g.raw.get("canonical") or {}).get("id")
    if gid:
        pid = (p.raw.get("canonical") or {}).get("id")
        scores.linking.total += 1
        scores.linking.correct += pid == gid
        scores.linked_predictions += pid is not None


def _norm_equal(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Every key the gold gives has the same value in the prediction (numbers to 1e-9)."""
    for key, value in gold.items():
        other = pred.get(key)
        if isinstance(value, (int, float)) and isinstance(other, (int, float)):
            if abs(value - other) > 1e-9 * max(1.0, abs(value)):
                return False
        elif other is None or str(value) != str(other):
            return False
    return True


def _score_events(gold: dict[str, Any], pred: dict[str, Any], options: Options, scores: Scores) -> None:
    text = str(gold.get("text") or pred.get("text") or "")
    gt, pt = events.gold_tuples(gold), events.predicted_tuples(gold, pred, text) if pred else set()
    lang = str(gold.get("lang") or "und")
    for key, g, p in (("with_date", gt, pt), ("without_date", events.without_month(gt), events.without_month(pt))):
        counts = Counts(len(g & p), len(p - g), len(g - p))
        scores.events[key].add(counts)
        scores.events_by_lang[lang][key].add(counts)
    if gt != pt:
        scores.event_errors.append({"id": gold.get("id"), "missed": sorted(gt - pt, key=str),
                                    "spurious": sorted(pt - gt, key=str)})
    right, total = events.links(gold, pred, options.aliases)
    scores.links.correct += right
    scores.links.total += total


# -- exact-span scores of mention sets (NER training reports) ---------------------------------
Mention = tuple[str, int, int, str]   # (sentence id, start, end, type)


def prf(gold: Iterable[Mention], pred: Iterable[Mention]) -> dict[str, dict[str, float]]:
    """Scores of ``pred`` against ``gold``: a mention counts when span and type are equal.

    Returns ``{"ALL": {...}, TYPE: {...}}`` with ``p``, ``r``, ``f``, ``gold``, ``pred``, ``tp``.
    """
    gold, pred = set(gold), set(pred)
    tp = gold & pred
    counts = {name: Counter(m[3] for m in group) for name, group in
              (("gold", gold), ("pred", pred), ("tp", tp))}
    types = sorted(set(counts["gold"]) | set(counts["pred"]))
    out = {"ALL": _prf_row(len(gold), len(pred), len(tp))}
    for t in types:
        out[t] = _prf_row(counts["gold"][t], counts["pred"][t], counts["tp"][t])
    return out


def _prf_row(g: int, p: int, tp: int) -> dict[str, float]:
    prec = tp / p if p else 0.0
    rec = tp / g if g else 0.0
    f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"p": round(prec, 4), "r": round(rec, 4), "f": round(f, 4), "gold": g, "pred": p, "tp": tp}
