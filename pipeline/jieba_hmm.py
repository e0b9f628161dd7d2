"""jieba's part-of-speech tagger with a leaner HMM Viterbi: the same words and tags, faster.

jieba.posseg guesses unknown words with a Viterbi over (BMES, tag) states in pure Python that
scores every pair of previous and next states, although a state has transitions to about 20 of
the 256. :func:`viterbi` scores only the pairs with a transition (the others are ``-inf`` and
never win), in the same order of additions, so that its best paths are jieba's, ties included.
"""
from __future__ import annotations

from functools import cache
from typing import Any, Iterator

MIN_FLOAT = -3.14e100


@cache
def _model() -> tuple[dict, dict, dict, dict, dict, dict]:
    """jieba.posseg's tables, the transitions by target state and each state's successors."""
    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P

    into: dict[Any, dict[Any, float]] = {}
    for y0, targets in trans_P.items():
        for y, p in targets.items():
            into.setdefault(y, {})[y0] = p
    successors = {y0: frozenset(targets) for y0, targets in trans_P.items()}
    return char_state_tab_P, start_P, trans_P, emit_P, into, successors


def viterbi(obs: str) -> tuple[float, list]:
    """jieba.posseg.viterbi.viterbi(obs, char_state_tab_P, start_P, trans_P, emit_P), same result."""
    states, start_p, trans_p, emit_p, into, successors = _model()
    all_states = trans_p.keys()
    first = obs[0]
    prev = {y: start_p[y] + emit_p[y].get(first, MIN_FLOAT) for y in states.get(first, all_states)}
    paths = [dict.fromkeys(prev, "")]
    for o in obs[1:]:
        live = [x for x in prev if trans_p[x]]
        expected = set().union(*(successors[x] for x in live))
        next_states = set(states.get(o, all_states)) & expected
        if not next_states:
            next_states = expected if expected else all_states
        cur, path = {}, {}
        for y in next_states:
            e = emit_p[y].get(o, MIN_FLOAT)
            sources = into.get(y, {})
            candidates = prev.keys() & sources.keys()
            if len(candidates) == 1:
                (state,) = candidates
                prob = prev[state] + sources[state] + e
            elif candidates:
                prob, state = max([(prev[y0] + sources[y0] + e, y0) for y0 in candidates])
            else:   # no transition into y: jieba's expression as it is
                prob, state = max((prev[y0] + trans_p[y0].get(y, float("-inf")) + e, y0) for y0 in live)
            cur[y] = prob
            path[y] = state
        prev = cur
        paths.append(path)
    prob, state = max((v, y) for y, v in prev.items())
    route = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = paths[i][state]
    return prob, route


def pos_tokenizer(base: Any = None) -> Any:
    """A ``jieba.posseg.POSTokenizer`` (over ``base``, a ``jieba.Tokenizer``) using :func:`viterbi`."""
    import jieba
    import jieba.posseg

    class LeanPOSTokenizer(jieba.posseg.POSTokenizer):
        def _POSTokenizer__cut(self, sentence: str) -> Iterator[Any]:
            # jieba.posseg.POSTokenizer.__cut (MIT licence), with the Viterbi above
            _, pos_list = viterbi(sentence)
            begin, nexti = 0, 0
            for i, char in enumerate(sentence):
                pos = pos_list[i][0]
                if pos == "B":
                    begin = i
                elif pos == "E":
                    yield jieba.posseg.pair(sentence[begin:i + 1], pos_list[i][1])
                    nexti = i + 1
                elif pos == "S":
                    yield jieba.posseg.pair(char, pos_list[i][1])
                    nexti = i + 1
            if nexti < len(sentence):
                yield jieba.posseg.pair(sentence[nexti:], pos_list[nexti][1])

    return LeanPOSTokenizer(base if base is not None else jieba.Tokenizer())
