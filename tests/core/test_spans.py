"""pipeline.spans answers as a scan of the whole list would, in the list's order."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.spans import GrowingSpanIndex, SpanIndex

SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15)).map(lambda t: (t[0], t[0] + t[1])),
                 max_size=40)
QUERY = st.tuples(st.integers(-5, 80), st.integers(0, 20)).map(lambda t: (t[0], t[0] + t[1]))


def _pair(span):
    return span


@settings(max_examples=300, deadline=None)
@given(SPANS, QUERY)
def test_span_index_equals_a_scan(spans, query):
    lo, hi = query
    items = list(enumerate(spans))                  # (list position, span): duplicates stay apart
    index = SpanIndex(items, lambda it: it[1])
    assert index.overlapping(lo, hi) == [it for it in items if it[1][1] > lo and it[1][0] < hi]
    assert index.any_overlapping(lo, hi) == any(s < hi and e > lo for s, e in spans)
    assert index.inside(lo, hi) == [it for it in items if lo <= it[1][0] and it[1][1] <= hi]
    assert index.starting_in(lo, hi) == [it for it in items if lo <= it[1][0] < hi]
    assert index.any_containing(lo, hi) == any(s <= lo and hi <= e for s, e in spans)


@settings(max_examples=200, deadline=None)
@given(SPANS, SPANS, QUERY)
def test_growing_index_sees_what_is_appended(first, later, query):
    lo, hi = query
    items = list(first)
    index = GrowingSpanIndex(items, _pair)
    items.extend(later)                             # appended after the index was built
    assert index.overlapping(lo, hi) == [sp for sp in items if sp[1] > lo and sp[0] < hi]
