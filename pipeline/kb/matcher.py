"""One Aho-Corasick automaton over every alias of the knowledge base.

``Matcher.find`` makes a single pass over a normalised span of text (see ``normalize``) and
keeps the matches that respect the boundaries of their script:

* Latin: not inside a longer word (``Hikvision`` does not match in ``Hikvisionary``). Matching
  ignores case, except that an alias with an initial capital needs one in the text (``Apple``
  does not match ``apple``) and a short abbreviation (``HIT``, ``BIS``, ``SMIC``: at most six
  characters, two or more capitals) needs its exact case.
* Hangul: the Hangul right after the name must be particles (하이크비전이, 화웨이의); the Hangul
  right before it must be a short country prefix (미 상무부 → 미상무부) or nothing.
* Han: no word boundaries in Chinese; among overlapping matches the longest wins everywhere.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..lang.ko.names import PREFIXES, is_particle_tail
from .normalize import key, script
from .store import KnowledgeBase

ANY_CASE, INITIAL_CAPITAL, EXACT_CASE = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    entity_id: str
    score: float
    ambiguous: bool = False


class Matcher:
    """Finds KB aliases in text; build once per process (``pipeline.kb.shared_matcher``)."""

    def __init__(self, kb: KnowledgeBase, min_chars: int = 2) -> None:
        import ahocorasick

        surfaces: dict[str, list[str]] = {}
        for entity in kb:
            for _, alias in entity.all_aliases():
                k = key(alias)
                if len(k) >= min_chars:
                    surfaces.setdefault(k, []).append(alias.strip())
        self._automaton = ahocorasick.Automaton()
        keys = kb.alias_keys()
        for k, forms in surfaces.items():
            self._automaton.add_word(k, (len(k), tuple(keys[k]), _case_rule(forms), frozenset(forms)))
        self._automaton.make_automaton()

    def find(self, text: str, norm: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Non-overlapping matches in ``text[start:end]`` (``norm`` is ``normalize(text)``)."""
        end = len(text) if end is None else end
        candidates: list[tuple[int, int, Any]] = []
        # the window is sliced: pyahocorasick reads the whole string it is given on every call,
        # so passing the document with bounds made each sentence cost the document's length
        for last, value in self._automaton.iter(norm[start:end]):
            length, ids, case_rule, forms = value
            s, e = start + last - length + 1, start + last + 1
            if _case_ok(text, s, e, case_rule, forms) and boundary_ok(text, s, e, start, end):
                candidates.append((s, e, value))
        taken = bytearray(end - start)
        chosen: list[Match] = []
        for s, e, (length, ids, case_rule, _) in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
            if any(taken[s - start:e - start]):
                continue
            taken[s - start:e - start] = b"\x01" * (e - s)
            chosen.append(Match(s, e, ids[0], _score(text[s:e], case_rule, len(ids) > 1), len(ids) > 1))
        chosen.sort(key=lambda m: m.start)
        return chosen


def _case_rule(forms: list[str]) -> int:
    """How strictly the case of the text must follow the alias (Latin aliases only)."""
    if not all(_is_latin_word(f) for f in forms):
        return ANY_CASE
    if all(len(f) <= 6 and sum(c.isupper() for c in f) >= 2 for f in forms):
        return EXACT_CASE
    if all(f[0].isupper() for f in forms):
        return INITIAL_CAPITAL
    return ANY_CASE


def _is_latin_word(text: str) -> bool:
    return any(c.isalpha() for c in text) and all(script(c) in ("latin", "other") for c in text)


def _case_ok(text: str, s: int, e: int, rule: int, forms: frozenset[str]) -> bool:
    if rule == EXACT_CASE:
        return text[s:e] in forms
    if rule == INITIAL_CAPITAL:
        return text[s].isupper()
    return True


def boundary_ok(text: str, s: int, e: int, lo: int, hi: int) -> bool:
    """Whether a name at ``text[s:e]`` (inside ``text[lo:hi]``) respects its script's boundaries."""
    first, last = script(text[s]), script(text[e - 1])
    before = script(text[s - 1]) if s > lo else "other"
    after = script(text[e]) if e < hi else "other"
    if first == "latin" and before == "latin":
        return False
    if last == "latin" and after == "latin":
        return False
    if after == "hangul":  # 하이크비전이, SMIC의: particles only, not 인텔리전스 or LG유플러스
        j = e
        while j < hi and script(text[j]) == "hangul":
            j += 1
        if not is_particle_tail(text[e:j]):
            return False
    if before == "hangul":  # 미상무부: a short country prefix only
        i = s
        while i > lo and script(text[i - 1]) == "hangul":
            i -= 1
        if text[i:s] not in PREFIXES:
            return False
    return True


def _score(surface: str, case_rule: int, ambiguous: bool) -> float:
    """Confidence of a match: short names and abbreviations are more often something else."""
    if case_rule == EXACT_CASE or len(surface) <= 2:
        score = 0.8
    elif len(surface) <= 3 and not surface.isascii():
        score = 0.9
    else:
        score = 0.95
    return round(score * (0.8 if ambiguous else 1.0), 3)
