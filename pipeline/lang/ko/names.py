"""Korean particles (josa) and prefixes that may touch a name without being part of it.

A Korean name is followed directly by its particles (하이크비전이, 화웨이의, 베이징항공항천대학과);
the gazetteer accepts a match whose following run of Hangul is a sequence of these, and rejects
one inside a longer word (인텔 in 인텔리전스, 애플 in 애플리케이션).
"""
from __future__ import annotations

from functools import lru_cache

from .. import get

#: Case particles, auxiliary particles, copula forms and nominal suffixes seen after names.
PARTICLES = frozenset(get("ko").words.get("particles"))

_MAX_PARTS = 3
_BY_FIRST: dict[str, tuple[str, ...]] = {}     # the particles by their first syllable
for _p in sorted(PARTICLES):
    _BY_FIRST[_p[0]] = (*_BY_FIRST.get(_p[0], ()), _p)


@lru_cache(maxsize=1 << 16)
def is_particle_tail(tail: str) -> bool:
    """True when ``tail`` (the Hangul right after a name) is empty or up to three particles."""
    if not tail:
        return True

    def split(rest: str, parts: int) -> bool:
        if not rest:
            return True
        if parts == 0:
            return False
        return any(rest.startswith(p) and split(rest[len(p):], parts - 1) for p in _BY_FIRST.get(rest[0], ()))

    return split(tail, _MAX_PARTS)


#: Hangul that may stand right before a name: short country forms (미 상무부, 中 화웨이).
PREFIXES = frozenset(get("ko").words.get("prefixes"))
