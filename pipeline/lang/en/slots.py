"""Names in English trigger slots that no stage recognised (:class:`pipeline.lang.pack.SlotReader`):
"by removing A; B; and C", "A, B and C", a Federal Register order title "A, address; B a/k/a C,
address; Order Denying Export Privileges", an appendix line that is one name."""
from __future__ import annotations

import re

from ...events.discover import EntityLookup, add
from ...types import Document, Entity
from ..pack import alternation
from ..triggers import Trigger
from . import PACK

#: a firm's legal form or head word (also typing a Latin name in another language's slot)
FIRM = re.compile(r"\b(?:Co|Co\.|Company|Corp|Corp\.|Corporation|Inc|Inc\.|Ltd|Ltd\.|LLC|L\.L\.C\.|Limited|"
                  r"Group|GmbH|PLC|JSC|PJSC|OOO|LLP|S\.A\.|AG|KK|SARL|SAS|BV|NV|SpA|Srl|Sp\.?\s?z\s?o\.?o\.?|"
                  r"Airlines|Airways|Bank|Holdings|"
                  r"Technolog(?:y|ies)|Industries|Systems|Electronics|Semiconductor)\b\.?")
_UNIV = re.compile(r"\b(?:University|Institute|Academy|College|Polytechnic)\b")
_GOV = re.compile(r"\b(?:Ministry|Department|Bureau|Agency|Armed Forces|Government)\b")
_ORG = re.compile(r"\b(?:Organization|Organisation|Committee|Foundation|Council|Association|Forum|"
                  r"Project|Center|Centre|Corps|Society|Federation)\b")
#: capitalised words of a list, a law or an address: no party's name
_NOT_NAME = re.compile(r"\b(?:" + alternation(w.title() for w in PACK.words.get("not_name_words")) + r")\b\.?")
_NAME = re.compile(r"(?:[A-Z0-9][\w&.'/-]*|\([A-Z][\w .'-]*\))(?:\s+(?:[A-Z0-9(][\w&.'()/-]*|of|and|for|de|"
                   r"the|&|du|la|von|van|bin|al-?\w*))*")
_ROLE = re.compile(r"^.*\b(?:[Dd]irector|[Pp]resident|[Cc]hairman|CEO|[Mm]inister|[Cc]ommander|[Oo]fficial|"
                   r"[Ss]ecretary|[Ff]ounder|[Gg]overnor|[Ee]xecutive)\s+(?=[A-Z])")
#: a kind of party opening a slot before its names ("Individuals Yu Song-hyok and ...")
_PARTY_NOUN = re.compile(r"^(?:(?:The|These|Those|Other|Two|Three|Both)\s+)?(?:"
                         + alternation(w.title() for w in PACK.words.get("party_nouns")) + r")\s+(?=[A-Z])")
_AKA = re.compile(r"\s+(?:" + alternation(PACK.words.get("aka")) + r")\b.*$", re.IGNORECASE)
#: what ends the object of an active trigger ("added A to the ■", "A, which have engaged ...")
_SLOT_END = re.compile(r"\s+(?:to|from|on|onto|in)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'-]+\s+){0,3}■"
                       r"|\s+(?:engage[sd]?|ha(?:ve|s)\s+(?:engaged|been)|were|was|are|is|will|for|over)\b")


def slot_names(doc: Document, mtext: str, trig: Trigger, region: tuple[int, int],
               look: EntityLookup) -> list[Entity]:
    """The object before a passive trigger (from the line's start for a line trigger), else after
    the trigger up to what ends it (``_SLOT_END``)."""
    lo, hi = region
    if trig.rule.line:
        lo = doc.text.rfind("\n", 0, trig.start) + 1
    if trig.passive:
        return names(doc, lo, trig.start, look, mtext)
    m = _SLOT_END.search(mtext, trig.end, hi)
    stop = m.start() if m else hi
    return names(doc, trig.end, stop, look, mtext)


def line_names(doc: Document, start: int, end: int, mtext: str, look: EntityLookup,
               appendix: bool, script: str | None) -> list[Entity] | None:
    """An appendix line in Latin letters is one name (-TechInsights Europe Limited)."""
    if not appendix or script != PACK.script:
        return None
    return names(doc, start, end, look, mtext, single=True)


def names(doc: Document, start: int, end: int, look: EntityLookup, mask: str | None = None,
          single: bool = False) -> list[Entity]:
    """Names in an English object slot: "A; B; and C", "A, B and C", "A, address; B, address";
    with ``single`` the slot is one name (an appendix line)."""
    covered = look.near(start, end)
    text = doc.text
    chunk = text[start:end]
    if single:
        parts = [chunk]
    elif ";" in chunk:
        parts = chunk.split(";")
    else:                                   # "SMIC and DJI", but "Xinjiang Production and Construction Corps"
        parts = [p for piece in re.split(r",\s*", chunk)
                 for p in ([piece] if name_type(_clean(piece)) in ("FIRM", "ORG", "GOV", "UNIVERSITY")
                           else re.split(r"^and\s+|\s+and\s+", piece))]
    found, pos = [], start
    for part in parts:
        at = text.find(part, pos, end)
        pos = at + len(part)
        if ";" in chunk and not single:                  # "Name, address" segments
            part = part.split(",")[0]
        part = _clean(part)
        m = _NAME.fullmatch(part)
        if not m or not part:
            continue
        s = text.find(part, at, pos)
        etype = name_type(part)
        if s >= 0 and etype:
            found.append((s, s + len(part), etype))
    return add(doc, found, covered, mask)


def _clean(part: str) -> str:
    """An item without its number, article, "a/k/a" names and bracketed abbreviation."""
    part = re.sub(r"^\s*(?:[-–—•·]\s*|\d+[.)]\s+|\([a-z0-9]+\)\s*)?(?:and\s+|the\s+|In the Matter of:\s*|"
                  r"Title:\s*)*", "", part)
    part = _PARTY_NOUN.sub("", part)
    part = _AKA.sub("", part)
    part = _ROLE.sub("", part)              # "DIO Director Mehrdad A.", "nominal president Nicholas M."
    part = re.sub(r"\s*\([A-Z][A-Za-z.&-]{1,10}\)\s*$", "", part.strip(" .,:"))   # … Corp (SMIC)
    return part.strip(" .,:")


def name_type(name: str) -> str | None:
    """The type of a Latin name by its words (None: no party's name)."""
    if _NOT_NAME.search(name) and not FIRM.search(name):
        return None
    if _UNIV.search(name):
        return "UNIVERSITY"
    if FIRM.search(name):
        return "FIRM"
    if _GOV.search(name):
        return "GOV"
    if _ORG.search(name):
        return "ORG"
    words = name.split()     # Roman Anatolyevich Alar; O Yong Ho (a one-letter Korean surname)
    if 2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z](?:[a-z'-]+(?:-[A-Z][a-z'-]+)?)?", w) for w in words) \
            and sum(len(w) > 1 for w in words) >= 2:
        return "PERSON"
    return None
