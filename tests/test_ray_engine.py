"""`newsfacts run --engine ray` gives the same records as the local runner (local Ray instance)."""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import REPO
from test_cli_run import newsfacts

pytest.importorskip("ray", reason="Ray is the optional extra newsfacts[ray]")


@pytest.mark.slow
def test_ray_records_equal_local_records(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(REPO / "corpus" / "samples" / "articles.jsonl", inputs / "a.jsonl")
    (inputs / "b.jsonl").write_bytes(b'{"id": "bad", "text": 3}\nnot json\n'
                                     + json.dumps({"id": "zh-x", "text": "美国财政部将该公司列入SDN清单。"},
                                                  ensure_ascii=False).encode() + b"\n")
    shutil.copy(REPO / "corpus" / "samples" / "byline.txt", inputs / "c.txt")
    local = tmp_path / "local.jsonl"
    proc = newsfacts("run", str(inputs), "-o", str(local), "--workers", "1", "-q")
    assert proc.returncode == 0, proc.stderr.decode()
    out_dir, stats = tmp_path / "ray", tmp_path / "stats.json"
    proc = newsfacts("run", str(inputs), "-o", str(out_dir), "--engine", "ray", "--workers", "2",
                     "--stats", str(stats))
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    from pipeline.ray_engine import output_shards

    ray_lines = [line for shard in output_shards(str(out_dir)) for line in shard.read_bytes().splitlines()]
    local_lines = local.read_bytes().splitlines()
    assert [json.loads(x) for x in ray_lines] == [json.loads(x) for x in local_lines]
    summary = json.loads(stats.read_text())
    assert summary["input_lines"] == len(local_lines) == summary["records"] + summary["errors"]
    assert summary["errors"] == 2


def test_ray_engine_needs_an_output_directory():
    proc = newsfacts("run", str(REPO / "corpus" / "samples"), "--engine", "ray")
    assert proc.returncode == 2
    assert "directory" in proc.stderr.decode()
