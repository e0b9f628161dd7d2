"""Word and morpheme tokenizers per language, each returning tokens with offsets into the text.

Korean: MeCab-ko (python-mecab-ko), Kiwi, or KoNLPy's analysers; Chinese: a jieba ``Tokenizer``
instance (never the global one); English: spaCy's rule-based tokenizer; anything else: a regex.
"""
from __future__ import annotations

import re
from typing import Callable, Protocol

from .types import Token

KOREAN_BACKENDS = ("mecab", "kiwi", "okt", "komoran", "hannanum", "kkma")


class Tokenizer(Protocol):
    def __call__(self, text: str, offset: int = 0) -> list[Token]: ...


_FALLBACK = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def regex_tokenizer() -> Tokenizer:
    """Words and single punctuation marks; for languages without an analyser."""

    def tokenize(text: str, offset: int = 0) -> list[Token]:
        return [Token(m.start() + offset, m.end() + offset, m.group()) for m in _FALLBACK.finditer(text)]

    return tokenize


def english_tokenizer() -> Tokenizer:
    """spaCy's English tokenizer (rules only: no model is loaded)."""
    from spacy.lang.en import English

    nlp = English()

    def tokenize(text: str, offset: int = 0) -> list[Token]:
        return [Token(t.idx + offset, t.idx + offset + len(t.text), t.text)
                for t in nlp.make_doc(text) if not t.is_space]

    return tokenize


def chinese_tokenizer(user_dict: str = "", words: list[str] | None = None, hmm: bool = True) -> Tokenizer:
    """jieba with part-of-speech tags, from its own ``Tokenizer`` instance.

    ``hmm`` lets jieba guess words missing from its dictionary (slower: about 50k against 300k
    characters per second with POS tags, see README).
    """
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    base = jieba.Tokenizer()
    if user_dict:
        base.load_userdict(user_dict)
    for word in words or []:
        base.add_word(word)
    tagger = jieba.posseg.POSTokenizer(base)

    def tokenize(text: str, offset: int = 0) -> list[Token]:
        tokens, pos = [], 0
        for pair in tagger.cut(text, HMM=hmm):
            start, pos = pos, pos + len(pair.word)
            if not pair.word.isspace():
                tokens.append(Token(start + offset, pos + offset, pair.word, pair.flag))
        return tokens

    return tokenize


def korean_tokenizer(backend: str = "mecab") -> Tokenizer:
    """A Korean morphological analyser; morphemes carry the surface span they come from."""
    factories: dict[str, Callable[[], Tokenizer]] = {
        "mecab": _mecab, "kiwi": _kiwi,
        "okt": lambda: _konlpy("Okt"), "komoran": lambda: _konlpy("Komoran"),
        "hannanum": lambda: _konlpy("Hannanum"), "kkma": lambda: _konlpy("Kkma"),
    }
    if backend not in factories:
        raise ValueError(f"unknown Korean backend {backend!r} (choose from {', '.join(KOREAN_BACKENDS)})")
    return factories[backend]()


def _mecab() -> Tokenizer:
    import mecab

    tagger = mecab.MeCab()

    def tokenize(text: str, offset: int = 0) -> list[Token]:
        out = []
        for m in tagger.parse(text):
            start, end = m.span.start + offset, m.span.end + offset
            out.append(Token(start, end, text[m.span.start:m.span.end], m.feature.pos))
        return out

    return tokenize


def _kiwi() -> Tokenizer:
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
