"""Run the pipeline over public NER sets and score it in each set's own tags."""
from __future__ import annotations

import io
import itertools
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import orjson

from .formats import SETS, read_set, set_path
from .records import gold_record
from .score import Options, restrict, score
from .tagmap import tagmap

DEFAULT_SETS = "klue-ner:dev,cluener2020:dev,conll2003:testb,msra-ner-test:test"


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
        if not split and name in SETS:
            split = next(iter(SETS[name].splits))
        set_path(name, split)  # validates the names
        pairs.append((name, split))
    return pairs


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
    """Process one split with the pipeline and score it over the set's types (tagmaps.toml)."""
    tags = tagmap(name)
    docs = read_set(name, split)
    if limit:
        docs = itertools.islice(docs, limit)
    gold = [gold_record(d, tags, {"set": name, "split": split}) for d in docs]
    records, seconds = predict([{"id": g["id"], "text": g["text"]} for g in gold], config, workers)
    typer = restrict(tags.to_set, tags.types)
    report = score(gold, records, Options(typer, typer)).to_dict()
    return SetResult(name, split, SETS[name].lang, tags.types, len(gold), seconds, report)


def table(results: list[SetResult]) -> str:
    """The benchmark table (Markdown, readable in a terminal too)."""
    lines = ["| set | language | types | docs | errors | P | R | F1 | lenient F1 | docs/s |",
             "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        s, le = r.report["entities"]["strict"]["overall"], r.report["entities"]["lenient"]["overall"]
        rate = r.docs / r.seconds if r.seconds else 0.0
        errors = r.report["documents"].get("errors", 0)
        lines.append(f"| {r.name}:{r.split} | {r.lang} | {' '.join(r.types)} | {r.docs} | {errors} | "
                     f"{s['p']:.3f} | {s['r']:.3f} | {s['f1']:.3f} | {le['f1']:.3f} | {rate:.1f} |")
    return "\n".join(lines)


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
