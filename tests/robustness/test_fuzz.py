"""Fuzz tests (hypothesis): the reader, the HTML reducer, the cleaner, langid, the sentence splitter
and the whole default pipeline on arbitrary input never fail other than with an error record, and
every offset they give is valid. (The number/date grammars have their own: test_patterns_props.py.)

Runs are derandomized so CI is repeatable; NEWSFACTS_FUZZ_EXAMPLES=5000 explores further, with
random seeds (pytest --hypothesis-seed=N repeats one).
"""
from __future__ import annotations

import datetime as dt
import json
import os

import orjson
import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from conftest import assert_offsets
from pipeline import io as nio
from pipeline.errors import InputError
from pipeline.langid import detect
from pipeline.segment import split_sentences
from pipeline.stages.clean import byline_date, classify_line

EXAMPLES = int(os.environ.get("NEWSFACTS_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="NEWSFACTS_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
SLOW_FUZZ = settings(FUZZ, max_examples=max(EXAMPLES // 2, 10))

#: pieces of real news text and the punctuation that drives the rules, mixed with random text
FRAGMENTS = ["미국 상무부는", "하이크비전", "28곳을", "1억 달러", "2019년 10월 8일", "3.5%", "블랙리스트에 올렸다.",
             "김철수 기자", "입력 2019.10.08", "ⓒ 연합뉴스", "美国商务部", "海康威视", "实体清单", "2019年10月8日",
             "5亿美元", "。", "！", "the Entity List", "Huawei Technologies", "$5 billion", "Oct. 7, 2019",
             "U.S.", "Mr. Kim", "said.", ".", "?", " ", "\n", "\t", "(", ")", "“", "”", "「", "」", "|", "…",
             "😀", "\u200b", "\u202e", "\x00", "\r", "\u2028", "١٢٣", "Ⅳ", "ﾊﾝｸﾞﾙ", "東京", "Москва"]
news_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=25).map("".join)
any_text = st.one_of(st.text(), news_text)
LANGS = {"ko", "zh", "en", "ja", "ru", "ar", "he", "th", "el", "hi", "und"}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(st.characters(codec=None)),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
records = st.fixed_dictionaries({}, optional={
    "id": json_values, "text": st.one_of(any_text, json_values), "html": st.one_of(st.text(), json_values),
    "meta": json_values, "published": json_values, "title": json_values})


def _check_document(doc) -> None:
    assert isinstance(doc.text, str) and doc.text.strip()
    assert isinstance(doc.id, str) and doc.id
    orjson.dumps(doc.to_dict())           # whatever the reader accepted can be written


# --- the reader -----------------------------------------------------------------------------------

@FUZZ
@given(payload=st.binary(max_size=300), kind=st.sampled_from(["jsonl", "txt", "html"]))
@example(payload=b'{"text": "\\ud800"}', kind="jsonl")
@example(payload=b"\xef\xbb\xbf{\"text\": \"x\"}", kind="jsonl")
@example(payload=b"<!-- -->", kind="html")
def test_reader_on_arbitrary_bytes(payload, kind):
    try:
        doc = nio.parse_record(nio.RawRecord("fuzz", 1, kind, payload))
    except InputError as exc:
        assert str(exc)
        return
    _check_document(doc)


@FUZZ
@given(value=st.one_of(records, json_values), ascii_only=st.booleans())
def test_reader_on_arbitrary_json_values(value, ascii_only):
    line = json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    try:
        doc = nio.parse_record(nio.RawRecord("fuzz", 1, "jsonl", line))
    except InputError as exc:
        assert str(exc)
        return
    _check_document(doc)
    assert isinstance(value, dict)
    if isinstance(value.get("text"), str):
        assert doc.text == value["text"]          # the text is never rewritten


# --- HTML, cleaner, langid, sentences ------------------------------------------------------------

html_fragments = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<br>", "<b>", "</b>", "<title>", "</title>",
                                  "<!--", "-->", "<![CDATA[", "]]>", "<script>", "<style>", "&amp;", "&#0;",
                                  "&#xD800;", "<meta name=date content=2019-10-08>", "<img src=http://x/>",
                                  "<", ">", "\"", "'", "="])
html_text = st.lists(st.one_of(html_fragments, any_text), max_size=20).map("".join)


@FUZZ
@given(html=html_text)
@example(html="\x1f<script>x</script>\x1f")
@example(html="<!-- nothing -->")
def test_html_reducer_never_raises_on_tag_soup(html):
    from pipeline.html import html_to_text

    text, meta = html_to_text(html)
    assert isinstance(text, str) and isinstance(meta, dict)
    assert all(line and line == line.strip() for line in text.split("\n")) if text else True
    orjson.dumps([text, meta])


elements = st.lists(st.tuples(st.sampled_from(["p", "div", "span", "b", "li", "h1", "td", "script", "style",
                                               "nav", "iframe", "noscript"]), any_text), min_size=1, max_size=8)


@FUZZ
@given(parts=elements)
def test_html_reducer_keeps_visible_text_and_drops_scripts(parts):
    from html import escape

    from pipeline.html import DROP_TAGS, html_to_text

    page = "<html><body>" + "".join(f"<{tag}>{'HIDDEN' if tag in DROP_TAGS else 'SHOWN'}{escape(text)}</{tag}>"
                                   for tag, text in parts) + "</body></html>"
    text, _ = html_to_text(page)
    assert "HIDDEN" not in text or any("HIDDEN" in t for _, t in parts)
    assert text.count("SHOWN") >= sum(tag not in DROP_TAGS for tag, _ in parts)


@FUZZ
@given(line=any_text)
@example(line="입력 2019.02.30 기자 2019.03.01")
@example(line="记者 2019年13月45日")
def test_cleaner_classifies_any_line(line):
    assert classify_line(line) in {None, "navigation", "byline", "boilerplate"}
    found = byline_date(line)
    if found is not None:
        day = dt.date.fromisoformat(found)
        assert 1900 <= day.year <= 2099


@FUZZ
@given(text=any_text)
def test_langid_gives_a_known_code(text):
    assert detect(text) in LANGS
    assert detect(text) == detect(text)


sentence_text = st.lists(st.one_of(st.sampled_from(list(".。!?！？；\n \t\"'”」)]다요") + FRAGMENTS),
                                   st.text(max_size=6)), max_size=40).map("".join)


@FUZZ
@given(text=sentence_text, cut=st.tuples(st.integers(0, 400), st.integers(0, 400)),
       max_chars=st.integers(2, 60))
def test_sentence_offsets_are_sorted_disjoint_inside_and_trimmed(text, cut, max_chars):
    start, end = sorted(min(c, len(text)) for c in cut)
    spans = list(split_sentences(text, start, end, max_chars))
    for s, e in spans:
        assert start <= s < e <= end
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert "\n" not in text[s:e]
        assert e - s <= max_chars
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    covered = {i for s, e in spans for i in range(s, e)}
    assert all(text[i].isspace() for i in range(start, end) if i not in covered)


# --- the whole default pipeline --------------------------------------------------------------------

@pytest.fixture(scope="module")
def fuzz_nlp():
    import pipeline

    nlp = pipeline.load(None, ['run.include=["tokens"]', "run.time_limit=30"])
    nlp.setup()
    return nlp


@SLOW_FUZZ
@given(text=any_text)
@example(text="\x00")
@example(text="입력 2019.10.08\n미국 상무부는 하이크비전을 블랙리스트에 올렸다.")
def test_default_pipeline_on_any_text(text, fuzz_nlp, record_validator):
    from pipeline.batch import process_raw

    answer = process_raw(fuzz_nlp, nio.RawRecord("fuzz", 1, "jsonl", orjson.dumps({"text": text})))
    record = orjson.loads(answer.line)
    record_validator.validate(record)
    assert not answer.failed, record["errors"]
    if answer.error:
        assert answer.error == "read" and not text.strip(), record["error"]
        return
    assert record["text"] == text
    assert_offsets(record)
    spans = [(s["start"], s["end"]) for s in record["sentences"]]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    ids = {e["id"] for e in record["entities"]}
    for event in record["events"]:
        assert {event["authority"], *event["targets"]} - {None} <= ids
