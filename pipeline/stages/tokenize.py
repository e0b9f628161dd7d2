"""Tokenization per sentence, by the sentence's language."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Literal

from .. import lang as language
from .. import tokenizers
from ..errors import ConfigError
from ..runner import untimed
from ..types import Document
from .base import Stage

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
        """Nothing is loaded yet: each language's tokenizer loads (and warms up on its pack's
        sample) when the first sentence in that language arrives, with the document's clock
        stopped (:func:`pipeline.runner.untimed`), so that a Korean article never loads jieba or
        spaCy. Which tokenizer a language gets is its pack's choice (``LanguagePack.tokenizer``);
        ``ko_backend`` picks among the Korean analysers, a language without a pack gets a regex."""
        if self.config.zh_user_dict and not Path(self.config.zh_user_dict).is_file():
            raise ConfigError(f"tokenize.zh_user_dict: file not found: {self.config.zh_user_dict}")
        self._loaded: dict[str, tokenizers.Tokenizer] = {}

    def _factory(self, backend: str) -> Callable[[], tokenizers.Tokenizer]:
        if backend in tokenizers.KOREAN_BACKENDS:
            return lambda: tokenizers.korean_tokenizer(self.config.ko_backend, self.shared.analysis)
        if backend == "jieba":
            return lambda: tokenizers.chinese_tokenizer(self.config.zh_user_dict, hmm=self.config.zh_hmm,
                                                        analyses=self.shared.analysis)
        if backend == "spacy":
            return tokenizers.english_tokenizer
        return tokenizers.regex_tokenizer

    def tokenizer(self, lang: str) -> tokenizers.Tokenizer:
        """The tokenizer for ``lang``, loaded on first use."""
        pack = language.get(lang)
        backend = pack.tokenizer if pack is not None else "regex"
        key = f"{lang}:{backend}" if pack is not None else "other"
        if key not in self._loaded:
            with untimed():
                tokenizer = self.shared.get(f"tokenizer:{key}:{self.config}", self._factory(backend))
                tokenizer(pack.sample if pack is not None else "Минторг")
            self._loaded[key] = tokenizer
        return self._loaded[key]

    def process(self, doc: Document) -> None:
        doc.tokens = []
        for sent in doc.sentences:
            doc.tokens.extend(self.tokenizer(sent.lang)(doc.text[sent.start:sent.end], sent.start))
