"""The local engine: records streamed into an on-disk report store, then facts group by group.

Memory holds one record at a time while reading, the names of the document-level parties (one
entry per distinct name, for the corpus-wide merge) and one group of reports while building.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from .build import Context, build_group, context_from_kb, group_key, strip_computed
from .names import NAME_PREFIX, kb_alias_keys, merge_parties, name_keys, party_names, preliminary_key
from .reports import BadLine, RecordLine, read_records, reports_of
from .store import ReportStore

MAX_BAD_SHOWN = 20


@dataclass
class Stats:
    """What a run read and wrote; ``bad`` keeps the first bad lines (all are counted)."""

    input_lines: int = 0
    records: int = 0
    error_records: int = 0
    bad_lines: int = 0
    previous_facts: int = 0
    reports: int = 0
    facts: int = 0
    bad: list[BadLine] = field(default_factory=list)

    def add_bad(self, bad: BadLine) -> None:
        self.bad_lines += 1
        if len(self.bad) < MAX_BAD_SHOWN:
            self.bad.append(bad)

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in vars(self).items() if k != "bad"}
        return {**d, "bad": [b.to_dict() for b in self.bad]}

    def summary(self) -> str:
        prior = f"{self.previous_facts} previous facts + " if self.previous_facts else ""
        return (f"{prior}{self.input_lines} input lines: {self.records} records, {self.error_records} "
                f"error records, {self.bad_lines} bad lines -> {self.reports} reports, {self.facts} facts")


class Collector:
    """Accumulates reports (in the store) and document-level party names (in memory)."""

    def __init__(self, store: ReportStore, stats: Stats) -> None:
        self.store = store
        self.stats = stats
        self.parties: dict[str, set[str]] = {}

    def add_line(self, line: RecordLine) -> None:
        self.stats.input_lines += 1
        if line.bad is not None:
            self.stats.add_bad(line.bad)
            return
        assert line.record is not None
        if "error" in line.record:
            self.stats.error_records += 1
            return
        self.stats.records += 1
        for report in reports_of(line.record):
            self.add_report(report)

    def add_report(self, report: dict[str, Any]) -> None:
        prelim = preliminary_key(report)
        if prelim.startswith(NAME_PREFIX):
            self.parties.setdefault(prelim, set()).update(name_keys(party_names(report["target"])))
        self.store.add(prelim, *group_key(prelim, report)[1:], report)
        self.stats.reports += 1


def previous_reports(facts_path: str, stats: Stats) -> Iterator[dict[str, Any]]:
    """The reports held by an existing facts file (JSONL), as they came from their records."""
    with open(facts_path, "rb") as fh:
        for fact in read_facts(fh, facts_path):
            stats.previous_facts += 1
            for report in fact["sources"]:
                yield strip_computed(report)


def read_facts(fh: Iterable[bytes], path: str) -> Iterator[dict[str, Any]]:
    """The facts of a facts file; a line that is no fact stops the reading with a clear error."""
    from ..errors import InputError
    from ..io import json_objects

    for n, fact in json_objects(fh, path):
        if not isinstance(fact.get("sources"), list):
            raise InputError(f"{path}:{n}: not a fact (no 'sources'): a facts file is the JSONL that "
                             "newsfacts facts writes")
        yield fact


def input_size(paths: list[str]) -> int | None:
    """Bytes of the input files (for the progress bar), None when unknown (stdin)."""
    total = 0
    for p in map(Path, paths):
        if str(p) == "-":
            return None
        if p.is_dir():
            total += sum(q.stat().st_size for q in p.rglob("*") if q.is_file())
        elif p.is_file():
            total += p.stat().st_size
    return total


def build_local(inputs: list[str], kb: Any, previous: str | None = None, progress: bool = False,
                stats: Stats | None = None, tmpdir: str | None = None) -> Iterator[dict[str, Any]]:
    """Facts from record files (and the facts file ``previous``), sorted by (party, list, action, round)."""
    stats = stats if stats is not None else Stats()
    with tempfile.TemporaryDirectory(prefix="newsfacts-facts-", dir=tmpdir) as tmp:
        store = ReportStore(os.path.join(tmp, "reports.sqlite"))
        try:
            collector = Collector(store, stats)
            if previous:
                for report in previous_reports(previous, stats):
                    collector.add_report(report)
            for line in _with_progress(read_records(inputs), input_size(inputs), progress):
                collector.add_line(line)
            merges = merge_parties(collector.parties, kb_alias_keys(kb))
            store.set_merges(merges)
            ctx = context_from_kb(kb, merges)
            yield from facts_of_groups(store.groups(), ctx, stats)
        finally:
            store.close()


def facts_of_groups(groups: Iterable[tuple[tuple[str, str, str], list[dict[str, Any]]]], ctx: Context,
                    stats: Stats) -> Iterator[dict[str, Any]]:
    for key, reports in groups:
        for fact in build_group(key, reports, ctx):
            stats.facts += 1
            yield fact


def _with_progress(lines: Iterator[RecordLine], total: int | None, progress: bool) -> Iterator[RecordLine]:
    if not progress:
        yield from lines
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="B", unit_scale=True, desc="facts: reading records", leave=False) as bar:
        for line in lines:
            bar.update(line.size + 1)
            yield line
