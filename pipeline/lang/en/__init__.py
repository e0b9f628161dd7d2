"""The English pack: spaCy's tokenizer, the amount and date grammar (``patterns.py``, whose symbol
rules every pack uses for $1.2 billion or 2019-10-09), word lists (``words.toml``), the trigger
grammar (``triggers.toml``) and the names in its trigger slots (``slots.py``)."""
from __future__ import annotations

from pathlib import Path

from ..pack import LanguagePack, alternation
from . import patterns

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen " \
         "fifteen sixteen seventeen eighteen nineteen".split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}


def _number_words() -> dict[str, int]:
    """Number words a count may use: one .. ninety-nine (with a hyphen or a space), a dozen."""
    out = {w: i for i, w in enumerate(_UNITS)}
    for word, value in _TENS.items():
        out[word] = value
        for i, unit in enumerate(_UNITS[1:10], 1):
            out[f"{word}-{unit}"] = value + i
            out[f"{word} {unit}"] = value + i
    out.update({"a": 1, "an": 1, "a single": 1, "a dozen": 12, "dozens": 0})
    return out


NUMBERS = _number_words()
PACK = LanguagePack(code="en", script="latin", tokenizer="spacy",
                    patterns=tuple(patterns.RULES), range_sep=patterns.RANGE_SEP,
                    folder=Path(__file__).parent, slots=f"{__name__}.slots", compounds=f"{__name__}.compounds", numbers=NUMBERS,
                    sample="Commerce Department",
                    fragments={"NUMBER_WORDS": alternation(w for w in NUMBERS if w not in ("a", "an", "dozens"))})
