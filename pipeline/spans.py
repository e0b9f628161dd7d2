"""Span look-ups in time that does not grow with the document: the stages ask "which entities lie
in this sentence / overlap this stretch / lie inside this span" once per sentence, token or
entity, and a scan of all the document's entities for each question made their cost grow with
the square of the document's length (issue 14).

A :class:`SpanIndex` keeps the items sorted by start; since no span is longer than the longest
one indexed, the items that can touch ``[lo, hi)`` start in ``[lo - longest, hi)``, found by
bisection. Results come in the order of the list the index was built from, so a stage that
took the first match of a scan takes the same one.
"""
from __future__ import annotations

import bisect
from typing import Any, Callable, Generic, Iterable, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Items with ``[start, end)`` spans (``span(item)``), queried by position."""

    def __init__(self, items: Iterable[T], span: Callable[[T], tuple[int, int]]) -> None:
        entries = sorted(((*span(item), i, item) for i, item in enumerate(items)), key=lambda x: (x[0], x[2]))
        self._starts = [s for s, _, _, _ in entries]
        self._entries = entries
        self._longest = max((e - s for s, e, _, _ in entries), default=0)

    def _window(self, lo: int, hi: int) -> list[tuple[int, int, int, T]]:
        first = bisect.bisect_left(self._starts, lo - self._longest)
        last = bisect.bisect_left(self._starts, hi)
        return self._entries[first:last]

    @staticmethod
    def _ordered(found: list[tuple[int, int, int, T]]) -> list[T]:
        return [item for _, _, _, item in sorted(found, key=lambda x: x[2])]

    def overlapping(self, lo: int, hi: int) -> list[T]:
        """Items whose span shares a character with ``[lo, hi)``, in list order."""
        return self._ordered([x for x in self._window(lo, hi) if x[1] > lo and x[0] < hi])

    def any_overlapping(self, lo: int, hi: int) -> bool:
        return any(x[1] > lo and x[0] < hi for x in self._window(lo, hi))

    def inside(self, lo: int, hi: int) -> list[T]:
        """Items whose span lies within ``[lo, hi)``, in list order."""
        first = bisect.bisect_left(self._starts, lo)
        last = bisect.bisect_left(self._starts, hi)
        return self._ordered([x for x in self._entries[first:last] if x[1] <= hi])

    def starting_in(self, lo: int, hi: int) -> list[T]:
        """Items whose span starts in ``[lo, hi)``, in list order."""
        first = bisect.bisect_left(self._starts, lo)
        last = bisect.bisect_left(self._starts, hi)
        return self._ordered(self._entries[first:last])

    def any_containing(self, lo: int, hi: int) -> bool:
        """Some item's span contains ``[lo, hi)``."""
        first = bisect.bisect_left(self._starts, hi - self._longest)
        last = bisect.bisect_right(self._starts, lo)
        return any(hi <= x[1] for x in self._entries[first:last])


class GrowingSpanIndex(Generic[T]):
    """A :class:`SpanIndex` over a list that only grows (``doc.entities`` while a stage adds to
    it): :meth:`sync` takes in the items appended since the last call."""

    def __init__(self, items: list[T], span: Callable[[T], tuple[int, int]]) -> None:
        self._items = items
        self._span = span
        self._keys: list[tuple[int, int]] = []          # (start, position in the list), sorted
        self._entries: list[tuple[int, int, T]] = []    # (end, position, item), in the same order
        self._longest = 0
        self.sync()

    def sync(self) -> None:
        for i in range(len(self._keys), len(self._items)):
            item = self._items[i]
            start, end = self._span(item)
            at = bisect.bisect_left(self._keys, (start, i))
            self._keys.insert(at, (start, i))
            self._entries.insert(at, (end, i, item))
            self._longest = max(self._longest, end - start)

    def overlapping(self, lo: int, hi: int) -> list[T]:
        """Items whose span shares a character with ``[lo, hi)``, in list order."""
        self.sync()
        first = bisect.bisect_left(self._keys, (lo - self._longest, -1))
        last = bisect.bisect_left(self._keys, (hi, -1))
        found = [(i, item) for (start, _), (end, i, item) in zip(self._keys[first:last], self._entries[first:last])
                 if end > lo and start < hi]
        return [item for _, item in sorted(found, key=lambda x: x[0])]


def word_bounds(tokens: Iterable[Any]) -> tuple[frozenset[int], frozenset[int]]:
    """The offsets where the tokenizer's words start and those where they end."""
    tokens = list(tokens)
    return frozenset(t.start for t in tokens), frozenset(t.end for t in tokens)
