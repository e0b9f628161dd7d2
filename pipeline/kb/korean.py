"""Korean particles (josa) and prefixes that may touch a name without being part of it.

A Korean name is followed directly by its particles (하이크비전이, 화웨이의, 베이징항공항천대학과);
the gazetteer accepts a match whose following run of Hangul is a sequence of these, and rejects
one inside a longer word (인텔 in 인텔리전스, 애플 in 애플리케이션).
"""
from __future__ import annotations

from functools import lru_cache

#: Case particles, auxiliary particles, copula forms and nominal suffixes seen after names.
PARTICLES = frozenset("""
이 가 은 는 을 를 의 에 에서 에게 에게서 께 께서 한테 와 과 도 로 으로 만 까지 부터 보다 처럼 같이
이나 나 이랑 랑 하고 조차 마저 뿐 밖에 마다 씩 이든 든 이라도 라도 야 이야
이다 다 이며 며 이고 고 였다 이었다 였고 이었고 였던 이었던 인 인데 이라는 라는 이라고 라고 이란 란
에서는 에서도 에는 에도 에선 엔 으로는 로는 으로도 로도 으로서 로서 으로써 로써 으로부터 로부터
과의 와의 에의 에서의 으로의 로의 과는 와는 과도 와도
측 측은 측이 측의 측에 측과 측도 측을 측에서 사 사는 사의 사가 사와 들 등 등이 등은 등을 등의 등과 등에
""".split())

_MAX_PARTS = 3


@lru_cache(maxsize=4096)
def is_particle_tail(tail: str) -> bool:
    """True when ``tail`` (the Hangul right after a name) is empty or up to three particles."""
    if not tail:
        return True

    def split(rest: str, parts: int) -> bool:
        if not rest:
            return True
        if parts == 0:
            return False
        return any(rest.startswith(p) and split(rest[len(p):], parts - 1)
                   for p in PARTICLES if len(p) <= len(rest))

    return split(tail, _MAX_PARTS)


#: Hangul that may stand right before a name: short country forms (미 상무부, 中 화웨이).
PREFIXES = frozenset("미 중 한 일 북 러 영 독 불 대만 미국 중국 한국 일본 홍콩 유럽 러시아 美 中 韓 日".split())
