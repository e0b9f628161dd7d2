"""An on-disk store of reports (SQLite in a temporary file): memory stays flat however many there are.

Reports go in with their preliminary party key, list and action; once every report is in and the
document-level names are merged (preliminary key -> party, written over the merged rows),
:meth:`groups` reads them back grouped by (party, list, action), in that order, one group at a
time, through an index on those keys (only the keys are sorted, not the reports).
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Iterator

import orjson

BATCH = 5000


class ReportStore:
    """Reports on disk, grouped on the way out."""

    def __init__(self, path: str | Path) -> None:
        self.db = sqlite3.connect(str(path), isolation_level=None)
        self.db.executescript("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = FILE;
            PRAGMA cache_size = -8000;
            CREATE TABLE reports (prelim TEXT, list TEXT, action TEXT, data BLOB);
            CREATE TABLE merges (prelim TEXT PRIMARY KEY, party TEXT);""")
        self._pending: list[tuple[str, str, str, bytes]] = []
        self.count = 0

    def add(self, prelim: str, list_id: str, action: str, report: dict[str, Any]) -> None:
        self._pending.append((prelim, list_id, action, orjson.dumps(report)))
        self.count += 1
        if len(self._pending) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT INTO reports VALUES (?, ?, ?, ?)", self._pending)
            self.db.execute("COMMIT")
            self._pending = []

    def set_merges(self, merges: dict[str, tuple[str, str]]) -> None:
        """Preliminary key -> party key for the merged document-level names."""
        self._flush()
        self.db.execute("BEGIN")
        self.db.executemany("INSERT INTO merges VALUES (?, ?)",
                            [(prelim, party) for prelim, (party, _) in merges.items() if party != prelim])
        self.db.execute("""UPDATE reports SET prelim = (SELECT party FROM merges WHERE merges.prelim = reports.prelim)
                           WHERE prelim IN (SELECT prelim FROM merges)""")
        self.db.execute("COMMIT")

    def groups(self) -> Iterator[tuple[tuple[str, str, str], list[dict[str, Any]]]]:
        """((party, list, action), reports) for every group, sorted by that key."""
        self._flush()
        self.db.execute("CREATE INDEX IF NOT EXISTS by_group ON reports (prelim, list, action)")
        rows = self.db.execute("SELECT prelim, list, action, data FROM reports ORDER BY prelim, list, action")
        key: tuple[str, str, str] | None = None
        members: list[dict[str, Any]] = []
        for party, list_id, action, data in rows:
            if (party, list_id, action) != key:
                if key is not None:
                    yield key, members
                key, members = (party, list_id, action), []
            members.append(orjson.loads(data))
        if key is not None:
            yield key, members

    def close(self) -> None:
        self.db.close()
