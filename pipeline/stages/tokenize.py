"""Tokenization per sentence, by the sentence's language."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .. import tokenizers
from ..types import Document
from .base import Stage

KoreanBackend = Literal["mecab", "kiwi", "okt", "komoran", "hannanum", "kkma"]


@dataclass(frozen=True)
class TokenizeConfig:
    ko_backend: KoreanBackend = "mecab"
    zh_user_dict: str = ""
    zh_hmm: bool = True


class TokenizeStage(Stage):
    """Korean morphemes, Chinese words (jieba), English tokens (spaCy); a regex for the rest."""

    requires = frozenset({"sentences"})
    provides = frozenset({"tokens"})
    Config = TokenizeConfig

    def setup(self) -> None:
        self._factories = {
            "ko": lambda: tokenizers.korean_tokenizer(self.config.ko_backend),
            "zh": lambda: tokenizers.chinese_tokenizer(self.config.zh_user_dict, hmm=self.config.zh_hmm),
            "en": tokenizers.english_tokenizer,
        }
        self._loaded: dict[str, tokenizers.Tokenizer] = {}

    def tokenizer(self, lang: str) -> tokenizers.Tokenizer:
        """The tokenizer for ``lang``, loaded on first use."""
        key = lang if lang in self._factories else "other"
        if key not in self._loaded:
            factory = self._factories.get(key, tokenizers.regex_tokenizer)
            self._loaded[key] = self.shared.get(f"tokenizer:{key}:{self.config}", factory)
        return self._loaded[key]

    def process(self, doc: Document) -> None:
        doc.tokens = []
        for sent in doc.sentences:
            doc.tokens.extend(self.tokenizer(sent.lang)(doc.text[sent.start:sent.end], sent.start))
