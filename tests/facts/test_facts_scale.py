"""Memory stays flat as the corpus grows: ten times the records, about the same peak RSS.

Ratios, not absolute figures, with generous bounds, so that a loaded machine does not fail it.
The corpus is scripts/bench_facts.py's (sample records copied with new ids, dates and parties).
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import REPO
from test_facts_cli import newsfacts

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def bench(base, records: int, tmp) -> dict:
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / "bench_facts.py"), str(base), "--records",
                           str(records), "--keep", str(tmp / str(records))],
                          capture_output=True, cwd=REPO, timeout=800)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    return json.loads(proc.stdout)


def test_peak_memory_is_flat_in_the_number_of_records(tmp_path):
    base = tmp_path / "samples.jsonl"
    proc = newsfacts("run", str(REPO / "corpus" / "samples" / "articles.jsonl"), "-o", str(base), "--workers", "1", "-q")
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    small, large = bench(base, 1_000, tmp_path), bench(base, 10_000, tmp_path)
    assert large["reports"] >= 9 * small["reports"] and large["facts"] >= 5 * small["facts"]
    assert large["peak_rss_mb"] < 1.5 * small["peak_rss_mb"], (small, large)
