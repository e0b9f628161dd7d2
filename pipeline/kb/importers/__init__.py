"""Readers of official list data in the formats people who work with sanctions data hold.

Each reader yields :class:`~pipeline.kb.sources.ListEntry` records; ``newsfacts kb build`` merges
them with the curated seeds. A source is named ``KIND:PATH`` on the command line:

* ``csl:FILE``  the US Consolidated Screening List JSON (ITA's ``consolidated.json``, or the compact
  projection in ``us-csl-2026-07``) -> :mod:`.csl`
* ``sdn:DIR``   OFAC's legacy CSV set (``sdn.csv`` with ``alt.csv`` and ``add.csv``) -> :mod:`.ofac`
* ``ftm:FILE``  FollowTheMoney entities as OpenSanctions exports them (JSON lines) -> :mod:`.ftm`
* ``xyna:FILE``, ``mofcom:DIR``, ``bis-universities:DIR``: the Chinese lists and BIS universities
* ``opensanctions-csv:FILE``, ``kaist:FILE``: the non-commercial sets (see :data:`NON_COMMERCIAL`)

Nothing here runs in a pipeline; only the KB builder imports it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from ..sources import ListEntry


@dataclass(frozen=True)
class Source:
    """One ``KIND:PATH`` source of list entries."""

    kind: str
    path: Path

    @property
    def label(self) -> str:
        return f"{self.kind}:{self.path.name}"


def readers() -> dict[str, Callable[[Path], Iterator[ListEntry]]]:
    """Source kind -> reader (imported here so that the modules stay independent)."""
    from . import csl, ftm, noncommercial, ofac, xyna
    from .. import sources

    return {"csl": csl.entries, "sdn": ofac.entries, "ftm": ftm.entries, "xyna": xyna.entries,
            "mofcom": sources.mofcom_entries, "bis-universities": sources.bis_university_entries,
            "opensanctions-csv": noncommercial.opensanctions_csv_entries,
            "kaist": noncommercial.kaist_entries}


#: The default knowledge base: shared data sets of official lists that may be used commercially
#: (folder, kind, path inside it, licence).
DEFAULT_SOURCES = (
    ("cn-mofcom-sanctions-ammitto", "mofcom", "", "official PRC announcements, structured by Ammitto"),
    ("bis-entity-list-china-universities", "bis-universities", "", "US Government data (public domain)"),
    ("cn-export-control-lists-xyna", "xyna", "cn.json", "MIT"),
    ("us-csl-2026-07", "csl", "screening-list.json", "US Government work (public domain); projection MIT"),
    ("us-ofac-sdn-2024", "sdn", "", "US Government work (public domain)"),
)

#: Shared data sets licensed for non-commercial use only or without a licence: never in the
#: default KB; ``--source NAME`` adds one (folder -> kind, path, licence).
NON_COMMERCIAL = {
    "opensanctions-us-dod-ndaa-lists": ("opensanctions-csv", "dod_1260h_chinese_military_companies.csv",
                                        "CC BY-NC 4.0 (OpenSanctions)"),
    "cn-sanctions-opensanctions": ("opensanctions-csv", "cn_sanctions.csv", "CC BY-NC 4.0 (OpenSanctions)"),
    "restricted-parties-kaist-ko": ("kaist", "restricted_parties.json", "no licence stated (KAIST CASS Lab)"),
}


def parse_source(spec: str, data: Path | None) -> tuple[Source, str]:
    """``KIND:PATH`` or the name of a non-commercial shared data set -> (source, its licence
    note, "" for a ``KIND:PATH`` the user holds)."""
    if spec in NON_COMMERCIAL:
        kind, name, licence = NON_COMMERCIAL[spec]
        if data is None:
            raise ValueError(f"--source {spec}: no shared data folder")
        return Source(kind, data / spec / name), licence
    kind, sep, path = spec.partition(":")
    if not sep or kind not in readers():
        raise ValueError(f"--source {spec!r}: expected KIND:PATH with KIND one of "
                         f"{', '.join(sorted(readers()))}, or one of {', '.join(sorted(NON_COMMERCIAL))}")
    return Source(kind, Path(path)), ""


def default_sources(data: Path, skip: frozenset[str] = frozenset()) -> list[tuple[str, Source, str]]:
    """The default sources present under the shared data folder: (data set, source, licence)."""
    out = []
    for folder, kind, name, licence in DEFAULT_SOURCES:
        if folder not in skip and (data / folder).is_dir():
            out.append((folder, Source(kind, data / folder / name if name else data / folder), licence))
    return out


def read(source: Source) -> Iterator[ListEntry]:
    return readers()[source.kind](source.path)
