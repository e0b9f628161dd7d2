"""A fourth language is one folder and one registry line: its date grammar reaches the patterns
stage, its sentences run through the whole default pipeline without events, and the three shipped
packs are untouched."""
from __future__ import annotations

import textwrap

import pytest

import pipeline
from pipeline import lang

GERMAN_PACK = '''
"""A tiny German pack: dates such as "16. Mai 2019"."""
import re
from pathlib import Path

from pipeline.lang import dates
from pipeline.lang.pack import LanguagePack
from pipeline.lang.rules import Match, Rule

MONTHS = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
DATE = re.compile(r"\\b(\\d{1,2})\\.\\s*(" + "|".join(MONTHS) + r")\\s+(\\d{4})\\b")


def _date(m, ctx):
    norm = dates.day(int(m[3]), MONTHS.index(m[2]) + 1, int(m[1]))
    return Match(m.start(), m.end(), "DATE", norm) if norm else None


PACK = LanguagePack(code="de", script="latin-de", tokenizer="regex", patterns=(Rule(DATE, _date),),
                    range_sep=re.compile(r"\\s?(?:-|–|bis)\\s?"), folder=Path(__file__).parent)
'''


GERMAN_WORDS = """
[sentences]
abbreviations = "Nr bzw usw"
# the period of an ordinal day before a month ends nothing (am 16. Mai 2019)
[[sentences.no_break]]
before = '\\b\\d{1,2}$'
after = '(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\\b'
"""


@pytest.fixture
def german(tmp_path, monkeypatch):
    folder = tmp_path / "newsfacts_de"
    folder.mkdir()
    (folder / "__init__.py").write_text(textwrap.dedent(GERMAN_PACK), encoding="utf-8")
    (folder / "words.toml").write_text(GERMAN_WORDS, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = dict(lang.LANGUAGES)
    lang.register("de", "newsfacts_de")
    lang.for_script.cache_clear()
    yield
    lang.LANGUAGES.clear()
    lang.LANGUAGES.update(before)
    lang.get.cache_clear()
    lang.for_script.cache_clear()


def test_a_registered_pack_gives_its_dates_in_the_whole_pipeline(german):
    nlp = pipeline.load(overrides=["langid.force=\"de\""])
    doc = nlp("Das Handelsministerium setzte die Firma Nr. 1 am 16. Mai 2019 auf die Liste. Sie klagte.")
    assert [doc.text[s.start:s.end] for s in doc.sentences][1:] == ["Sie klagte."]
    (date,) = [e for e in doc.entities if e.type == "DATE"]
    assert date.text == "16. Mai 2019" and date.norm["value"] == "2019-05-16"
    assert doc.events == [] and doc.errors == []


@pytest.mark.parametrize("text,value", [
    ("미국 상무부는 2019년 5월 16일 화웨이를 수출 블랙리스트에 올렸다.", "2019-05-16"),
    ("美国商务部于2019年5月16日将华为列入实体清单。", "2019-05-16"),
    ("The Commerce Department added Huawei to the Entity List on May 16, 2019.", "2019-05-16"),
])
def test_the_shipped_packs_are_unchanged_by_a_fourth(german, text, value):
    doc = pipeline.load()(text)
    assert [e.norm["value"] for e in doc.entities if e.type == "DATE"] == [value]
    assert [ev.action for ev in doc.events] == ["add"]


def test_a_line_whose_language_is_unknown_goes_to_the_pack_of_its_script():
    from pipeline.lang import scripts

    lines = ("华为公司 HW", "中国 AB", "화웨이 HW", "화웨 HW", "Huawei 华为", "2019 - 05")
    assert [scripts.dominant(t) for t in lines] == ["han", "han", "hangul", "hangul", "latin", None]
    assert [lang.for_script(s).code for s in ("han", "hangul", "latin")] == ["zh", "ko", "en"]
