"""Throughput measurements: the full pipeline per language against the bare tokenizers.

Everything is measured in one process on the same texts, after a warm-up, so that ratios are
comparable on any machine; throughput is per CPU second of this process (``time.process_time``:
per core, and not skewed by other load on the machine); worker scaling and peak memory come from real ``run_corpus`` runs.
"""
from __future__ import annotations

import itertools
import resource
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import orjson

from . import io as nio
from .config import load_config
from .runner import Pipeline, load

SAMPLES = Path("corpus/samples")   # the sample articles of a checkout (relative to the working directory)
#: public sets whose sentences are grouped into article-sized documents (issue 14: CLUENER train
#: and MSRA for Chinese, KLUE for Korean, CoNLL for English)
PUBLIC_TEXT = {"ko": [("klue-ner", "dev")], "zh": [("cluener2020", "train"), ("msra-ner-test", "test")],
               "en": [("conll2003", "testb")]}
ARTICLE_CHARS = 1500
#: the long article of ``--long``: distinct English text (Federal Register abstracts, then CoNLL)
LONG_SETS = [("conll2003", "train"), ("conll2003", "testa"), ("conll2003", "testb"), ("wikiann-en", "train")]
FR_TEXTS = "us-fr-export-control-abstracts/texts"
PIECE_CHARS = 2000
#: the clock of the single-process measurements: CPU seconds of this process (all its threads)
CLOCK = time.process_time


@dataclass
class LangResult:
    lang: str
    docs: int
    chars: int
    pipeline_cps: float = 0.0
    tokenizer_cps: float = 0.0
    baseline: str = ""
    baseline_cps: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.pipeline_cps / self.tokenizer_cps if self.tokenizer_cps else 0.0


def corpus(lang: str, max_chars: int) -> list[str]:
    """Realistic texts in ``lang``: the sample articles, then public-set sentences as articles."""
    texts = [r["text"] for r in _sample_records() if _lang_of(r) == lang]
    buf: list[str] = []
    for doc in _public_sentences(PUBLIC_TEXT[lang]):
        buf.append(doc["text"])
        if sum(map(len, buf)) >= ARTICLE_CHARS:
            texts.append(("\n" if lang == "en" else " ").join(buf))
            buf = []
        if sum(map(len, texts)) >= max_chars:
            break
    out, total = [], 0
    for t in texts:
        if total >= max_chars:
            break
        out.append(t)
        total += len(t)
    return out


def _public_sentences(sets: list[tuple[str, str]]) -> Iterator[dict[str, Any]]:
    """The sentences of these public sets, one set after the other (those absent are skipped)."""
    from .eval.ner_sets import read_set

    for name, split in sets:
        try:
            yield from read_set(name, split)
        except FileNotFoundError:
            continue


def long_text(max_chars: int) -> str:
    """One article of up to ``max_chars`` characters of distinct English text: the Federal
    Register abstracts, then CoNLL-2003 sentences, a paragraph each ("" without the data)."""
    from .eval.ner_sets import data_dir

    parts: list[str] = []
    total = 0
    sources = (p.read_text(encoding="utf-8") for p in sorted((data_dir() / FR_TEXTS).glob("*.txt")))
    for part in itertools.chain(sources, (d["text"] for d in _public_sentences(LONG_SETS))):
        if total >= max_chars:
            break
        parts.append(part.strip())
        total += len(parts[-1]) + 1
    return "\n".join(parts)[:max_chars]


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into articles of about ``size`` characters, at line ends where there are some."""
    out, start = [], 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            end = cut + 1 if cut > 0 else end
        out.append(text[start:end])
        start = end
    return [p for p in out if p.strip()]


@dataclass
class LongResult:
    """One long article against the same text as short articles (``newsfacts bench --long``)."""

    chars: int
    long_cps: float
    pieces: int
    pieces_cps: float
    long_wall_s: float              # the whole article through ``Pipeline.process`` (time limit on)
    errors: list[dict[str, str]]    # what that run listed (a timeout would be here)
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.long_cps / self.pieces_cps if self.pieces_cps else 0.0


def measure_long(pipe: Pipeline, max_chars: int) -> LongResult | None:
    """Characters per CPU second on one long article and on its 2 KB pieces, and the article's
    wall time under the configured time limit."""
    from .types import Document

    text = long_text(max_chars)
    if not text:
        return None
    short = pieces(text)
    pieces_cps, _ = profile_pipeline(pipe, short, warm_up=False)
    long_cps, stages = profile_pipeline(pipe, [text], warm_up=False)
    doc = Document(text=text, id="long")
    started = time.perf_counter()
    pipe.process(doc)
    wall = time.perf_counter() - started
    return LongResult(len(text), long_cps, len(short), pieces_cps, wall, doc.errors, stages)


def _sample_records() -> list[dict[str, Any]]:
    records = []
    for path in sorted(SAMPLES.glob("*.jsonl")):
        records += [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]
    return records


def _lang_of(record: dict[str, Any]) -> str:
    from .langid import detect

    return record.get("lang") or detect(record["text"])


def chars_per_second(fn: Callable[[str], Any], texts: list[str], min_seconds: float = 1.0) -> float:
    """Characters per second of ``fn`` over ``texts`` (repeated until ``min_seconds`` have passed)."""
    fn(texts[0])
    chars, started = 0, CLOCK()
    while True:
        for t in texts:
            fn(t)
        chars += sum(map(len, texts))
        elapsed = CLOCK() - started
        if elapsed >= min_seconds:
            return chars / elapsed


def bare_tokenizer(lang: str, ko_backend: str) -> Callable[[str], Any]:
    """The bare library call the pipeline is compared with."""
    if lang == "ko":
        from .tokenizers import korean_tokenizer

        return korean_tokenizer(ko_backend)
    if lang == "zh":
        import jieba

        tok = jieba.Tokenizer()
        tok.initialize()
        return lambda text: list(tok.cut(text))
    from spacy.lang.en import English

    nlp = English()
    return nlp.make_doc


def spacy_small_english() -> Callable[[str], Any]:
    """spaCy's small English architecture (tok2vec + ner, efficiency config), random weights.

    en_core_web_sm is not on PyPI and nothing may be downloaded; its speed depends on the
    architecture, not on the weights, so an initialised copy of the same pipeline is the baseline.
    """
    import spacy
    from spacy.training import Example

    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec")
    ner = nlp.add_pipe("ner")
    for label in ("PERSON", "ORG", "GPE", "DATE", "MONEY"):
        ner.add_label(label)
    doc = nlp.make_doc("Hikvision was added by the Commerce Department.")
    nlp.initialize(lambda: [Example.from_dict(doc, {"entities": [(0, 9, "ORG")]})])
    return nlp


def profile_pipeline(pipe: Pipeline, texts: list[str], warm_up: bool = True) -> tuple[float, dict[str, float]]:
    """(chars/s of the whole pipeline, seconds per stage) over ``texts``."""
    from .types import Document

    for text in texts if warm_up else texts[:1]:   # warm-up: loads every tokenizer the texts need
        pipe(text[:PIECE_CHARS])
    per_stage: dict[str, float] = defaultdict(float)
    started = CLOCK()
    for text in texts:
        doc = Document(text=text)
        for stage in pipe.stages:
            t0 = CLOCK()
            stage.process(doc)
            per_stage[stage.name] += CLOCK() - t0
    elapsed = CLOCK() - started
    return sum(map(len, texts)) / elapsed, dict(per_stage)


def measure_language(lang: str, pipe: Pipeline, max_chars: int, ko_backend: str) -> LangResult | None:
    texts = corpus(lang, max_chars)
    if not texts:
        return None
    result = LangResult(lang, len(texts), sum(map(len, texts)))
    result.pipeline_cps, result.stage_seconds = profile_pipeline(pipe, texts)
    result.tokenizer_cps = chars_per_second(bare_tokenizer(lang, ko_backend), texts)
    if lang == "en":
        small = spacy_small_english()
        result.baseline, result.baseline_cps = "spaCy sm (tok2vec+ner)", chars_per_second(small, texts)
    return result


def scaling(texts: Iterable[str], config: dict[str, Any], workers: list[int]) -> list[dict[str, float]]:
    """docs/s of ``run_corpus`` for each worker count, and the peak RSS of a worker (MB).

    Each worker count runs in a fresh process, so that the peak memory is a worker's own (the
    pipeline, its models and its batches), not that of this process's earlier measurements.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    raws = [nio.RawRecord("bench", i, "jsonl", orjson.dumps({"id": str(i), "text": t}))
            for i, t in enumerate(texts, 1)]
    rows = []
    for n in workers:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            elapsed, rss_kb = pool.submit(_timed_run, raws, config, n).result()
        rows.append({"workers": n, "docs/s": len(raws) / elapsed, "seconds": elapsed, "peak_rss_mb": rss_kb / 1024})
    return rows


def _timed_run(raws: list[nio.RawRecord], config: dict[str, Any], workers: int) -> tuple[float, int]:
    """(seconds, peak RSS in kB of the process doing the work) of one ``run_corpus``."""
    from .batch import run_corpus

    with open("/dev/null", "wb") as sink:
        started = time.perf_counter()
        run_corpus(raws, sink, config, workers=workers)
        elapsed = time.perf_counter() - started
    who = resource.RUSAGE_CHILDREN if workers > 1 else resource.RUSAGE_SELF
    return elapsed, resource.getrusage(who).ru_maxrss


def ray_scaling(texts: Iterable[str], config: dict[str, Any], workers: list[int]) -> list[dict[str, float]]:
    """``--engine ray`` on one JSONL file of ``texts``, for each worker count, each in a fresh
    process: Ray's start-up (``ray_start_s``) apart from the run itself (``run_s``, which
    includes the actors building their pipelines)."""
    import multiprocessing
    import tempfile
    from concurrent.futures import ProcessPoolExecutor

    rows = []
    with tempfile.TemporaryDirectory(prefix="newsfacts-bench-ray-") as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with open(path, "wb") as fh:
            for i, text in enumerate(texts, 1):
                fh.write(orjson.dumps({"id": str(i), "text": text}) + b"\n")
        for n in workers:
            with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
                timings, docs = pool.submit(_timed_ray, str(path), f"{tmp}/out{n}", config, n).result()
            rows.append({"workers": n, "ray_start_s": timings["ray_start"], "run_s": timings["run"],
                         "docs/s": docs / timings["run"]})
    return rows


def _timed_ray(path: str, out_dir: str, config: dict[str, Any], workers: int) -> tuple[dict[str, float], int]:
    from .ray_engine import run_ray

    timings: dict[str, float] = {}
    stats = run_ray([path], out_dir, config, workers, timings=timings)
    return timings, stats.input_lines


def default_config(overrides: list[str] | None = None) -> dict[str, Any]:
    return load_config(None, overrides)


def build(config: dict[str, Any]) -> Pipeline:
    return load(config)
