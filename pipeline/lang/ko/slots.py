"""Names in Korean trigger slots that no stage recognised (:class:`pipeline.lang.pack.SlotReader`):
a name introduced by what it is ("러시아 최대 은행 스베르방크를", "드론업체 DJI와")."""
from __future__ import annotations

import re

from ...entities import typer as orgtype
from ...events.discover import EntityLookup, add
from ...types import Document, Entity
from ..pack import alternation
from ..triggers import Trigger
from . import PACK

_APPOSITION = re.compile(
    r"(?:" + alternation(PACK.words.get("apposition_heads")) + r")\s+"
    r"(?P<name>[가-힣A-Za-z0-9&.·-]{2,20}?)(?:\([^()]{1,40}\))?(?=을|를|과|와|,|\s*및|\s+등|\s+\d)")
_UNIV = re.compile(r"(?:대학|대학교|연구소|연구원)$")


def slot_names(doc: Document, mtext: str, trig: Trigger, region: tuple[int, int],
               look: EntityLookup) -> list[Entity]:
    """Names introduced by what they are anywhere in the trigger's argument region."""
    return names(doc, *region, look, mtext)


def line_names(doc: Document, start: int, end: int, mtext: str, look: EntityLookup,
               appendix: bool, script: str | None) -> list[Entity] | None:
    """Korean lines that go on about an act are left to the entities found in them."""
    return None


def names(doc: Document, start: int, end: int, look: EntityLookup, mask: str | None = None) -> list[Entity]:
    """Names introduced by what they are in ``text[start:end]``."""
    covered = look.near(start, end)
    found = []
    for m in _APPOSITION.finditer(doc.text, start, end):
        s, e = m.span("name")
        name = m.group("name")
        if orgtype.is_description(name) or name in ("이", "그", "해당", "등"):
            continue
        found.append((s, e, "UNIVERSITY" if _UNIV.search(name) else "FIRM"))
    return add(doc, found, covered, mask)
