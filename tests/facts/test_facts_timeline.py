"""The timeline page (`newsfacts show --facts`): checked on the DOM headless Chromium builds."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import lxml.html
import pytest

from facts_helpers import record, write_jsonl
from pipeline.cli import main as cli

pytestmark = pytest.mark.timeout(300)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def dom(page: Path, fragment: str = "") -> lxml.html.HtmlElement:
    """The DOM after Chromium has loaded ``page`` (with ``#fragment``) and run its script."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        out = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom",
                              page.resolve().as_uri() + fragment], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return lxml.html.fromstring(out.stdout)


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> tuple[Path, list[dict]]:
    tmp = tmp_path_factory.mktemp("timeline")
    hik = dict(target_id="nf:hikvision", target_name="Hikvision")
    records = [
        record("ko-1", "ko", "미국 상무부가 하이크비전을 거래제한 명단에 올렸다.", "하이크비전", date="2019-10-07",
               published="2019-10-08", url="https://example.org/ko-1", **hik),
        record("zh-1", "zh", "美国商务部将海康威视列入实体清单。", "海康威视", date="2019-10-08",
               published="2019-10-09", **hik),
        record("en-1", "en", "China put Illumina on its Unreliable Entity List <b>today</b>.", "Illumina",
               target_id="nf:illumina", target_name="Illumina", list_id="cn-unreliable-entity-list",
               date="2025-02-04", published="2025-02-04"),
        record("en-2", "en", "Washington added Acme Drones to the Entity List in 2021.", "Acme Drones",
               date="2021-06-03", published="2021-06-04"),
    ]
    src = write_jsonl(tmp / "records.jsonl", records)
    facts_path = tmp / "facts.jsonl"
    assert cli(["facts", str(src), "-o", str(facts_path), "-q"]) == 0
    html = tmp / "timeline.html"
    assert cli(["show", "--facts", str(facts_path), "-o", str(html)]) == 0
    import json

    return html, [json.loads(x) for x in facts_path.read_text(encoding="utf-8").splitlines()]


def visible(tree, selector: str = "//details[@data-fact]") -> list[str]:
    return [d.get("data-fact") for d in tree.xpath(selector) if d.get("hidden") is None]


def test_every_fact_is_on_the_timeline_and_in_the_list(page):
    html, facts = page
    tree = dom(html)
    ids = {f["id"] for f in facts}
    assert set(visible(tree)) == ids and len(facts) == 3
    assert set(visible(tree, "//a[contains(@class, 'dot')]")) == ids
    assert tree.xpath('//span[@id="shown"]')[0].text_content() == "3"
    lanes = [x.text_content() for x in tree.xpath('//div[@class="lane-name"]')]
    assert any(x.startswith("Us Entity List") for x in lanes) and any("Unreliable" in x for x in lanes)
    hik = next(f for f in facts if f["target"]["id"] == "nf:hikvision")
    (node,) = tree.xpath(f'//details[@data-fact="{hik["id"]}"]')
    assert "date conflict" in node.xpath("./summary")[0].text_content()
    assert node.get("data-langs") == "ko zh"


def test_filters_by_list_language_and_status_from_the_address(page):
    html, facts = page
    by_target = {f["target"]["id"]: f["id"] for f in facts}
    assert visible(dom(html, "#list=cn-unreliable-entity-list")) == [by_target["nf:illumina"]]
    assert visible(dom(html, "#lang=ko")) == [by_target["nf:hikvision"]]
    assert sorted(visible(dom(html, "#status=unknown"))) == sorted(
        [f["id"] for f in facts if f["official"]["status"] == "unknown"])
    tree = dom(html, "#lang=en&status=confirmed")
    assert visible(tree) == [by_target["nf:illumina"]] and tree.xpath('//span[@id="shown"]')[0].text_content() == "1"
    assert visible(tree, "//a[contains(@class, 'dot')]") == [by_target["nf:illumina"]]
    lanes = [x.xpath('./div[@class="lane-name"]')[0].text_content() for x in tree.xpath('//div[@class="lane"]')
             if x.get("hidden") is None]
    assert len(lanes) == 1 and "Unreliable" in lanes[0]
    boxes = {(i.get("data-group"), i.get("value")): i.get("checked") is not None for i in tree.xpath("//input")}
    assert boxes[("lang", "en")] and not boxes[("lang", "ko")]


def test_a_fact_opens_to_its_sources_with_the_evidence_highlighted(page):
    html, facts = page
    hik = next(f for f in facts if f["target"]["id"] == "nf:hikvision")
    tree = dom(html, f'#fact-{hik["id"]}')
    (node,) = tree.xpath(f'//details[@data-fact="{hik["id"]}"]')
    assert node.get("open") is not None
    rows = node.xpath('.//table[@class="sources"]//tr[@data-record]')
    assert [r.get("data-record") for r in rows] == ["ko-1", "zh-1"]
    assert [m.text_content() for r in rows for m in r.xpath('.//td[@class="evidence"]/mark')] == ["하이크비전", "海康威视"]
    assert rows[1].get("class") == "disagrees" and rows[0].get("class") is None
    assert rows[0].xpath(".//a")[0].get("href") == "https://example.org/ko-1"
    others = [d for d in tree.xpath("//details[@data-fact]") if d is not node]
    assert all(d.get("open") is None for d in others)


def test_page_is_self_contained_and_escapes_text(page):
    html, _ = page
    text = html.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//(?!example\.org)""", text)
    assert "@import" not in text and "url(" not in text and "<link" not in text
    assert "&lt;b&gt;today&lt;/b&gt;" in text and "<b>today</b>" not in text
    tree = dom(html)
    assert not tree.xpath("//script[@src] | //img | //iframe | //link")
