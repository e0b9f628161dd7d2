"""The scripts that packs write their names in (``LanguagePack.script``), told by their letters.

A line whose language was not identified is read with the grammar of the pack whose script has
the most letters in it (:func:`dominant`, then :func:`pipeline.lang.for_script`).
"""
from __future__ import annotations

import re

#: the letters of each script, in the order that settles a tie
LETTERS: dict[str, re.Pattern[str]] = {
    "han": re.compile(r"[\u4e00-\u9fff]"),
    "hangul": re.compile(r"[\uac00-\ud7a3]"),
    "latin": re.compile(r"[A-Za-z]"),
}


def has(chunk: str, script: str) -> bool:
    """Whether ``chunk`` holds a letter of ``script``."""
    return LETTERS[script].search(chunk) is not None


def dominant(chunk: str) -> str | None:
    """The script with the most letters in ``chunk`` (the first in :data:`LETTERS` on a tie),
    None when it has no letter of any."""
    counts = {script: len(letters.findall(chunk)) for script, letters in LETTERS.items()}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else None
