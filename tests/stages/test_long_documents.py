"""Issue 14, item 3: the cost of a document grows linearly with its length, in every stage."""
from __future__ import annotations

import time

import orjson
import pytest

from conftest import REPO

REPETITIONS = 2      # the minimum of these CPU times is taken: a loaded machine only adds to them


def _samples() -> str:
    """The sample articles (Korean, Chinese, English), one after the other: distinct text."""
    lines = (REPO / "corpus" / "samples" / "articles.jsonl").read_bytes().splitlines()
    return "\n".join(orjson.loads(line)["text"] for line in lines if line.strip())


def _cpu_seconds(nlp, text: str) -> float:
    from pipeline.types import Document

    best = float("inf")
    for _ in range(REPETITIONS):
        doc = Document(text=text)
        started = time.process_time()
        nlp.process(doc)
        best = min(best, time.process_time() - started)
        assert doc.errors == [], doc.errors
    return best


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.parametrize("kind", ["distinct", "repeated"])
def test_four_times_the_text_costs_at_most_six_times_the_time(kind, nlp):
    """The sample articles tiled to ~24k and ~96k characters, and one sentence in each language
    repeated (the case that took 438 s at 320k characters when events and resolve were
    quadratic)."""
    base = _samples() if kind == "distinct" else (
        "2019年10月7日，美国商务部将海康威视、大华和商汤科技列入实体清单。"
        "미국 상무부는 2019년 10월 7일 하이크비전과 다화를 수출 블랙리스트에 올렸다. "
        "On October 7, 2019, the Commerce Department added Hikvision and Dahua to the Entity List.\n")
    short = (base * (24_000 // len(base) + 1))[:24_000]
    long = (base * (96_000 // len(base) + 1))[:96_000]
    nlp(short[:3000])                                 # every model loaded before the clock starts
    t_short, t_long = _cpu_seconds(nlp, short), _cpu_seconds(nlp, long)
    assert t_long <= 6 * t_short, f"{kind}: 24k chars {t_short:.2f} s, 96k chars {t_long:.2f} s CPU"
