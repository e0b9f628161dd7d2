"""Tokenization per sentence, by the sentence's language."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .. import tokenizers
from ..errors import ConfigError
from ..runner import untimed
from ..types import Document
from .base import Stage

#: one short text per tokenizer: the first call loads lazy parts (jieba reads its dictionary then)
WARM_UP = {"ko": "미국 상무부", "zh": "美国商务部", "en": "Commerce Department", "other": "Минторг"}
KoreanBackend = Literal["mecab", "kiwi", "okt", "komoran", "hannanum", "kkma"]


@dataclass(frozen=True)
class TokenizeConfig:
    ko_backend: KoreanBackend = "mecab"
    zh_user_dict: str = ""
    zh_hmm: bool = True


class TokenizeStage(Stage):
    """Korean morphemes, Chinese words (jieba), English tokens (spaCy); a regex for the rest.

    MeCab, Kiwi and jieba (default dictionary) come from the pipeline's shared analysers
    (:meth:`~pipeline.stages.base.Shared.analysis`), so that the NER featurizer reuses their
    analyses instead of analysing each sentence again.
    """

    requires = frozenset({"sentences"})
    provides = frozenset({"tokens", "tokens.pos"})
    Config = TokenizeConfig

    def setup(self) -> None:
        """Nothing is loaded yet: each language's tokenizer loads (and warms up) when the first
        sentence in that language arrives, with the document's clock stopped
        (:func:`pipeline.runner.untimed`), so that a Korean article never loads jieba or spaCy."""
        if self.config.zh_user_dict and not Path(self.config.zh_user_dict).is_file():
            raise ConfigError(f"tokenize.zh_user_dict: file not found: {self.config.zh_user_dict}")
        self._factories = {
            "ko": lambda: tokenizers.korean_tokenizer(self.config.ko_backend, self.shared.analysis),
            "zh": lambda: tokenizers.chinese_tokenizer(self.config.zh_user_dict, hmm=self.config.zh_hmm,
                                                       analyses=self.shared.analysis),
            "en": tokenizers.english_tokenizer,
        }
        self._loaded: dict[str, tokenizers.Tokenizer] = {}

    def tokenizer(self, lang: str) -> tokenizers.Tokenizer:
        """The tokenizer for ``lang``, loaded on first use."""
        key = lang if lang in self._factories else "other"
        if key not in self._loaded:
            factory = self._factories.get(key, tokenizers.regex_tokenizer)
            with untimed():
                tokenizer = self.shared.get(f"tokenizer:{key}:{self.config}", factory)
                tokenizer(WARM_UP[key])
            self._loaded[key] = tokenizer
        return self._loaded[key]

    def process(self, doc: Document) -> None:
        doc.tokens = []
        for sent in doc.sentences:
            doc.tokens.extend(self.tokenizer(sent.lang)(doc.text[sent.start:sent.end], sent.start))
