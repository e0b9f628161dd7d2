"""`newsfacts facts --engine ray` (local Ray instance) gives the local engine's facts, byte for byte."""
from __future__ import annotations

import pytest

from conftest import REPO
from facts_helpers import record, write_jsonl
from test_facts_cli import newsfacts

pytest.importorskip("ray", reason="Ray is the optional extra newsfacts[ray]")
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


def edge_records() -> list[dict]:
    """Contradicting dates, two rounds and document-level names in two scripts."""
    hik = dict(target_id="nf:hikvision", target_name="Hikvision")
    return [
        record("x-ko", "ko", "미국 상무부가 하이크비전을 거래제한 명단에 올렸다.", "하이크비전", date="2019-10-08",
               published="2019-10-09", **hik),
        record("x-en", "en", "Hikvision was added to the Entity List again.", "Hikvision", date="2023-03-02",
               published="2023-03-03", **hik),
        record("x-zh", "zh", "美国财政部将孙金龙列入SDN清单。", "孙金龙", list_id="us-sdn-list", date="2020-07-31",
               published="2020-08-01"),
        record("x-en2", "en", "Treasury sanctioned Sun Jinlong.", "Sun Jinlong", list_id="us-sdn-list",
               date="2020-07-31", published="2020-08-01"),
    ]


def test_ray_facts_equal_local_facts_and_update(tmp_path):
    records = tmp_path / "records.jsonl"
    proc = newsfacts("run", str(REPO / "corpus" / "samples" / "articles.jsonl"), "-o", str(records), "--workers", "1", "-q")
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    edges = write_jsonl(tmp_path / "edges.jsonl", edge_records())
    (tmp_path / "bad.jsonl").write_bytes(b"{not json\n")
    inputs = [str(records), str(edges), str(tmp_path / "bad.jsonl")]
    local, ray = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    assert newsfacts("facts", *inputs, "-o", str(local), "-q").returncode == 0
    proc = newsfacts("facts", *inputs, "-o", str(ray), "--engine", "ray", "--workers", "2", "-q", timeout=500)
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    assert ray.read_bytes() == local.read_bytes()
    assert ray.with_name("ray.entities.jsonl").read_bytes() == local.with_name("local.entities.jsonl").read_bytes()
    text = local.read_text(encoding="utf-8")
    assert '"date_conflict":true' in text and '"how":"transliteration"' in text and '"round":2' in text
    # --update on Ray: the samples folded into the facts of the edge cases
    partial = tmp_path / "partial.jsonl"
    assert newsfacts("facts", str(edges), str(tmp_path / "bad.jsonl"), "-o", str(partial), "-q").returncode == 0
    proc = newsfacts("facts", "--update", str(partial), str(records), "--engine", "ray", "--workers", "2", "-q",
                     timeout=500)
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    assert partial.read_bytes() == local.read_bytes()
