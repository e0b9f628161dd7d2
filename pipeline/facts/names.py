"""Party keys: who a report is about, across documents and languages.

A target linked to the knowledge base is its KB id (``nf:hikvision``), the same in every
document. A target known only by a document-level id (``doc:<slug>``) is keyed by its name:

- :func:`fold` normalises a name (traditional -> simplified Chinese, full-width -> ASCII, case,
  punctuation and white space out, legal forms of every language pack off the end:
  ``杭州海康威視數字技術股份有限公司`` -> ``杭州海康威视数字技术``, ``Zhejiang Dahua Co., Ltd.`` ->
  ``zhejiangdahua``);
- :func:`name_keys` adds the toneless pinyin of a Chinese name (``浙江大华`` -> ``zhejiangdahua``),
  so that a Chinese report and an English one that writes the name in pinyin meet;
- :func:`merge_parties` joins the document-level parties of a whole corpus: those that share a
  key, those whose Latin keys are near-identical (rapidfuzz ratio >= :data:`FUZZY_MIN`, same
  first letters and the same numbers, both at least :data:`FUZZY_MIN_LENGTH` long: "CETC 14th
  Institute" and "CETC 41st Institute" stay apart), and those whose key is the alias
  of exactly one KB entity (merged, with the parties joined to them, into that entity). Each
  party says how it was joined: "name", "transliteration", "fuzzy 0.94" or "kb-alias".

Korean names are matched as written (no romanisation): a Korean document-level name meets the
same name in other Korean documents, and other languages through the names in parentheses that
the link stage puts in ``canonical.names``.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, Iterable

#: (fuzzy) Latin keys closer than this (rapidfuzz ``ratio``, 0-100) are one party
FUZZY_MIN = 92.0
FUZZY_MIN_LENGTH = 8
#: a key shorter than this (in characters) is too generic to merge on
MIN_KEY = {"latin": 4, "other": 2}
NAME_PREFIX = "name:"

_NOT_WORD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=1)
def _legal_forms() -> tuple[str, ...]:
    """Legal forms of every language pack, folded, longest first."""
    from ..kb.normalize import key
    from ..lang import packs

    forms = {_NOT_WORD.sub("", key(f)) for p in packs() for f in p.words.get("legal_forms")}
    return tuple(sorted((f for f in forms if f), key=lambda f: (-len(f), f)))


@lru_cache(maxsize=8192)
def fold(name: str) -> str:
    """The comparison form of a name (see the module docstring); "" when nothing is left."""
    from ..kb.normalize import key

    folded = _NOT_WORD.sub("", key(unicodedata.normalize("NFKC", name)))
    if folded in _legal_forms():
        return ""
    stripped = True
    while stripped:
        stripped = False
        for form in _legal_forms():
            if folded.endswith(form) and len(folded) > len(form) + 1:
                folded = folded[: -len(form)]
                stripped = True
                break
    return folded


def _is_latin(key: str) -> bool:
    return key.isascii()


def _long_enough(key: str) -> bool:
    return len(key) >= MIN_KEY["latin" if _is_latin(key) else "other"]


@lru_cache(maxsize=8192)
def _pinyin(key: str) -> str:
    from ..kb.phonetic import pinyin

    return "".join(pinyin(key)).lower()


def name_keys(names: Iterable[str | None]) -> set[str]:
    """The keys of a party's names: each folded, plus the pinyin of the Chinese ones."""
    keys = set()
    for name in names:
        if not name:
            continue
        folded = fold(name)
        if not _long_enough(folded):
            continue
        keys.add(folded)
        if any("\u3400" <= c <= "\u9fff" for c in folded) and not any("\uac00" <= c <= "\ud7a3" for c in folded):
            romanised = _pinyin(folded)
            if _is_latin(romanised) and _long_enough(romanised):
                keys.add(romanised)
    return keys


def party_names(target: dict[str, Any]) -> list[str]:
    """All names a report gives its target: the mention, the canonical name, its names per language."""
    return [n for n in (target.get("text"), target.get("name"), *(target.get("names") or {}).values()) if n]


def is_document_level(target: dict[str, Any]) -> bool:
    """True for a target without a knowledge-base id (a ``doc:`` id, or none)."""
    tid = target.get("id")
    return not tid or tid.startswith("doc:")


def preliminary_key(report: dict[str, Any]) -> str:
    """The party key of a report before the corpus-wide merge of document-level names."""
    target = report["target"]
    if not is_document_level(target):
        return target["id"]
    primary = fold(target.get("name") or target.get("text") or "")
    if _long_enough(primary):
        return NAME_PREFIX + primary
    # a name too short to compare: the party stays one document's
    return f'doc:{report["record"]}#{target.get("id") or target.get("mention")}'


class _Components:
    """Union-find over preliminary keys; each union remembers why."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}
        self.how: dict[str, str] = {}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str, how: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.how.setdefault(rb, how)     # how the attached name group joined the party


def merge_parties(parties: dict[str, set[str]], kb_keys: dict[str, str] | None = None
                  ) -> dict[str, tuple[str, str]]:
    """Preliminary key -> (party key, how it was merged) for the document-level parties.

    ``parties`` maps each ``name:`` preliminary key to all the keys of its names
    (:func:`name_keys`); ``kb_keys`` maps a folded KB alias to the one KB id that has it. A party
    left alone maps to itself with ``how`` "name" (same normalised name in every document).
    The result does not depend on the order of ``parties``.
    """
    names = sorted(k for k in parties if k.startswith(NAME_PREFIX))
    comps = _Components(names)
    owner: dict[str, str] = {}
    for prelim in names:
        for key in sorted(parties[prelim]):
            if key in owner:
                comps.union(owner[key], prelim, _how(key, owner[key], prelim))
            else:
                owner[key] = prelim
    _fuzzy(owner, comps)
    kb_keys = kb_keys or {}
    kb_of: dict[str, str] = {}
    for key, prelim in owner.items():
        if key in kb_keys:
            root = comps.find(prelim)
            kb_of[root] = min(kb_of.get(root, kb_keys[key]), kb_keys[key])
    merged = {}
    for prelim in names:
        root = comps.find(prelim)
        own_alias = any(key in kb_keys for key in parties[prelim])
        how = "kb-alias" if own_alias and root in kb_of else comps.how.get(prelim, "name")
        merged[prelim] = (kb_of.get(root, root), how)
    return merged


def _how(key: str, a: str, b: str) -> str:
    """"transliteration" when a shared Latin key stands for a name written in another script."""
    scripts_differ = not all(_is_latin(p[len(NAME_PREFIX):]) for p in (a, b))
    return "transliteration" if _is_latin(key) and scripts_differ else "name"


def _fuzzy(owner: dict[str, str], comps: _Components) -> None:
    """Join parties whose long Latin keys are near-identical (blocked by their first two letters)."""
    from rapidfuzz import fuzz

    blocks: dict[str, list[str]] = {}
    for key in sorted(owner):
        if _is_latin(key) and len(key) >= FUZZY_MIN_LENGTH:
            blocks.setdefault(key[:2], []).append(key)
    for keys in blocks.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                score = fuzz.ratio(a, b, score_cutoff=FUZZY_MIN)
                if score and _DIGITS.findall(a) == _DIGITS.findall(b):
                    comps.union(owner[a], owner[b], f"fuzzy {score / 100:.2f}")


def kb_alias_keys(kb: Any) -> dict[str, str]:
    """Folded alias -> KB id, for the aliases that exactly one KB entity has."""
    seen: dict[str, set[str]] = {}
    for entity in kb:
        for _, alias in entity.all_aliases():
            for key in name_keys([alias]):
                seen.setdefault(key, set()).add(entity.id)
    return {key: next(iter(ids)) for key, ids in seen.items() if len(ids) == 1}
