"""Sentence boundaries (offsets only, text untouched): a language-neutral splitter that applies the
boundary rules every language pack declares in its ``words.toml`` (``[sentences]``).

A pack may say where its sentences end besides a period, ! or ? before a space (``ends``: 。！？,
the Korean 다.), after which words a period does not end one (``abbreviations``: Mr, Inc, U.S.),
and which period between what comes ``before`` and ``after`` it ends nothing (``no_break``: the
last dot of the Korean date "2021. 3. 5."). The text is mixed (a Korean article quotes English),
so the rules of all packs apply to every text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from .lang.rules import trim

_PERIOD = re.compile(r"[.!?]+[”’\"')\]]*(?=\s+|$)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
#: how far before a period a ``no_break`` rule's ``before`` may reach
_REACH = 24


@dataclass(frozen=True)
class BoundaryRules:
    """The sentence boundary rules of a set of language packs, joined."""

    ends: re.Pattern[str] | None
    abbreviations: frozenset[str]
    no_break: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]

    @classmethod
    def of(cls, packs: Iterable[Any]) -> "BoundaryRules":
        """The rules of ``packs`` (each with ``words``, as :class:`pipeline.lang.pack.LanguagePack`)."""
        ends: list[str] = []
        abbreviations: set[str] = set()
        no_break = []
        for pack in packs:
            ends += pack.words.get("sentences.ends")
            abbreviations.update(w.lower() for w in pack.words.get("sentences.abbreviations"))
            no_break += [(re.compile(r["before"]), re.compile(r.get("after", "")))
                         for r in pack.words.value("sentences.no_break", [])]
        return cls(re.compile("|".join(f"(?:{e})" for e in ends)) if ends else None,
                   frozenset(abbreviations), tuple(no_break))


def registered() -> BoundaryRules:
    """The rules of every registered language pack."""
    from . import lang
    return BoundaryRules.of(lang.packs())


def split_sentences(text: str, start: int = 0, end: int | None = None, max_chars: int = 2000,
                    rules: BoundaryRules | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of the sentences in ``text[start:end]``, whitespace trimmed, by ``rules``
    (those of every registered language pack when None)."""
    end = len(text) if end is None else end
    rules = rules or registered()
    pos = start
    for line_end in _line_ends(text, start, end):
        yield from _split_line(text, pos, line_end, max_chars, rules)
        pos = line_end + 1


def _line_ends(text: str, start: int, end: int) -> Iterator[int]:
    pos = start
    while True:
        nl = text.find("\n", pos, end)
        if nl < 0:
            yield end
            return
        yield nl
        pos = nl + 1


def _split_line(text: str, start: int, end: int, max_chars: int,
                rules: BoundaryRules) -> Iterator[tuple[int, int]]:
    ends = {m.end() for m in rules.ends.finditer(text, start, end)} if rules.ends else set()
    cuts = sorted(ends | {m.end() for m in _PERIOD.finditer(text, start, end)
                          if _is_boundary(text, m.start(), m.end(), end, rules)})
    pos = start
    for cut in [*cuts, end]:
        for s, e in _cap(text, pos, cut, max_chars):
            span = _trim(text, s, e)
            if span:
                yield span
        pos = cut


def _is_boundary(text: str, dot: int, after: int, end: int, rules: BoundaryRules) -> bool:
    if text[dot] != ".":
        return True
    nxt = after
    while nxt < end and text[nxt].isspace():
        nxt += 1
    if nxt < end and (text[nxt].isdigit() and dot > 0 and text[dot - 1].isdigit()):
        return False  # "2021. 3. 5." is a date, not three sentences
    for before, following in rules.no_break:
        if before.search(text, max(0, dot - _REACH), dot) and following.match(text, nxt, end):
            return False
    if nxt < end and text[nxt].islower():
        return False
    word = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if word:
        w = word.group(1).lower()
        if w in rules.abbreviations or _INITIALS.fullmatch(text[word.start():dot + 1]):
            return False
    return True


def _cap(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """Cut a run longer than ``max_chars`` at its last space, or hard at the limit."""
    while end - start > max_chars:
        cut = text.rfind(" ", start + max_chars // 2, start + max_chars)
        cut = cut + 1 if cut > 0 else start + max_chars
        yield start, cut
        start = cut
    yield start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    start, end = trim(text, start, end)
    return (start, end) if start < end else None
