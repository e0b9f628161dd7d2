"""Benchmark `newsfacts facts` on a synthetic corpus made of real records: wall time and peak memory.

The base records (the pipeline's output, e.g. on corpus/samples) are copied N times over: copy
``k`` gets ids ``<id>~k``, every date (publication and event dates) moved ``k % YEARS`` years
later, and from copy ``YEARS`` on, parties renamed per block of ``YEARS`` copies (canonical ids
get ``~block``, names `` block``; a document-level id becomes a ``bench:`` id, since its mention
text, which the name merge reads, stays as it is): a larger corpus has more facts, each with a
few reports. Only the first block exercises the merge of document-level names.
One `newsfacts facts` process runs on the file; its wall time and peak RSS are printed as JSON.

    python scripts/bench_facts.py out/samples.jsonl --records 100000 [--engine ray] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator

YEARS = 50
_YEAR = re.compile(r"^(\d{4})")


def _shift(value: Any, years: int) -> Any:
    if isinstance(value, str) and (m := _YEAR.match(value)):
        return f"{int(m[1]) + years:04d}{value[4:]}"
    return value


def copies(base: list[dict[str, Any]], n: int) -> Iterator[dict[str, Any]]:
    """``n`` records: the base records over and over, each copy with new ids and shifted dates."""
    for i in range(n):
        k, record = divmod(i, len(base))
        rec = json.loads(json.dumps(base[record]))
        rec["id"] = f'{rec["id"]}~{k}'
        years, block = k % YEARS, k // YEARS
        if block:                       # past YEARS copies, new parties (a corpus grows in facts)
            for ent in rec.get("entities", []):
                canonical = ent.get("canonical")
                if canonical:   # document-level parties of later blocks become parties of their own
                    canonical["id"] = f'{canonical["id"].replace("doc:", "bench:", 1)}~{block}'
                    canonical["name"] += f" {block}"
                    canonical["names"] = {k: f"{v} {block}" for k, v in canonical.get("names", {}).items()}
        if "meta" in rec:
            rec["meta"]["published"] = _shift(rec["meta"].get("published"), years)
        for event in rec.get("events", []):
            if event.get("date"):
                event["date"]["value"] = _shift(event["date"]["value"], years)
        yield rec


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("base", help="output records of newsfacts run (JSONL)")
    p.add_argument("--records", type=int, default=100_000)
    p.add_argument("--engine", default="local", choices=["local", "ray"])
    p.add_argument("--keep", help="write the corpus and the facts here (default: a temporary folder)")
    args = p.parse_args()
    base = [json.loads(x) for x in Path(args.base).read_text(encoding="utf-8").splitlines() if x.strip()]
    base = [r for r in base if "error" not in r]
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(args.keep or tmp)
        where.mkdir(parents=True, exist_ok=True)
        corpus = where / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for rec in copies(base, args.records):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        facts = where / "facts.jsonl"
        cmd = [sys.executable, "-m", "pipeline", "facts", str(corpus), "-o", str(facts), "-q",
               "--engine", args.engine, "--stats", str(where / "stats.json")]
        start = time.perf_counter()
        subprocess.run(cmd, check=True)
        wall = time.perf_counter() - start
        stats = json.loads((where / "stats.json").read_text())
        print(json.dumps({"records": args.records, "engine": args.engine, "corpus_mb": round(corpus.stat().st_size / 1e6, 1),
                          "reports": stats["reports"], "facts": stats["facts"], "wall_s": round(wall, 1),
                          "records_per_s": round(args.records / wall),
                          "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
