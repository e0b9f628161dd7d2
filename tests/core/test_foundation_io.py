"""Readers: JSONL lines, .txt and .html files, directories, bad input as errors."""
from __future__ import annotations

import pytest

from pipeline import io as nio
from pipeline.errors import InputError
from pipeline.html import html_to_text


def _raw(payload: bytes, kind: str = "jsonl") -> nio.RawRecord:
    return nio.RawRecord("test", 1, kind, payload)


def test_jsonl_record_fields_go_to_meta():
    doc = nio.parse_record(_raw('{"id": 7, "text": "화웨이", "published": "2021-11-25", "url": "u"}'.encode()))
    assert doc.id == "7" and doc.text == "화웨이"
    assert doc.meta == {"published": "2021-11-25", "url": "u"}


def test_missing_id_gets_content_hash():
    a = nio.parse_record(_raw('{"text": "海康威视"}'.encode()))
    b = nio.parse_record(_raw('{"text": "海康威视", "x": 1}'.encode()))
    assert a.id == b.id and a.id.startswith("sha1:")


@pytest.mark.parametrize("payload, message", [
    (b"not json", "not valid JSON"),
    (b"[1, 2]", "JSON list, not an object"),
    (b'{"text": 5}', "must be a string, got number"),
    (b'{"text": null}', "no 'text'"),
    (b'{"id": "x"}', "no 'text'"),
    (b'{"text": "  \\n "}', "empty"),
    (b'{"text": "\xff\xfe"}', "not valid UTF-8"),
])
def test_bad_lines_raise_input_error(payload, message):
    with pytest.raises(InputError, match=message):
        nio.parse_record(_raw(payload))


def test_html_is_reduced_to_visible_text():
    html = """<html><head><title>Entity List</title>
    <meta property="article:published_time" content="2019-10-08T09:00:00Z">
    <style>p {color: red}</style><script>alert('x')</script></head>
    <body><nav>Home | World</nav><h1>US blacklists Hikvision</h1>
    <p>The <b>Commerce Department</b> added 28 entities.</p><p>海康威视 rejected it.</p></body></html>"""
    text, meta = html_to_text(html)
    assert text == "US blacklists Hikvision\nThe Commerce Department added 28 entities.\n海康威视 rejected it."
    assert meta == {"title": "Entity List", "published": "2019-10-08T09:00:00Z"}


def test_directory_reading_is_sorted_and_recursive(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("미국 상무부가 발표했다.", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text('{"text": "one"}\n\n{"text": "two"}\n', encoding="utf-8")
    (tmp_path / "c.html").write_text("<p>Hello world.</p>", encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("x", encoding="utf-8")
    raws = list(nio.iter_inputs([str(tmp_path)]))
    assert [(r.kind, r.line) for r in raws] == [("jsonl", 1), ("jsonl", 3), ("txt", 1), ("html", 1)]
    assert nio.parse_record(raws[2]).id == "z"


def test_txt_in_legacy_korean_encoding_is_decoded(tmp_path):
    text = "미국 상무부는 화웨이와 계열사 68곳을 블랙리스트에 올렸다고 밝혔다. " * 3
    path = tmp_path / "euckr.txt"
    path.write_bytes(text.encode("euc-kr"))
    doc = nio.parse_record(next(nio.iter_inputs([str(path)])))
    assert doc.text == text


def test_missing_input_path():
    with pytest.raises(FileNotFoundError):
        list(nio.iter_inputs(["/nonexistent.jsonl"]))
