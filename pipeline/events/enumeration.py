"""Enumerations of parties: coordinated names in a sentence and item lists under a heading.

News names the targets of a listing in chains ("A, B and C", "A와 B 등 28곳", "A、B等企业",
"including A and B", "CATL·텐센트") or in a numbered or bulleted list after a heading that ends
with a colon or says "as follows" ("具体名单如下：", "명단은 다음과 같다", "include:"). The parser
is language-neutral: what separates items (punctuation, conjunctions, "including") and what
announces a list are the language packs' word lists (``enumeration`` tables in ``words.toml``).

- :func:`groups` joins the name entities of a stretch of text that only separators, bracketed
  aliases and short descriptions stand between (``Group``): a description ends at a space, or is
  Han characters (、前新疆政法委书记 before a name);
- :func:`block` finds the item lines that follow a heading (a ``Block`` of line spans);
- :func:`item_spans` cuts an item line or a coordinated stretch into the spans of its items, for
  names that no earlier stage found.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lang
from ..entities.typer import NAME_TYPES
from ..lang.pack import alternation
from ..types import Document, Entity

#: most characters between two items of one chain (a separator plus a short description)
MAX_GAP = 30
_BRACKET = re.compile(r"\s*[(（][^()（）]{1,80}[)）]")


@dataclass(frozen=True)
class Group:
    """Coordinated name entities, in text order."""

    members: tuple[Entity, ...]

    @property
    def start(self) -> int:
        return self.members[0].start

    @property
    def end(self) -> int:
        return self.members[-1].end


@dataclass(frozen=True)
class Block:
    """Item lines under a heading: (start, end) of each line, in text order."""

    lines: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.lines[0][0]

    @property
    def end(self) -> int:
        return self.lines[-1][1]


@dataclass(frozen=True)
class _Patterns:
    separator: re.Pattern[str]      # the whole gap between two items
    item_mark: re.Pattern[str]      # a number or bullet that opens an item line
    heading_end: re.Pattern[str]    # the end of a line that announces a list
    split: re.Pattern[str]          # where an enumeration's text is cut into items


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    packs = lang.packs()
    words = {key: [w for p in packs for w in p.words.get(f"enumeration.{key}")]
             for key in ("separators", "conjunctions", "including", "closers", "heading_ends")}
    latin = [w for w in words["conjunctions"] + words["including"] if w.isascii()]
    other = [w for w in words["conjunctions"] + words["including"] if not w.isascii()]
    joiner = rf"(?:[{re.escape(''.join(words['separators']))}]|\b(?:{alternation(latin)})\b|{alternation(other)})"
    closer = alternation(words["closers"])
    return _Patterns(
        separator=re.compile(rf"(?:\s*(?:{closer})?\s*{joiner}\s*)+(?:[^\n。.!?;；:：]{{0,{MAX_GAP}}}?\s"
                             rf"|[\u4e00-\u9fff]{{1,{MAX_GAP // 2}}})??"),
        item_mark=re.compile(r"\s*(?:[(（]?\d{1,3}[.)）、．]|[(（][一二三四五六七八九十百]+[)）]|[一二三四五六七八九十]+、"
                             r"|[-–—•·▲△○●■□◆◇*]|[a-z][.)])\s*"),
        heading_end=re.compile(rf"(?:{alternation(words['heading_ends'])})\s*$", re.IGNORECASE),
        split=re.compile(rf"\s*(?:[;；]|{joiner})\s*"),
    )


def _gap_joins(text: str, a: Entity, b: Entity) -> bool:
    gap_start = a.end
    bracket = _BRACKET.match(text, gap_start, b.start)
    if bracket:                                  # 화웨이(華爲), 오텔 로보틱스(Autel Robotics),
        gap_start = bracket.end()
    gap = text[gap_start:b.start]
    if len(gap) > MAX_GAP + 8 or "\n" in gap.strip(" \t"):
        return False
    return bool(patterns().separator.fullmatch(gap))


def groups(doc: Document, entities: list[Entity], start: int, end: int) -> list[Group]:
    """Chains of name entities in ``doc.text[start:end]`` joined by separators (one-member chains
    left out). Entities inside a bracket after another entity (its alias) stay with that entity."""
    names = sorted((e for e in entities if e.type in NAME_TYPES and start <= e.start and e.end <= end),
                   key=lambda e: e.start)
    out: list[Group] = []
    chain: list[Entity] = []
    for e in names:
        if chain and e.start < chain[-1].end:
            continue
        if chain and (alias := _BRACKET.match(doc.text, chain[-1].end)) and alias.end() >= e.end:
            continue                              # an alias in brackets: same item
        if chain and _gap_joins(doc.text, chain[-1], e):
            chain.append(e)
            continue
        if len(chain) > 1:
            out.append(Group(tuple(chain)))
        chain = [e]
    if len(chain) > 1:
        out.append(Group(tuple(chain)))
    return out


def is_heading(doc: Document, start: int, end: int) -> bool:
    """The line ending at ``end`` announces a list (ends with a colon, 如下, 다음과 같다, include)."""
    line_end = doc.text.find("\n", end)
    line_end = len(doc.text) if line_end < 0 else line_end
    return bool(patterns().heading_end.search(doc.text[start:line_end].rstrip()))


def block(doc: Document, after: int, max_lines: int = 60) -> Block | None:
    """The item lines right after offset ``after`` (the end of a heading): lines that open with
    an item mark, or, when none does, short lines without a full stop (a list of names one per
    line); blank lines between items are skipped, and so is a line without a mark (a photo
    caption) between two numbered items that follow each other (一、… caption 二、…). None when
    no item line follows."""
    text = doc.text
    spans = _lines(text, after)
    lines: list[tuple[int, int]] = []
    marked: bool | None = None
    k = 0
    while k < len(spans) and len(lines) < max_lines:
        start, end = spans[k]
        line = text[start:end]
        has_mark = _marked(line)
        if marked is None:
            marked = has_mark
        if marked and not has_mark:
            if not (lines and k + 1 < len(spans) and _follows(text[lines[-1][0]:lines[-1][1]],
                                                            text[slice(*spans[k + 1])])):
                break
            k += 1                                  # a caption between item 一 and item 二
            continue
        if not marked and (len(line.strip()) > 80 or re.search(r"[.。!?！？]\s*$", line)):
            if not lines and _names_paragraph(doc, start, end):
                lines.append((start, end))      # the heading's list written as one paragraph
            break
        lines.append((start, end))
        k += 1
    return Block(tuple(lines)) if lines else None


#: most of a paragraph that a chain of names must cover to stand for a list of items
PARAGRAPH_COVER = 0.5


def _names_paragraph(doc: Document, start: int, end: int) -> bool:
    """The paragraph is a chain of three names or more that covers most of it (“议员A(…)、B(…),
    学者C(…)…”): a list written as running text."""
    chains = groups(doc, doc.entities, start, end)
    best = max(chains, key=lambda g: g.end - g.start, default=None)
    return best is not None and len(best.members) >= 3 and (best.end - best.start) >= PARAGRAPH_COVER * (end - start)


def _lines(text: str, after: int) -> list[tuple[int, int]]:
    """(start, end) of the non-blank lines after the line that holds ``after``."""
    out = []
    pos = text.find("\n", after)
    while pos >= 0:
        start = pos + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            out.append((start, end))
        pos = end if end < len(text) else -1
    return out


def _marked(line: str) -> bool:
    return bool(patterns().item_mark.match(line)) and bool(re.search(r"\w", line[2:]))


_NUMERALS = "一二三四五六七八九十"
_NUMBER = re.compile(rf"\s*[(（]?(\d{{1,3}}|[{_NUMERALS}])[.)）、．]?")


def _follows(previous: str, line: str) -> bool:
    """``line`` is the numbered item right after the numbered item ``previous`` (1. then 2., 一、 then 二、)."""
    a, b = _NUMBER.match(previous), _NUMBER.match(line)
    if a is None or b is None or not _marked(line):
        return False
    value = lambda m: int(m[1]) if m[1].isdigit() else _NUMERALS.index(m[1]) + 1
    return value(b) == value(a) + 1


def item_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of ``text[start:end]``: an item mark removed, cut at separators, trimmed."""
    m = patterns().item_mark.match(text, start, end)
    pos = m.end() if m else start
    out = []
    for piece in patterns().split.split(text[pos:end]):
        if not piece.strip():
            continue
        s = text.find(piece, pos, end)
        e = s + len(piece)
        pos = e
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1] in " \t.,;，。；":
            e -= 1
        if e > s:
            out.append((s, e))
    return out
