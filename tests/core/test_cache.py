"""The per-user cache of what is built at start (pipeline.cache) and the KB's alias index read row by row."""
from __future__ import annotations

import shutil

import pytest

from conftest import REPO
from pipeline.cache import cached
from pipeline.kb import load_kb
from pipeline.kb.index import LazyRows, index_path, kb_digest, load_index

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSFACTS_CACHE", str(folder))
    return folder


def test_a_value_is_built_once_and_read_back(cache):
    calls = []

    def build():
        calls.append(1)
        return {"한국": [1, 2], "中国": 3}

    assert cached("demo", "t1", build) == {"한국": [1, 2], "中国": 3}
    assert cached("demo", "t1", build) == {"한국": [1, 2], "中国": 3}
    assert len(calls) == 1
    assert [p.name for p in cache.iterdir()] == ["demo-t1.json"]


def test_a_new_token_replaces_the_old_entry(cache):
    assert cached("demo", "old", lambda: [1]) == [1]
    assert cached("demo", "new", lambda: [2]) == [2]
    assert sorted(p.name for p in cache.iterdir()) == ["demo-new.json"]


def test_a_damaged_entry_is_built_again(cache):
    cached("demo", "t", lambda: list(range(1000)))
    path = cache / "demo-t.json"
    path.write_bytes(path.read_bytes()[:20])
    assert cached("demo", "t", lambda: ["rebuilt"]) == ["rebuilt"]
    assert cached("demo", "t", lambda: ["again"]) == ["rebuilt"]


def test_off_and_unwritable_cache_only_cost_the_build(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSFACTS_CACHE", "off")
    assert cached("demo", "t", lambda: 1) == 1
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSFACTS_CACHE", str(blocker / "cache"))
    assert cached("demo", "t", lambda: 2) == 2
    assert cached("demo", "t", lambda: 3) == 3


def test_the_saved_index_is_read_row_by_row_and_a_stale_one_is_ignored(tmp_path):
    kb_file = REPO / "models" / "kb" / "entities.jsonl"
    index = load_index(kb_file, kb_digest(kb_file))
    assert isinstance(index.rows, LazyRows) and len(index.rows) > 50_000
    assert index.rows[0] == list(index.rows)[0] and isinstance(index.rows[0][0], str)
    copy = tmp_path / "entities.jsonl"
    shutil.copy(kb_file, copy)
    shutil.copy(index_path(kb_file), index_path(copy))
    assert load_index(copy, "0" * 64) is None                   # made from other KB bytes
    index_path(copy).write_bytes(b'{"format": 1, "rows": []}')  # the old single-document format
    assert load_index(copy, kb_digest(copy)) is None
    kb = load_kb(copy)                                          # the index is built in memory
    assert [e.id for e in kb.lookup("Hikvision")] == [e.id for e in load_kb().lookup("Hikvision")]
    assert kb.lookup("海康威视") and kb.lookup("하이크비전")
