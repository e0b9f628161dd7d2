"""The Chinese pack: jieba words, the amount and date grammar (``patterns.py``), word lists
(``words.toml``), the trigger grammar (``triggers.toml``) and the names in its trigger slots
(``slots.py``)."""
from __future__ import annotations

from pathlib import Path

from ..en.patterns import SYMBOL_RULES
from ..numerals import CN_DIGITS, CN_SMALL, parse_number
from ..pack import LanguagePack
from . import patterns


class _Numbers(dict):
    """Number words for counts: any Chinese numeral of digits and 十/百/千 (二十八 -> 28)."""

    def get(self, key: str, default: int | None = None) -> int | None:  # type: ignore[override]
        if not key or any(c not in CN_DIGITS + CN_SMALL for c in key):
            return default
        n = parse_number(key)
        return default if n is None else int(n)


PACK = LanguagePack(code="zh", script="han", tokenizer="jieba",
                    patterns=tuple(patterns.RULES) + tuple(SYMBOL_RULES), range_sep=patterns.RANGE_SEP,
                    folder=Path(__file__).parent, slots=f"{__name__}.slots", compounds=f"{__name__}.compounds", numbers=_Numbers(),
                    sample="美国商务部")
