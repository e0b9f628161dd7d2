"""The HTML report opens in headless Chromium and shows the figures, bars and confusion matrix."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from pipeline.cli import main as cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]

KO = "삼성전자와 LG전자가 서울에서 만났다"
ZH = "华为在北京发布新手机"


def entity(text: str, sub: str, etype: str, n: int) -> dict:
    start = text.index(sub)
    return {"id": f"T{n}", "text": sub, "type": etype, "start": start, "end": start + len(sub), "source": "gold"}


@pytest.fixture()
def report_files(tmp_path: Path) -> tuple[Path, dict]:
    gold = [{"id": "k1", "lang": "ko", "text": KO, "entities": [
                entity(KO, "삼성전자", "FIRM", 1), entity(KO, "LG전자", "FIRM", 2), entity(KO, "서울", "LOC", 3)]},
            {"id": "z1", "lang": "zh", "text": ZH, "entities": [
                entity(ZH, "华为", "FIRM", 1), entity(ZH, "北京", "LOC", 2)]}]
    pred = [{"id": "k1", "lang": "ko", "text": KO, "entities": [
                entity(KO, "삼성전자", "FIRM", 1), entity(KO, "LG", "FIRM", 2), entity(KO, "서울", "GOV", 3)]},
            {"id": "z1", "lang": "zh", "text": ZH, "entities": [
                entity(ZH, "华为", "FIRM", 1), entity(ZH, "北京", "LOC", 2)]}]
    for name, records in (("gold", gold), ("pred", pred)):
        (tmp_path / f"{name}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    html, js = tmp_path / "report.html", tmp_path / "report.json"
    assert cli(["eval", str(tmp_path / "gold.jsonl"), str(tmp_path / "pred.jsonl"),
                "--html", str(html), "--json", str(js)]) == 0
    return html, json.loads(js.read_text(encoding="utf-8"))


def test_html_report_is_self_contained(report_files):
    html, _ = report_files
    page = html.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<script" not in page and "@import" not in page and "url(" not in page


def dump_dom(html: Path) -> str:
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", html.as_uri()],
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_html_report_renders_in_headless_chromium(report_files):
    html, report = report_files
    dom = dump_dom(html)
    strict = report["entities"]["strict"]
    # strict: 3 of 5 gold found, 3 of 5 predictions right -> 0.600 everywhere; lenient 4/5 -> 0.800
    assert strict["overall"]["f1"] == pytest.approx(0.6)
    assert "Strict micro F1 <b>0.600</b>" in dom and "lenient F1 <b>0.800</b>" in dom
    firm = re.search(r'<tr data-type="FIRM">(.*?)</tr>', dom).group(1)
    assert "0.667" in firm and "width:66.7%" in firm.replace(" ", "")
    assert 'id="confusion"' in dom
    confusion = re.search(r'<table id="confusion">(.*?)</table>', dom).group(1)
    loc_row = re.search(r"<tr><th>LOC</th>(.*?)</tr>", confusion).group(1)
    assert '<td class="err">1</td>' in loc_row and '<td class="diag">1</td>' in loc_row
    assert re.search(r"<td>ko</td><td>0\.333</td>", dom) and re.search(r"<td>zh</td><td>1\.000</td>", dom)
    assert "Documents: gold 2" in dom


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_html_report_screenshot_is_not_blank(report_files, tmp_path):
    html, _ = report_files
    png = tmp_path / "shot.png"
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}",
                               "--window-size=1200,900", html.as_uri()], capture_output=True, timeout=120)
    assert done.returncode == 0 and png.exists()
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000  # a blank page compresses to ~3 KB
