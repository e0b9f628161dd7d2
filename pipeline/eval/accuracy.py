"""Run the pipeline over gold sets and score it with the one scorer (:mod:`.score`).

Public NER sets (:mod:`.ner_sets`) are scored in their own tags; the project's gold sets
(:mod:`.gold`: samples, heldout, notices, news:dev, news:test) in newsfacts types, with events and
links."""
from __future__ import annotations

import io
import itertools
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable

import orjson

from .ner_sets import SETS, read_set, set_path
from .gold import GOLD_SETS, read_gold
from .records import gold_record
from .score import Options, restrict, score
from .tagmap import tagmap

PUBLIC_SETS = "klue-ner:dev,cluener2020:dev,conll2003:testb,msra-ner-test:test"
OWN_SETS = "samples,heldout,notices,news:dev"
DEFAULT_SETS = f"{PUBLIC_SETS},{OWN_SETS}"


@dataclass(frozen=True)
class SetResult:
    name: str
    split: str
    lang: str
    types: tuple[str, ...]
    docs: int
    seconds: float
    report: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"set": self.name, "split": self.split, "lang": self.lang, "types": list(self.types),
                "docs": self.docs, "seconds": round(self.seconds, 3),
                "docs_per_s": round(self.docs / self.seconds, 2) if self.seconds else 0.0,
                **self.report}


def available(spec: str) -> list[tuple[str, str]]:
    """``set:split`` pairs of a comma list; an unknown set or split is a ConfigError."""
    pairs = []
    for item in spec.split(","):
        name, _, split = item.strip().partition(":")
        if name in GOLD_SETS:
            split = split or GOLD_SETS[name][0]
        elif not split and name in SETS:
            split = next(iter(SETS[name].splits))
        if name not in GOLD_SETS:
            set_path(name, split)  # validates the names
        pairs.append((name, split))
    return pairs


def missing(name: str, split: str) -> str | None:
    """Why a set cannot be run here (its data is absent), else None."""
    if name in GOLD_SETS:
        records, problems = read_gold(name, split)
        return None if records else "; ".join(problems[:3]) or "no documents"
    path = set_path(name, split)
    return None if path.exists() else f"{path} not found"


def predict(texts: list[dict[str, Any]], config: dict[str, Any], workers: int) -> tuple[list[dict], float]:
    """Records for ``texts`` (``{"id", "text"}``) and the seconds spent processing them.

    With one worker the pipeline is set up before the clock starts; with several, the time
    includes starting the worker processes.
    """
    from .. import io as nio
    from ..batch import process_raw, run_corpus
    from ..runner import load

    raws = [nio.RawRecord("benchmark", n, "jsonl", orjson.dumps(t)) for n, t in enumerate(texts, 1)]
    if workers <= 1:
        pipe = load(config)
        pipe.setup()
        started = time.perf_counter()
        lines = [process_raw(pipe, raw)[0] for raw in raws]
        return [orjson.loads(line) for line in lines], time.perf_counter() - started
    out = io.BytesIO()
    stats = run_corpus(raws, out, config, workers)
    return [orjson.loads(line) for line in out.getvalue().splitlines()], stats.seconds


def run_set(name: str, split: str, config: dict[str, Any], limit: int = 0, workers: int = 1) -> SetResult:
    """Process one split with the pipeline and score it: a public set over its own types
    (tagmaps.toml), a gold set of the project's over newsfacts types, events and links."""
    if name in GOLD_SETS:
        gold, _ = read_gold(name, split)
        gold = gold[:limit] if limit else gold
        texts = [{"id": g["id"], "text": g["text"], **g.get("meta", {})} for g in gold]
        records, seconds = predict(texts, config, workers)
        report = score(gold, records, Options(aliases=kb_aliases(config))).to_dict()
        langs = sorted({g["lang"] for g in gold})
        return SetResult(name, split, "+".join(langs), (), len(gold), seconds, report)
    tags = tagmap(name)
    docs = read_set(name, split)
    if limit:
        docs = itertools.islice(docs, limit)
    gold = [gold_record(d, tags, {"set": name, "split": split}) for d in docs]
    records, seconds = predict([{"id": g["id"], "text": g["text"]} for g in gold], config, workers)
    typer = restrict(tags.to_set, tags.types)
    report = score(gold, records, Options(typer, typer)).to_dict()
    return SetResult(name, split, SETS[name].lang, tags.types, len(gold), seconds, report)


def kb_aliases(config: dict[str, Any]) -> Callable[[str], list[str]]:
    """Canonical id -> every name the knowledge base of ``config`` has for it (for links)."""
    from ..kb import load_kb

    kb = load_kb((config.get("run") or {}).get("kb") or None)

    def aliases(entity_id: str) -> list[str]:
        record = kb.get(entity_id)
        return [alias for _, alias in record.all_aliases()] + [record.name] if record else []

    return aliases


def table(results: list[SetResult]) -> str:
    """The accuracy tables (Markdown, readable in a terminal too): public NER sets, then the
    project's gold sets with events and links."""
    public = [r for r in results if r.name not in GOLD_SETS]
    own = [r for r in results if r.name in GOLD_SETS]
    lines = []
    if public:
        lines += ["| set | language | types | docs | errors | P | R | F1 | lenient F1 | docs/s |",
                  "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"]
        for r in public:
            s, le = r.report["entities"]["strict"]["overall"], r.report["entities"]["lenient"]["overall"]
            rate = r.docs / r.seconds if r.seconds else 0.0
            errors = r.report["documents"].get("errors", 0)
            lines.append(f"| {r.name}:{r.split} | {r.lang} | {' '.join(r.types)} | {r.docs} | {errors} | "
                         f"{s['p']:.3f} | {s['r']:.3f} | {s['f1']:.3f} | {le['f1']:.3f} | {rate:.1f} |")
    if own:
        lines += ["" if public else "",
                  "| set | languages | docs | errors | entities lenient F1 | FIRM F1 | events F1 (month) "
                  "| events F1 | links |",
                  "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
        for r in own:
            lenient = r.report["entities"]["lenient"]
            ev, links = r.report["events"], r.report["links"]
            firm = lenient.get("FIRM", {}).get("f1")
            lines.append(f"| {r.name}:{r.split} | {r.lang} | {r.docs} | {r.report['documents'].get('errors', 0)} | "
                         f"{_f(lenient['overall']['f1'] if lenient['overall']['tp'] + lenient['overall']['fn'] else None)} | "
                         f"{_f(firm)} | {_f(ev['with_date']['f1'] if ev['with_date']['tp'] + ev['with_date']['fn'] else None)} | "
                         f"{_f(ev['without_date']['f1'] if ev['without_date']['tp'] + ev['without_date']['fn'] else None)} | "
                         f"{_f(links['accuracy'] if links['total'] else None)} |")
    return "\n".join(line for line in lines if line is not None).strip()


def _f(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
