"""The Korean pack: MeCab-ko tokens, the amount and date grammar (``patterns.py``), particles and
word lists (``words.toml``), the trigger grammar (``triggers.toml``) and the names in its
trigger slots (``slots.py``)."""
from __future__ import annotations

from pathlib import Path

from ..en.patterns import SYMBOL_RULES
from ..numerals import KO_NATIVE
from ..pack import LanguagePack
from . import patterns

PACK = LanguagePack(code="ko", script="hangul", tokenizer="mecab",
                    patterns=tuple(patterns.RULES) + tuple(SYMBOL_RULES), range_sep=patterns.RANGE_SEP,
                    folder=Path(__file__).parent, slots=f"{__name__}.slots", compounds=f"{__name__}.compounds", numbers=KO_NATIVE,
                    sample="미국 상무부")
