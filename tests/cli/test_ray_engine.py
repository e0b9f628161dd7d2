"""`newsfacts run --engine ray` gives the same records as the local runner (local Ray instance)."""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import REPO
from test_cli_run import newsfacts

pytest.importorskip("ray", reason="Ray is the optional extra newsfacts[ray]")


@pytest.mark.slow
@pytest.mark.timeout(900)   # several full runs: minutes on a loaded 2-core machine
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


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_one_large_file_is_cut_into_blocks_in_order(tmp_path):
    """Issue 14, item 5: one JSONL file is split into blocks after reading, so that every actor
    works; the shards keep the input order and hold the local runner's records."""
    lines = [l for l in (REPO / "corpus" / "samples" / "articles.jsonl").read_bytes().splitlines() if l.strip()]
    src = tmp_path / "one.jsonl"
    src.write_bytes(b"\n".join(json.dumps({**json.loads(l), "id": f"{i}-{json.loads(l).get('id')}"},
                                          ensure_ascii=False).encode() for i, l in enumerate(lines * 8)) + b"\n")
    local = tmp_path / "local.jsonl"
    assert newsfacts("run", str(src), "-o", str(local), "--workers", "1", "-q").returncode == 0
    out_dir = tmp_path / "ray"
    proc = newsfacts("run", str(src), "-o", str(out_dir), "--engine", "ray", "--workers", "2",
                     "--set", "run.batch_size=4")
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    assert "Ray start-up" in proc.stderr.decode()
    from pipeline.ray_engine import output_shards

    shards = output_shards(str(out_dir))
    assert len(shards) > 2                                   # blocks, not one block for the file
    ray_lines = [line for shard in shards for line in shard.read_bytes().splitlines()]
    assert [json.loads(x) for x in ray_lines] == [json.loads(x) for x in local.read_bytes().splitlines()]
