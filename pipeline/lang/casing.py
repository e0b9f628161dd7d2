"""English words that are usually written in lower case: telling a headline's common words from names.

In a Title Case line (``Addition of Entities to the Entity List``) or a header (``SUPPLEMENTARY
INFORMATION``) capitals say nothing, and a tagger trained on news takes such runs for names. A
word is *common* when its lower-case form is frequent and far more frequent than its capitalised
form, by the word probabilities in spaCy's lookups data (``en_lexeme_prob``; MIT licence).
``Federal`` and ``Register`` are common, ``Huawei``, ``Lewis`` and ``Arab`` are not.

The list is derived once and shipped with the package (``en_lowercase_words.txt``); rebuild it
with ``python -m pipeline.lang.casing`` after a spacy-lookups-data upgrade.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

WORDS_FILE = Path(__file__).with_name("en_lowercase_words.txt")
#: A word is common when log P(lower) > MIN_LOGPROB and log P(lower) - log P(Capitalised) >= MIN_MARGIN.
MIN_LOGPROB = -15.0
MIN_MARGIN = 1.0
_WORD = re.compile(r"[A-Za-z]+")


def build() -> list[str]:
    """The common words, sorted, from spaCy's English word probabilities."""
    import gzip
    import json
    from importlib.resources import files

    with gzip.open(str(files("spacy_lookups_data") / "data" / "en_lexeme_prob.json.gz")) as fh:
        prob: dict[str, float] = json.load(fh)
    return sorted(w for w, p in prob.items()
                  if w.isascii() and w.isalpha() and w.islower() and p > MIN_LOGPROB
                  and p - prob.get(w.capitalize(), -99.0) >= MIN_MARGIN)


@functools.cache
def common_words() -> frozenset[str]:
    return frozenset(WORDS_FILE.read_text(encoding="ascii").split())


def all_common(text: str) -> bool:
    """Every word of ``text`` (split at spaces and hyphens) is a common lower-case word."""
    words = _WORD.findall(text)
    common = common_words()
    return bool(words) and all(w.lower() in common for w in words)


if __name__ == "__main__":
    WORDS_FILE.write_text("\n".join(build()) + "\n", encoding="ascii")
    print(f"wrote {WORDS_FILE}")
