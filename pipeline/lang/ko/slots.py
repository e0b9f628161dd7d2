"""Names in Korean trigger slots that no stage recognised (:class:`pipeline.lang.pack.SlotReader`):
a name introduced by what it is ("러시아 최대 은행 스베르방크를", "드론업체 DJI와"), and the items of
an enumeration closed by 등 ("베이징 파워맥, 베이징 SWT, 난창대학 등이", "다롄 하이보 국제 화물과
랴오닝 단싱 국제운송 등 2곳의 중국 해운회사를") beside a name already found or before a count of
firms or persons: each item takes the type its head gives (대학 -> UNIVERSITY), else the count's,
else its named neighbours'."""
from __future__ import annotations

import re
from collections import Counter

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
#: what separates two items of an enumeration: a mark, or 과/와 closing a word, or 및
_ITEM_SEP = re.compile(r"\s*(?:[,·、]|(?<=[가-힣A-Za-z0-9)])(?:과|와)(?=\s)|\s및(?=\s))\s*")
#: 등 closing an enumeration, with the count and the kind of party that may follow it
#: a count's unit -> the type of the parties it counts (등 2곳, 등 5명: the pack's count_types)
_UNITS = {unit: typ for typ, units in PACK.words.table("transliteration.count_types").items() for unit in units}
_CLOSER = re.compile(r"\s등(?:\s*\d+\s*(?P<unit>" + alternation(_UNITS) + r"))?(?=[\s이을를은는의과와에도]|$)")
#: the end of the words before the first item: a word closed by a particle, or a bracket, or an
#: adverb opening the sentence (또, 아울러)
_LEAD = re.compile(r".*(?:(?<=[가-힣)])(?:에는|에서는|에선|에서|에게|으로는|로는|으로|로|은|는|이|가|을|를|에|의|도)\s|[(（:：])"
                   r"|\s*(?:또한?|아울러|이밖에도?|이와\s+함께)\s+")
_ITEM_WORD = re.compile(r"[가-힣A-Za-z0-9&.+-]+")
_BRACKETED = re.compile(r"\s*\([^()]{1,40}\)\s*$")
#: nouns for a kind of party: an item ending in one (중국 기업, 대학) names none
_KINDS = frozenset(PACK.words.get("generic_nouns"))


def slot_names(doc: Document, mtext: str, trig: Trigger, region: tuple[int, int],
               look: EntityLookup) -> list[Entity]:
    """Names introduced by what they are anywhere in the trigger's argument region."""
    return names(doc, *region, look, mtext)


def line_names(doc: Document, start: int, end: int, mtext: str, look: EntityLookup,
               appendix: bool, script: str | None) -> list[Entity] | None:
    """Korean lines that go on about an act are left to the entities found in them."""
    return None


def names(doc: Document, start: int, end: int, look: EntityLookup, mask: str | None = None) -> list[Entity]:
    """Names introduced by what they are in ``text[start:end]``, then the items of its
    enumerations."""
    covered = look.near(start, end)
    new = add(doc, _appositions(doc, start, end), covered, mask)
    near = look.near(start, end) + new
    items = _enumerated(doc, start, end, near)
    _retype_places(items, near)
    return new + add(doc, items, near, mask)


def _retype_places(items: list[tuple[int, int, str]], near: list[Entity]) -> None:
    """An item the model took whole for a place the KB does not know (베이징중허항쉰, 후난대학)
    takes the item's type."""
    spans = {(s, e): typ for s, e, typ in items}
    for entity in near:
        typ = spans.get((entity.start, entity.end))
        if typ and entity.type == "LOC" and not (entity.canonical or {}).get("id", "").startswith("nf:"):
            entity.type = typ


def _appositions(doc: Document, start: int, end: int) -> list[tuple[int, int, str]]:
    found = []
    for m in _APPOSITION.finditer(doc.text, start, end):
        s, e = m.span("name")
        name = m.group("name")
        if orgtype.is_description(name) or name in ("이", "그", "해당", "등"):
            continue
        found.append((s, e, "UNIVERSITY" if _UNIV.search(name) else "FIRM"))
    return found


def _enumerated(doc: Document, start: int, end: int, near: list[Entity]) -> list[tuple[int, int, str]]:
    """The items of each enumeration closed by 등 in ``text[start:end]`` that name a party: an
    enumeration counts when one of its items is a name already found or a count of firms or
    persons follows it; an item is one to four words, not a description of a kind of party."""
    text = doc.text
    found: list[tuple[int, int, str]] = []
    named = [e for e in near if e.type in orgtype.NAME_TYPES]
    for closer in _CLOSER.finditer(text, start, end):
        chain_start = max(start, text.rfind("\n", start, closer.start()) + 1)
        lead = _LEAD.match(text, chain_start, closer.start())
        chain_start = lead.end() if lead else chain_start
        items = _items(text, chain_start, closer.start())
        if len(items) < 2:
            continue
        anchors = [e.type for a, b in items for e in named if a <= e.start and e.end <= b]
        counted = _UNITS.get(closer.group("unit") or "")
        if not anchors and counted is None:
            continue
        neighbour = counted or Counter(anchors).most_common(1)[0][0]   # ties: the first named
        for s, e in items:
            e = s + len(orgtype.before_title_word(text[s:e]) or text[s:e])   # 장 샤오밍 부주임: the name
            name = text[s:e]
            words = _ITEM_WORD.findall(name)
            if not 2 <= len(name) <= 30 or not 1 <= len(words) <= 4 or " ".join(words) != name \
                    or orgtype.is_description(name) or orgtype.is_kind(name) or words[-1] in _KINDS \
                    or any(c.start <= s and e <= c.end for c in named):
                continue
            typ = orgtype.by_name(name) if " " not in name else orgtype.by_name(words[-1]) or orgtype.by_name(name)
            found.append((s, e, typ if typ in ("FIRM", "UNIVERSITY", "GOV") else neighbour))
    return found


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the items of ``text[start:end]``, cut at separators, bracketed aliases left out."""
    out = []
    pos = start
    for sep in [*_ITEM_SEP.finditer(text, start, end), None]:
        stop = sep.start() if sep is not None else end
        piece = text[pos:stop]
        bracket = _BRACKETED.search(piece)
        e = pos + (bracket.start() if bracket else len(piece.rstrip()))
        s = pos + (len(piece) - len(piece.lstrip()))
        if e > s:
            out.append((s, e))
        pos = sep.end() if sep is not None else end
    return out
