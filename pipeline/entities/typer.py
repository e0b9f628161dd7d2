"""The one organisation typer: FIRM, UNIVERSITY, GOV or ORG, and what is no name at all.

Every decision reads the word lists of the language packs (``pipeline/lang/<code>/words.toml``):
a name is typed by the pack of its script (Hangul and Han names share one table of head endings,
since Korean names carry Han and Chinese ones Latin; Latin names by the English rules), then, when
the name says nothing, by cue words around it. Legal forms, titles and descriptions are read from
the same lists, so each list is written once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lang
from ..kb.normalize import normalize
from ..lang.pack import alternation

ORG_TYPES = frozenset({"FIRM", "UNIVERSITY", "GOV", "ORG"})
#: the types of named parties: organisations and persons
NAME_TYPES = ORG_TYPES | {"PERSON"}
#: Characters on each side of a name searched for cue words (12 instead of 30 changed nothing on
#: CLUENER dev and traded right for wrong types one for one on KLUE dev).
CONTEXT_CHARS = 30
_CUE_ORDER = ("UNIVERSITY", "GOV", "FIRM")


def _latin(words: tuple[str, ...] | list[str]) -> str:
    """Words matched on word boundaries (a trailing full stop allowed after the last word)."""
    return rf"\b(?:{alternation(words)})\b" if words else r"(?!x)x"


@dataclass(frozen=True)
class _Tables:
    """The packs' lists compiled once: see :func:`tables`."""

    heads: dict[str, str]                         # Hangul/Han ending -> type
    longest_head: int
    firm_prefixes: tuple[str, ...]
    firm_unit: re.Pattern[str]
    bare_gov: frozenset[str]
    university_words: re.Pattern[str]
    latin_rules: tuple[tuple[str, re.Pattern[str]], ...]
    cues: tuple[tuple[str, tuple[str, ...]], ...]
    not_person: tuple[tuple[str, re.Pattern[str]], ...]
    titles: re.Pattern[str]
    title_modifiers: tuple[str, ...]
    legal_tail: re.Pattern[str]
    legal_prefix: re.Pattern[str]
    legal_only: re.Pattern[str]
    legal_after: re.Pattern[str]
    description: re.Pattern[str]


@lru_cache(maxsize=1)
def tables() -> _Tables:
    packs = lang.packs()
    cjk = [p for p in packs if p.script != "latin"]
    latin = [p for p in packs if p.script == "latin"]
    heads: dict[str, str] = {}
    for p in cjk:
        for typ, words in p.words.table("org.heads").items():
            for w in words:
                heads.setdefault(normalize(w), typ)
    firm_heads = [w for w, t in heads.items() if t == "FIRM" and len(w) >= 2]
    units = [u for p in cjk for u in p.words.get("org.unit_words")]
    cjk_legal = [f for p in cjk for f in p.words.get("legal_forms")]
    latin_legal = [f for p in latin for f in p.words.get("legal_forms")]
    latin_rules = []
    for p in latin:
        for rule in p.words.value("org.rule", []):
            words = list(rule["words"]) + (list(p.words.get("legal_forms")) if rule.get("legal_forms") else [])
            latin_rules.append((rule["type"], re.compile(_latin(words) + r"\.?", re.IGNORECASE)))
    cues = tuple((t, tuple(c.lower() for p in packs for c in p.words.get(f"context_cues.{t}"))) for t in _CUE_ORDER)
    not_person = []
    for typ in ("FIRM", "LOC"):
        cjk_end = [normalize(w) for p in cjk for w in p.words.get(f"not_person.{typ}")]
        latin_end = [w for p in latin for w in p.words.get(f"not_person.{typ}")]
        not_person.append((typ, re.compile(rf"(?:{alternation(cjk_end)})$|{_latin(latin_end)}\.?$", re.IGNORECASE)))
    cjk_titles = [t for p in cjk for t in p.words.get("titles")]
    latin_titles = [t for p in latin for t in p.words.get("titles")]
    uni = [w for p in packs for w in p.words.get("org.university_words")]
    desc_mods = [w for p in packs for w in p.words.get("description_modifiers")]
    desc_nouns = [w for p in packs for w in p.words.get("description_nouns")]
    vague = [w for p in packs for w in p.words.get("vague_counts")]
    classifiers = [w for p in packs for w in p.words.get("classifiers")]
    return _Tables(
        heads=heads, longest_head=max(map(len, heads), default=0),
        firm_prefixes=tuple(f for p in cjk for f in p.words.get("firm_prefixes")),
        firm_unit=re.compile(rf"(?:{alternation(firm_heads)}).+(?:{alternation(units)})$"),
        bare_gov=frozenset(w for w, t in heads.items() if t == "GOV" and len(w) >= 2),
        university_words=re.compile("|".join([alternation(w for w in uni if not w.isascii()),
                                              _latin([w for w in uni if w.isascii()])]), re.IGNORECASE),
        latin_rules=tuple(latin_rules), cues=cues, not_person=tuple(not_person),
        titles=re.compile(rf"{alternation(cjk_titles)}|{_latin(latin_titles)}", re.IGNORECASE),
        title_modifiers=tuple(m for p in packs for m in p.words.get("title_modifiers")),
        legal_tail=re.compile(rf"(?:[\s,]+(?:{alternation(latin_legal)})\.?)+$|(?:\s*(?:{alternation(cjk_legal)}))$",
                              re.IGNORECASE),
        legal_prefix=re.compile(rf"^(?:{alternation(tuple(f for p in cjk for f in p.words.get('firm_prefixes')))})\s*"),
        legal_only=re.compile(rf"(?:(?:{alternation(latin_legal)})\.?[\s,]*)+", re.IGNORECASE),
        legal_after=re.compile(rf"{alternation(cjk_legal)}|,? (?:{alternation(latin_legal)})\.?"
                               rf"(?:,? ?(?:{alternation(latin_legal)})\.?)*(?![a-z0-9])", re.IGNORECASE),
        description=re.compile(rf"^(?:{alternation(desc_mods)}|\s)*(?:{alternation(desc_nouns)})$"
                               rf"|^(?:{alternation(vague)}|\d+|[一二两三四五六七八九十百千]+)\s*(?:{alternation(classifiers)})"),
    )


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7a3" for c in text)


def by_name(name: str) -> str | None:
    """The type the name's own morphology gives, or None when it says nothing."""
    name = name.strip()
    if not name:
        return None
    t = tables()
    if any(c.isascii() and c.isalpha() for c in name) and not _has_cjk(name):
        typ = next((typ for typ, pattern in t.latin_rules if pattern.search(name)), None)
    elif name.startswith(t.firm_prefixes):
        return "FIRM"
    elif normalize(name) in t.bare_gov:
        return "GOV"  # 검찰, 경찰, 法院: the body itself, named by its head
    else:
        found = head(name)
        typ = found[0] if found else None
        if typ == "GOV" and t.firm_unit.search(normalize(name)):
            return "FIRM"  # 链家地产市场研究部, 交通银行深圳分行信用卡部: a department of a firm
    if typ in ("ORG", "UNIVERSITY") and t.university_words.search(name):
        return "UNIVERSITY"
    return typ


def head(name: str) -> tuple[str, int] | None:
    """Korean/Chinese names: the type and length of the longest head ending that is not the whole
    name (…公司 -> FIRM, 2)."""
    t = tables()
    name = normalize(name.strip())
    for n in range(min(t.longest_head, len(name) - 1), 0, -1):
        typ = t.heads.get(name[-n:])
        if typ is not None:
            return typ, n
    return None


def not_person(name: str) -> str | None:
    """FIRM or LOC when a name typed PERSON ends like a firm or a place (삼이실업, 서울역, 北京站,
    Delight Shipping Co.); for a Latin name of two words or more, the type its organisation words
    give (Dongguan Poweramp Technology, Xinjiang Production and Construction Corps)."""
    name = name.strip()
    if " " in name and name.isascii():
        typ = by_name(name)
        if typ in ("FIRM", "GOV", "UNIVERSITY"):
            return typ
    norm = normalize(name)
    for typ, pattern in tables().not_person:
        m = pattern.search(norm)
        if m and m.start() >= 2:
            return typ
    return None


def by_context(before: str, after: str) -> str | None:
    """The type cue words near the name give (``before``/``after``: text around it)."""
    window = f"{before[-CONTEXT_CHARS:]} {after[:CONTEXT_CHARS]}".lower()
    for typ, cues in tables().cues:
        if any(cue in window for cue in cues):
            return typ
    return None


def classify(name: str, before: str = "", after: str = "") -> str:
    """FIRM, UNIVERSITY, GOV or ORG for an organisation name, by morphology then context (not for
    a one-character name: 남(북), 한(미) say nothing of what stands around them)."""
    return by_name(name) or (by_context(before, after) if len(name.strip()) > 1 else None) or "ORG"


def rule_type(name: str, given: str, before: str = "", after: str = "") -> str:
    """The rules' type for an organisation candidate that came typed ``given``: a firm or a
    government body keeps that type unless its name's head says the other, an ORG is typed by
    :func:`classify`, anything else keeps its type."""
    if given in ("FIRM", "GOV"):
        named = by_name(name)
        return named if named in ("FIRM", "GOV") else given
    return classify(name, before, after) if given == "ORG" else given


def is_description(name: str) -> bool:
    """The words describe a kind of party (美国军工企业, 高校, 数十家公司), not one by name."""
    return bool(tables().description.match(normalize(name)))


def is_kind(name: str) -> bool:
    """The name is a head word alone (대학, 研究所, 기업): the kind of a party, not its name."""
    return normalize(name.strip()) in tables().heads


def strip_legal_form(name: str) -> str:
    """``name`` without a trailing legal form (Inc., Co., Ltd., 公司, 股份有限公司, 주식회사) or a
    leading one (㈜, 주식회사)."""
    t = tables()
    out = t.legal_tail.sub("", name).strip(" ,.")
    out = t.legal_prefix.sub("", out)
    return out or name


def is_legal_form(text: str) -> bool:
    """The text is a legal form alone (LLC, Co., Ltd.), cut off its name."""
    return bool(tables().legal_only.fullmatch(text))


def legal_form_after(text: str, pos: int, end: int) -> re.Match[str] | None:
    """A legal form right at ``pos`` that extends a firm's name (海康威视 + 公司, Huawei + Co., Ltd.)."""
    return tables().legal_after.match(text, pos, end)


def titles() -> re.Pattern[str]:
    """Job titles of every pack (董事长, 회장, CEO, Director)."""
    return tables().titles


def before_title_word(text: str) -> str | None:
    """The words before a last word that ends in a title (장 샤오밍 부주임 -> 장 샤오밍, 뤄 후이닝
    홍콩연락사무소장 -> 뤄 후이닝: Korean puts the title after the name), None when the last word
    ends in none or nothing stands before it."""
    head, _, last = text.rpartition(" ")
    if not head.strip() or not any(m.end() == len(last) for m in titles().finditer(last)):
        return None
    return head


def title_only(text: str) -> bool:
    """The text is a title alone, perhaps with a modifier (현 주석, 前总统): no name."""
    t = tables()
    rest = text.strip()
    for modifier in sorted(t.title_modifiers, key=len, reverse=True):
        if rest.startswith(modifier):
            rest = rest[len(modifier):].strip()
            break
    return bool(rest) and bool(t.titles.fullmatch(rest))
