"""`newsfacts bench` measures the pipeline against the bare tokenizer and worker scaling."""
from __future__ import annotations

import json

import pytest

from test_cli_run import newsfacts


@pytest.mark.slow
@pytest.mark.timeout(900)   # several full runs: minutes on a loaded 2-core machine
def test_bench_reports_ratios_baseline_and_scaling():
    proc = newsfacts("bench", "--langs", "en,ko", "--chars", "3000", "--workers", "2",
                     "--scale-docs", "12", "--json")
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    report = json.loads(proc.stdout)
    by_lang = {r["lang"]: r for r in report["languages"]}
    assert set(by_lang) == {"en", "ko"}
    for r in by_lang.values():
        assert r["pipeline_cps"] > 0 and r["tokenizer_cps"] > r["pipeline_cps"]
        assert r["ratio"] == pytest.approx(r["pipeline_cps"] / r["tokenizer_cps"])
        assert "ner" in r["stage_seconds"] and "tokenize" in r["stage_seconds"]
    assert by_lang["en"]["baseline_cps"] > 0 and by_lang["ko"]["baseline"] == ""
    assert [row["workers"] for row in report["scaling"]] == [1, 2]
    assert all(row["docs/s"] > 0 and row["peak_rss_mb"] > 100 for row in report["scaling"])
