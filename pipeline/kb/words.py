"""Frequent English words: a single word of a list entity's name that is one of them (``Sunrise``,
``Delta``, ``Apex``) says too little to be looked for in text.

A word is frequent when its log probability, lower or capitalised, in spaCy's English word
probabilities (``en_lexeme_prob`` of spacy-lookups-data, MIT) is above :data:`MIN_LOGPROB`. The
list is derived once and shipped (``en_frequent_words.txt``); rebuild it with
``python -m pipeline.kb.words`` after a spacy-lookups-data upgrade.
"""
from __future__ import annotations

import functools
from importlib.resources import files

MIN_LOGPROB = -15.0
WORDS_FILE = "en_frequent_words.txt"


def build() -> list[str]:
    """The frequent words (lower case, ASCII letters), sorted."""
    import gzip
    import json

    with gzip.open(str(files("spacy_lookups_data") / "data" / "en_lexeme_prob.json.gz")) as fh:
        prob: dict[str, float] = json.load(fh)
    best: dict[str, float] = {}
    for word, p in prob.items():
        if word.isascii() and word.isalpha():
            best[word.lower()] = max(best.get(word.lower(), -99.0), p)
    return sorted(w for w, p in best.items() if p > MIN_LOGPROB)


@functools.cache
def frequent_words() -> frozenset[str]:
    return frozenset(files(__package__).joinpath(WORDS_FILE).read_text(encoding="ascii").split())


if __name__ == "__main__":
    path = files(__package__).joinpath(WORDS_FILE)
    with open(str(path), "w", encoding="ascii") as fh:
        fh.write("\n".join(build()) + "\n")
    print(f"wrote {path}")
