"""Name forms shared by the importers: person names in reading order, entry names split into
name, abbreviation and parent, which unnamed list entries are people."""
from __future__ import annotations

import re

from ...entities import typer as orgtype

#: countries whose people put the family name first (Kim Jong Un, Xi Jinping)
FAMILY_FIRST = frozenset({"CN", "HK", "MO", "TW", "KP", "KR", "VN"})
_AFFILIATE = re.compile(r"^(.+?)\.?\s+Affiliated Entit(?:y|ies):\s*(.+)$")
_ABBREV = re.compile(r"\s*\(([A-Z][A-Za-z0-9&-]{1,9})\)")
_LEGAL = re.compile(r"\b(?:co|corp|corporation|company|ltd|limited|llc|inc|gmbh|jsc|ojsc|pjsc|ooo|sa|ag|bv|plc|"
                    r"fze|fzco|llp|lp|pte|pvt|srl|spa|group|holding|holdings)\b\.?", re.IGNORECASE)


def person_forms(name: str, countries: list[str] | tuple[str, ...] = ()) -> list[str]:
    """``KIM, Jong Un`` -> ``Jong Un Kim`` (and ``Kim Jong Un`` for family-name-first countries;
    ``Oleg Deripaska`` besides ``Oleg Vladimirovich Deripaska``, without the middle names); a name
    without a comma is kept as written, capitalised."""
    if "," not in name:
        return [_capitalise(name)]
    family, _, given = (part.strip() for part in name.partition(","))
    family, given = _capitalise(family), _capitalise(given)
    if not family or not given:
        return [_capitalise(name.replace(",", " "))]
    forms = [f"{given} {family}"]
    if FAMILY_FIRST & set(countries):
        forms.insert(0, f"{family} {given}")
    elif len(given.split()) >= 2:               # Oleg Vladimirovich Deripaska -> Oleg Deripaska
        forms.append(f"{given.split()[0]} {family}")
    return forms


def _capitalise(text: str) -> str:
    """Upper-case words become capitalised (``PRIETO FERNANDEZ`` -> ``Prieto Fernandez``)."""
    text = re.sub(r"\s+", " ", text).strip()
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in text.split(" "))


def split_entry(name: str) -> tuple[list[str], str]:
    """An entry's own names and its parent: ``Huawei Technologies Co., Ltd. (Huawei). Affiliated
    Entity: Beijing Huawei Longshine ...`` -> ([``Beijing Huawei Longshine ...``], ``Huawei
    Technologies Co., Ltd.``); ``Beihang University (BUAA)`` -> ([``Beihang University``, ``BUAA``], "")."""
    parent = ""
    m = _AFFILIATE.match(name)
    if m:
        parent, name = _ABBREV.sub("", m.group(1)).strip(" ."), m.group(2).strip()
    abbrev = _ABBREV.search(name)
    if abbrev and abbrev.end() == len(name.rstrip(" .")):
        return [re.sub(r"\s+", " ", name[:abbrev.start()]).strip(" ,"), abbrev.group(1)], parent
    return [name.strip()], parent


def looks_like_person(name: str) -> bool:
    """An untyped list entry (the Entity List types none) that reads as a person's name:
    two to five capitalised words, no digits, no legal form, no organisation word, no common
    English word (``Abdul Satar Ghoura`` yes, ``Amaze International`` no)."""
    from ...lang.casing import common_words

    words = name.replace(",", " ").split()
    if not 2 <= len(words) <= 5 or any(not w[:1].isupper() or any(c.isdigit() for c in w) for w in words):
        return False
    if _LEGAL.search(name) or orgtype.by_name(name) or re.search(r"[&/()\"]", name):
        return False
    common = common_words()
    return not any(w.lower().strip(".'-") in common for w in words)
