"""jieba's part-of-speech analysis, with jieba's word-segmentation HMM for unknown words.

jieba.posseg guesses words missing from its dictionary with a joint (BMES x tag) HMM: a pure
Python Viterbi over up to 256 states, which made the analysis 3 to 4 times slower. With
``hmm=True``, :class:`PosAnalyser` finds those words with jieba's plain segmentation HMM
(``jieba.finalseg``, 4 states: the words of ``jieba.cut``) and tags each with the dictionary's
tag, or ``nz`` (other proper noun) when the dictionary lacks it (梁孟松, 华春莹): about the speed
of the analysis without HMM. With ``hmm=False`` it gives ``jieba.posseg``'s own output
(``cut(text, HMM=False)``). Everything else is posseg's: blocks, numbers (``m``), Latin words
(``eng``), spaces and punctuation (``x``). Results are tuples of (word, flag), spaces included.
"""
from __future__ import annotations

import os
import re
from math import log
from typing import Any

#: jieba.posseg's block patterns
_HAN_INTERNAL = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_SKIP_INTERNAL = re.compile("(\r\n|\\s)")
_HAN_DETAIL = re.compile("([\u4E00-\u9FD5]+)")
_SKIP_DETAIL = re.compile("([\\.0-9]+|[a-zA-Z0-9]+)")
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_NUM = frozenset(".0123456789")
#: the flag of a word the segmentation HMM found and the dictionary lacks
NEW_WORD = "nz"


def default_tables() -> tuple[dict[str, int], int, dict[str, str]]:
    """jieba's default dictionary as (prefix frequencies, total, word -> tag), kept in newsfacts'
    cache (:mod:`pipeline.cache`, JSON) under the digest of the dictionary file.

    jieba builds the first two from its own marshal cache and posseg parses the dictionary file
    again for the tags: about 2 s per process; the JSON holds all three and loads in a sixth of
    that.
    """
    import hashlib

    import jieba

    from .cache import cached

    with open(os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME), "rb") as fh:
        token = f"{jieba.__version__}-{hashlib.sha256(fh.read()).hexdigest()[:24]}"

    def build() -> dict[str, Any]:
        import jieba.posseg

        base = jieba.Tokenizer()
        base.check_initialized()
        return {"freq": base.FREQ, "total": base.total, "tags": jieba.posseg.POSTokenizer(base).word_tag_tab}

    data = cached("jieba", token, build)
    return data["freq"], data["total"], data["tags"]


class PosAnalyser:
    """(word, flag) pairs of a text, from ``base`` (a ``jieba.Tokenizer``) and its dictionary's tags."""

    def __init__(self, base: Any, hmm: bool = True, tags: dict[str, str] | None = None) -> None:
        """``tags``: the dictionary's word -> tag table when the caller has it (:func:`default_tables`)."""
        if tags is None:
            import jieba.posseg

            tagger = jieba.posseg.POSTokenizer(base)
            tagger.makesure_userdict_loaded()
            tags = tagger.word_tag_tab
        base.check_initialized()
        self._base = base
        self._tags: dict[str, str] = tags
        self._hmm = hmm

    def __call__(self, text: str) -> tuple[tuple[str, str], ...]:
        out: list[tuple[str, str]] = []
        han = self._han_hmm if self._hmm else self._han_plain
        for n, block in enumerate(_HAN_INTERNAL.split(text)):
            if n % 2:
                han(block, out)
            elif block:
                _other(block, out)
        return tuple(out)

    def _route(self, block: str) -> list[tuple[float, int]]:
        """jieba's ``get_DAG`` + ``calc`` in one: per position, (best log probability, end of its
        word); the same floats and ties, without looking each word up twice."""
        freq, n = self._base.FREQ, len(block)
        logtotal = log(self._base.total)
        dag: list[list[tuple[int, int]]] = []
        for k in range(n):
            ends, i, frag = [], k, block[k]
            while i < n and frag in freq:
                if freq[frag]:
                    ends.append((i, freq[frag]))
                i += 1
                frag = block[k:i + 1]
            dag.append(ends or [(k, freq.get(block[k]) or 1)])
        route = [(0.0, 0)] * (n + 1)
        for k in range(n - 1, -1, -1):
            ends = dag[k]
            if len(ends) == 1:
                i, f = ends[0]
                route[k] = (log(f) - logtotal + route[i + 1][0], i)
            else:
                route[k] = max([(log(f) - logtotal + route[i + 1][0], i) for i, f in ends])
        return route

    def _han_hmm(self, block: str, out: list[tuple[str, str]]) -> None:
        """posseg's ``__cut_DAG``: runs of single characters are one unknown word or several."""
        tags, route = self._tags, self._route(block)
        x, n, run = 0, len(block), ""
        while x < n:
            y = route[x][1] + 1
            if y - x == 1:
                run += block[x]
            else:
                if run:
                    self._run(run, out)
                    run = ""
                word = block[x:y]
                out.append((word, tags.get(word, "x")))
            x = y
        if run:
            self._run(run, out)

    def _run(self, run: str, out: list[tuple[str, str]]) -> None:
        tags = self._tags
        if len(run) == 1:
            out.append((run, tags.get(run, "x")))
        elif self._base.FREQ.get(run):
            out.extend((ch, tags.get(ch, "x")) for ch in run)
        else:
            _unknown(run, tags, out)

    def _han_plain(self, block: str, out: list[tuple[str, str]]) -> None:
        """posseg's ``__cut_DAG_NO_HMM``: runs of single Latin letters and digits are one word."""
        tags, route = self._tags, self._route(block)
        x, n, latin = 0, len(block), ""
        while x < n:
            y = route[x][1] + 1
            word = block[x:y]
            if y - x == 1 and word in _ALNUM:
                latin += word
            else:
                if latin:
                    out.append((latin, "eng"))
                    latin = ""
                out.append((word, tags.get(word, "x")))
            x = y
        if latin:
            out.append((latin, "eng"))


def _unknown(run: str, tags: dict[str, str], out: list[tuple[str, str]]) -> None:
    """A run missing from the dictionary: Han parts through jieba's segmentation HMM."""
    for n, part in enumerate(_HAN_DETAIL.split(run)):
        if n % 2:
            out.extend((w, tags.get(w) or (NEW_WORD if len(w) > 1 else "x")) for w in hmm_words(part))
        else:
            for x in _SKIP_DETAIL.split(part):
                if x:
                    out.append((x, "m" if x[0] in _NUM else "eng" if x[0] in _ALNUM else "x"))


def _other(block: str, out: list[tuple[str, str]]) -> None:
    """Text outside posseg's word blocks: spaces, then one character at a time."""
    for n, x in enumerate(_SKIP_INTERNAL.split(block)):
        if n % 2:
            out.append((x, "x"))
        elif x:
            latin = "eng" if x[0] in _ALNUM else "x"
            out.extend((ch, "m" if ch in _NUM else latin) for ch in x)


#: each state of jieba.finalseg's HMM with its two possible predecessors (its ``PrevStatus``)
_BEFORE = (("B", "E", "S"), ("M", "M", "B"), ("S", "S", "E"), ("E", "B", "M"))
_MIN_FLOAT = -3.14e100


def hmm_words(han: str) -> list[str]:
    """``list(jieba.finalseg.cut(han))`` for Han characters only: the same Viterbi (same sums, same
    ties) with back-pointers instead of a copied path per state and step."""
    from jieba.finalseg import Force_Split_Words, emit_P, start_P, trans_P

    score = {y: start_P[y] + emit_P[y].get(han[0], _MIN_FLOAT) for y in "BMES"}
    back = []
    for ch in han[1:]:
        now, came = {}, {}
        for y, a, b in _BEFORE:
            emit = emit_P[y].get(ch, _MIN_FLOAT)
            pa = score[a] + trans_P[a].get(y, _MIN_FLOAT) + emit
            pb = score[b] + trans_P[b].get(y, _MIN_FLOAT) + emit
            if pa > pb or pa == pb and a > b:
                now[y], came[y] = pa, a
            else:
                now[y], came[y] = pb, b
        score = now
        back.append(came)
    state = "E" if score["E"] > score["S"] else "S"
    states = [state]
    for came in reversed(back):
        state = came[state]
        states.append(state)
    words, begin, nexti = [], 0, 0
    for i, state in enumerate(reversed(states)):
        if state == "B":
            begin = i
        elif state == "E":
            words.append(han[begin:i + 1])
            nexti = i + 1
        elif state == "S":
            words.append(han[i])
            nexti = i + 1
    if nexti < len(han):
        words.append(han[nexti:])
    if Force_Split_Words:
        return [part for w in words for part in ([w] if w not in Force_Split_Words else list(w))]
    return words
