"""Word and morpheme tokenizers per language, each returning tokens with offsets into the text.

Korean: MeCab-ko (python-mecab-ko), Kiwi, or KoNLPy's analysers; Chinese: a jieba ``Tokenizer``
instance (never the global one); English: spaCy's rule-based tokenizer; anything else: a regex.
"""
from __future__ import annotations

import os
import re
import sys
from typing import Any, Callable, Protocol

from .types import Token

KOREAN_BACKENDS = ("mecab", "kiwi", "okt", "komoran", "hannanum", "kkma")


class Tokenizer(Protocol):
    def __call__(self, text: str, offset: int = 0) -> list[Token]: ...


class Memo:
    """An analyser's latest results by text (oldest dropped first).

    The tokenize stage and the NER featurizer analyse the same sentences with the same analyser;
    one memo per pipeline (:meth:`pipeline.stages.base.Shared.analysis`) makes them pay once.
    The analysers are pure functions of the text: a hit gives what a fresh analysis would.
    """

    def __init__(self, analyse: Callable[[str], Any], size: int = 1024) -> None:
        self._analyse = analyse
        self._size = size
        self._results: dict[str, Any] = {}

    def __call__(self, text: str) -> Any:
        result = self._results.get(text)
        if result is None:
            if len(self._results) >= self._size:
                del self._results[next(iter(self._results))]
            result = self._results[text] = self._analyse(text)
        return result

    def clear(self) -> None:
        self._results.clear()


def mecab_analysis() -> Memo:
    """MeCab-ko (default dictionary): text -> tuple of (start, end, pos, semantic class or "")."""
    import mecab
    from mecab.utils import create_lattice

    tagger = mecab.MeCab()

    def analyse(text: str) -> tuple[tuple[int, int, str, str], ...]:
        # MeCab.parse's own steps, without building a named tuple per morpheme (half its time)
        lattice = create_lattice(text)
        if not tagger._tagger.parse(lattice):
            raise mecab.MeCabError(tagger._tagger.what())
        out = []
        for (start, end), node in lattice:
            pos, sem, _ = node.feature.split(",", 2)       # pos,semantic,jongseong,...
            out.append((start, end, pos, "" if sem == "*" else sem))
        return tuple(out)

    return Memo(analyse)


def kiwi_analysis() -> Memo:
    """Kiwi (default model, no threads): text -> tuple of (start, length, tag, form)."""
    from kiwipiepy import Kiwi

    kiwi = Kiwi(num_workers=0)
    return Memo(lambda text: tuple((t.start, t.len, t.tag, t.form) for t in kiwi.tokenize(text)))


def jieba_analysis(hmm: bool = True) -> Memo:
    """jieba with POS tags and its default dictionary: text -> tuple of (word, flag), spaces included
    (:class:`pipeline.jieba_hmm.PosAnalyser`)."""
    import logging

    import jieba

    from .jieba_hmm import PosAnalyser, default_tables

    jieba.setLogLevel(logging.WARNING)
    freq, total, tags = default_tables()
    base = jieba.Tokenizer()
    base.FREQ, base.total, base.initialized = freq, total, True    # what check_initialized loads
    return Memo(PosAnalyser(base, hmm, tags))


#: the analysers that stages share, by name
ANALYSERS: dict[str, Callable[[], Memo]] = {
    "mecab": mecab_analysis,
    "kiwi": kiwi_analysis,
    "jieba": lambda: jieba_analysis(True),
    "jieba-nohmm": lambda: jieba_analysis(False),
}

#: a source of analysers by name (a key of :data:`ANALYSERS`): :func:`fresh`, or a pipeline's
#: :meth:`pipeline.stages.base.Shared.analysis`, which gives its stages the same one
Analyses = Callable[[str], Memo]


def fresh(name: str) -> Memo:
    """A new analyser ``name``, shared with no one (training, scripts, a tokenizer on its own)."""
    return ANALYSERS[name]()


_FALLBACK = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def regex_tokenizer() -> Tokenizer:
    """Words and single punctuation marks; for languages without an analyser."""

    def tokenize(text: str, offset: int = 0) -> list[Token]:
        return [Token(m.start() + offset, m.end() + offset, m.group()) for m in _FALLBACK.finditer(text)]

    return tokenize


def english_tokenizer() -> Tokenizer:
    """spaCy's English tokenizer (rules only: no model is loaded; spaCy imported by
    :func:`import_spacy`)."""
    import_spacy()
    from spacy.lang.en import English

    nlp = English()

    def tokenize(text: str, offset: int = 0) -> list[Token]:
        return [Token(t.idx + offset, t.idx + offset + len(t.text), t.text)
                for t in nlp.make_doc(text) if not t.is_space]

    return tokenize


def import_spacy() -> None:
    """Import spaCy without letting thinc import PyTorch, when neither is loaded yet.

    thinc (spaCy's machine-learning layer) imports torch, when it is installed, only to offer
    GPU shims; newsfacts uses spaCy's tokenizer and numpy models, so in a process that has not
    loaded torch the import is skipped: 1.2 s and about 200 MB less per worker. torch itself
    stays importable afterwards (the transformers NER backend imports it directly); only
    thinc's torch wrappers are off in such a process (set NEWSFACTS_SPACY_TORCH=1 to keep them).
    """
    if "spacy" in sys.modules or "torch" in sys.modules or os.environ.get("NEWSFACTS_SPACY_TORCH"):
        return
    sys.modules["torch"] = None  # type: ignore[assignment]   # thinc: "import torch" fails
    try:
        import spacy  # noqa: F401
    finally:
        del sys.modules["torch"]


def chinese_tokenizer(user_dict: str = "", words: list[str] | None = None, hmm: bool = True,
                      analyses: Analyses | None = None) -> Tokenizer:
    """jieba with part-of-speech tags, from its own ``Tokenizer`` instance.

    ``hmm``: words missing from jieba's dictionary are found by its segmentation HMM and tagged
    ``nz`` (:mod:`pipeline.jieba_hmm`; the analysis the Chinese NER model is trained on), else
    they come out one character at a time. ``analyses``: take the analyser from there (shared
    with the NER featurizer) when the dictionary is the default one.
    """
    if analyses and not user_dict and not words:
        return _word_tokenizer(analyses("jieba" if hmm else "jieba-nohmm"))
    import logging

    import jieba

    from .jieba_hmm import PosAnalyser

    jieba.setLogLevel(logging.WARNING)
    base = jieba.Tokenizer()
    if user_dict:
        base.load_userdict(user_dict)
    for word in words or []:
        base.add_word(word)
    return _word_tokenizer(PosAnalyser(base, hmm))


def _word_tokenizer(analyse: Callable[[str], Any]) -> Tokenizer:
    """Tokens from an analysis that cuts the whole text into (word, flag) pairs, spaces included.
    jieba's dictionary is simplified Chinese: it reads the text with traditional characters as
    simplified (``simplified``: same length, same offsets, as the Chinese NER model does), and
    the tokens keep the text's own characters."""
    from .kb.normalize import simplified

    def tokenize(text: str, offset: int = 0) -> list[Token]:
        tokens, pos = [], 0
        for word, flag in analyse(simplified(text)):
            start, pos = pos, pos + len(word)
            if not word.isspace():
                tokens.append(Token(start + offset, pos + offset, text[start:pos], flag))
        return tokens

    return tokenize


def korean_tokenizer(backend: str = "mecab", analyses: Analyses | None = None) -> Tokenizer:
    """A Korean morphological analyser; morphemes carry the surface span they come from.

    ``analyses``: MeCab and Kiwi come from there (shared with the NER featurizer).
    """
    factories: dict[str, Callable[[], Tokenizer]] = {
        "mecab": lambda: _mecab(analyses), "kiwi": lambda: _kiwi(analyses),
        "okt": lambda: _konlpy("Okt"), "komoran": lambda: _konlpy("Komoran"),
        "hannanum": lambda: _konlpy("Hannanum"), "kkma": lambda: _konlpy("Kkma"),
    }
    if backend not in factories:
        raise ValueError(f"unknown Korean backend {backend!r} (choose from {', '.join(KOREAN_BACKENDS)})")
    return factories[backend]()


def _mecab(analyses: Analyses | None = None) -> Tokenizer:
    if analyses:
        analysis = analyses("mecab")

        def tokenize_shared(text: str, offset: int = 0) -> list[Token]:
            return [Token(s + offset, e + offset, text[s:e], pos) for s, e, pos, _ in analysis(text)]

        return tokenize_shared
    import mecab

    tagger = mecab.MeCab()

    def tokenize(text: str, offset: int = 0) -> list[Token]:
        out = []
        for m in tagger.parse(text):
            start, end = m.span.start + offset, m.span.end + offset
            out.append(Token(start, end, text[m.span.start:m.span.end], m.feature.pos))
        return out

    return tokenize


def _kiwi(analyses: Analyses | None = None) -> Tokenizer:
    if analyses:
        analysis = analyses("kiwi")

        def tokenize_shared(text: str, offset: int = 0) -> list[Token]:
            out = []
            for start, length, tag, form in analysis(text):
                surface = text[start:start + length]
                out.append(Token(start + offset, start + length + offset, surface, tag.split("-")[0],
                                 form if form != surface else None))
            return out

        return tokenize_shared
    from kiwipiepy import Kiwi

    kiwi = Kiwi(num_workers=0)

    def tokenize(text: str, offset: int = 0) -> list[Token]:
        out = []
        for t in kiwi.tokenize(text):
            surface = text[t.start:t.start + t.len]
            out.append(Token(t.start + offset, t.start + t.len + offset, surface, t.tag.split("-")[0],
                             t.form if t.form != surface else None))
        return out

    return tokenize


def _konlpy(name: str) -> Tokenizer:
    from konlpy import tag

    analyser = getattr(tag, name)()

    def tokenize(text: str, offset: int = 0) -> list[Token]:
        return align(text, analyser.pos(text), offset)

    return tokenize


def align(text: str, morphemes: list[tuple[str, str]], offset: int = 0) -> list[Token]:
    """Give offsets to analyser output that has none (KoNLPy).

    A morpheme found verbatim after the cursor gets its own span; one that was changed by the
    analyser (했 → 하 + 았) shares the surface span of the text it came from.
    """
    tokens: list[Token] = []
    cursor = 0
    for form, pos in morphemes:
        found = text.find(form, cursor, cursor + len(form) + 8) if form else -1
        if found >= 0 and text[cursor:found].strip() == "":
            cursor = found + len(form)
            tokens.append(Token(found + offset, cursor + offset, form, pos))
            continue
        # changed form: cover the next surface character (or reuse the previous span)
        while cursor < len(text) and text[cursor].isspace():
            cursor += 1
        if cursor < len(text):
            tokens.append(Token(cursor + offset, cursor + 1 + offset, text[cursor], pos, form))
            cursor += 1
        elif tokens:
            prev = tokens[-1]
            tokens.append(Token(prev.start, prev.end, prev.text, pos, form))
    return tokens
