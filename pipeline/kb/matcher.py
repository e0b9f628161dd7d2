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
from .index import EXACT_CASE, INITIAL_CAPITAL
from .normalize import script
from .store import KnowledgeBase


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    entity_id: str
    score: float
    ambiguous: bool = False


class Matcher:
    """Finds KB aliases in text; build once per process (``pipeline.kb.shared_matcher``)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._automaton = kb.automaton      # the KB's alias automaton: key -> row (``pipeline.kb.index``)
        self._rows = kb.rows

    def find(self, text: str, norm: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Non-overlapping matches in ``text[start:end]`` (``norm`` is ``normalize(text)``)."""
        end = len(text) if end is None else end
        candidates: list[tuple[int, int, Any]] = []
        # the window is sliced: pyahocorasick reads the whole string it is given on every call,
        # so passing the document with bounds made each sentence cost the document's length
        for last, n in self._automaton.iter(norm[start:end]):
            alias, ids, case_rule, forms, _ = self._rows[n]
            if not ids:
                continue
            s, e = start + last - len(alias) + 1, start + last + 1
            if _case_ok(text, s, e, case_rule, forms) and boundary_ok(text, s, e, start, end):
                candidates.append((s, e, self._rows[n]))
        taken = bytearray(end - start)
        chosen: list[Match] = []
        for s, e, (_, ids, case_rule, _, _) in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
            if any(taken[s - start:e - start]):
                continue
            taken[s - start:e - start] = b"\x01" * (e - s)
            chosen.append(Match(s, e, ids[0], _score(text[s:e], case_rule, len(ids) > 1), len(ids) > 1))
        chosen.sort(key=lambda m: m.start)
        return chosen


def _case_ok(text: str, s: int, e: int, rule: int, forms: list[str] | None) -> bool:
    if rule == EXACT_CASE:
        return forms is not None and text[s:e] in forms
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
