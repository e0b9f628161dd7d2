"""The HTML viewer: checked on the DOM that headless Chromium builds from the page."""
from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import lxml.html
import pytest

from conftest import REPO
from pipeline.cli import main as cli
from pipeline.viewer import nest, render

RECORDS = [json.loads(line) for line in
           (REPO / "tests" / "data" / "integration_records.jsonl").read_text("utf-8").splitlines()]
ARTICLES = {r["lang"]: r for r in RECORDS if "error" not in r}
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def browser_dom(page: Path) -> lxml.html.HtmlElement:
    """The DOM after Chromium has loaded ``page``."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        out = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={profile}", "--dump-dom", page.resolve().as_uri()],
            capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return lxml.html.fromstring(out.stdout)


@pytest.fixture(scope="module")
def dom(tmp_path_factory):
    src = tmp_path_factory.mktemp("view") / "out.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    page = src.with_name("view.html")
    assert cli(["show", str(src), "-o", str(page)]) == 0
    return browser_dom(page)


def article(dom, record):
    (node,) = dom.xpath(f'//article[@data-id="{record["id"]}"]')
    return node


@pytest.mark.parametrize("lang", ["ko", "zh", "en"])
def test_text_is_shown_whole_with_a_mark_per_entity(dom, lang):
    record = ARTICLES[lang]
    node = article(dom, record)
    (text,) = node.xpath('.//div[@class="text"]')
    assert text.text_content() == record["text"]
    marks = {m.get("data-id"): m for m in text.xpath(".//mark")}
    assert set(marks) == {e["id"] for e in record["entities"]}
    for e in record["entities"]:
        assert marks[e["id"]].text_content() == e["text"]
        assert marks[e["id"]].get("data-type") == e["type"]


def test_hover_shows_normalised_values_and_canonical_names(dom):
    node = article(dom, ARTICLES["ko"])
    titles = {m.text_content(): m.get("title") for m in node.xpath(".//mark")}
    assert "norm: value=42000000000, currency=USD" in titles["420억 달러"]
    assert "norm: value=2019-10-08, precision=day" in titles["8일"]
    assert "canonical: hikvision Hikvision" in titles["하이크비전"]
    assert "zh: 海康威视" in titles["하이크비전"]


def test_event_table_row(dom):
    node = article(dom, ARTICLES["en"])
    (row,) = node.xpath('.//table[@class="events"]//tr[@data-event="E1"]')
    cell = {td.get("class"): td.text_content() for td in row.xpath("./td")}
    assert cell["action"] == "add"
    assert cell["who"] == "U.S. Commerce Department [U.S. Department of Commerce]"
    assert cell["whom"] == "Hikvision; Dahua Technology; Harbin Institute of Technology"
    assert cell["list"] == "Entity List (us-entity-list)"
    assert cell["when"] == "2019-10-07 (day)"
    assert cell["why"] == "human rights violations in Xinjiang"
    assert cell["evidence"].startswith("The U.S. Commerce Department on Monday added Hikvision")
    zh_row = article(dom, ARTICLES["zh"]).xpath('.//tr[@data-event="E1"]/td[@class="whom"]')[0]
    assert zh_row.text_content() == "海康威视 [Hikvision]; 大华股份 [Dahua Technology]"


def test_error_records_are_listed_and_page_is_self_contained(dom):
    (error,) = dom.xpath('//article[contains(@class, "error")]')
    assert "broken-1" in error.text_content()
    assert "record has no 'text' field" in error.text_content()
    assert "3 articles, 1 error records, 3 events" in dom.text_content()
    assert not dom.xpath("//script | //link | //img | //iframe")
    assert [a.get("href") for a in dom.xpath("//a")] == [r["meta"]["url"] for r in ARTICLES.values()]


def test_markup_in_text_is_escaped_and_crossing_spans_are_left_out():
    text = "<b>ACME</b> & Co"
    html = nest(text, [(3, 7, 2, "<mark>", "</mark>"), (5, 10, 2, "<mark>", "</mark>")])
    assert html == "&lt;b&gt;<mark>ACME</mark>&lt;/b&gt; &amp; Co"
    page = render([{"id": "x", "lang": "en", "text": text, "entities": [], "events": []}])
    assert "<b>" not in page.split("<body>")[1]


def test_limit_and_stdout(tmp_path, capsys):
    src = tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS) + "not json\n",
                   encoding="utf-8")
    assert cli(["show", str(src), "--limit", "1"]) == 0
    page = capsys.readouterr().out
    assert "1 articles, 0 error records, 1 events" in page
    assert cli(["show", str(src)]) == 0
    assert "JSONDecodeError" in capsys.readouterr().out
