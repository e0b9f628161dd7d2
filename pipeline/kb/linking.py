"""The KB entity a found name refers to: by an alias (as written, or without its legal form),
else across scripts (``pipeline.kb.xscript``). What the link stage and the events stage's
discovered targets share."""
from __future__ import annotations

import re
from typing import Any

from ..entities import typer as orgtype


def kb_canonical(name: str, entity_type: str, shared: Any) -> dict[str, Any] | None:
    """The ``canonical`` of the KB entity ``name`` names, or None. Across scripts an organisation
    is never taken for a person nor a person for an organisation, and a person is found only by
    the kinds of :data:`PERSON_KINDS`."""
    from . import shared_kb, shared_xscript

    kb = shared_kb(shared)
    for form in (name, orgtype.strip_legal_form(name)):
        records = kb.lookup(form)
        if records:
            return records[0].canonical()
    person = entity_type == "PERSON"
    if not person and entity_type not in orgtype.ORG_TYPES:
        return None
    kinds = PERSON_KINDS if person else CROSS_SCRIPT_KINDS
    found = shared_xscript(shared).best(name, kinds=kinds)
    record = kb.get(found.entity_id) if found else None
    if record is None or (record.type == "PERSON") != person:
        return None
    if found.how == "person" and not _vowels_agree(name, [record.name, *record.aliases.get("en", [])]):
        return None
    return record.canonical()


def _vowels_agree(hangul: str, english: list[str]) -> bool:
    """Whether a Hangul name is read with the vowels of one of the English names, in the whole
    name and in its surname: the sound skeletons compared above keep no vowels, and a short one
    fits other names (제시 말라브 and Sergei Malov are both SVSVMVLVP, with the vowels eiaa and
    eeao; 인디아나 존스 sounds like Antonio Sunce, with other vowels)."""
    from rapidfuzz import fuzz

    from .phonetic import english_vowels, korean_vowels

    said = [korean_vowels(w) for w in hangul.split()]
    for name in english:
        if words := re.findall(r"[A-Za-z]+", name):
            spelt = [english_vowels(w) for w in words]
            whole = fuzz.ratio("".join(said), "".join(spelt)) >= VOWELS_AGREE["name"]
            one_each = len(said[-1]) <= 1 and len(spelt[-1]) <= 1      # 청 for Cheng: too short to say
            if whole and (one_each or fuzz.ratio(said[-1], spelt[-1]) >= VOWELS_AGREE["surname"]):
                return True
    return False


#: least similarity (0-100) of the vowels of a person matched by sound: the whole name's, the surname's
VOWELS_AGREE = {"name": 70.0, "surname": 50.0}


#: the cross-script key kinds used for linking (English fuzzy matching is left to exact names)
CROSS_SCRIPT_KINDS = frozenset({"skeleton", "skeleton_zh", "sino", "hangul", "han", "pinyin", "letters"})
#: a person by the pinyin of a Chinese name, a Korean one (陈全国 = 천취안궈 = Chen Quanguo) or
#: the sound of a full name (세르게이 라브로프 = Sergei Lavrov)
PERSON_KINDS = frozenset({"letters", "hangul", "person"})
