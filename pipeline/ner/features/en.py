"""English features: the word, its shape and affixes, and those of its neighbours."""
from __future__ import annotations

import re
from pathlib import Path

from .common import fold_digits, word_shape

_SCORE = re.compile(r"^\d+-\d+$")


#: the words of spaCy's English Brown clusters that have one (the other 810,000 have none)
CLUSTERS = "models/ner/en/clusters.json.gz"


def _all_clusters() -> dict[str, int]:
    """Brown clusters of a million English words (spaCy's lookups data: word -> bit path as int,
    0 for none)."""
    import gzip
    from importlib.resources import files

    import orjson

    with gzip.open(files("spacy_lookups_data") / "data" / "en_lexeme_cluster.json.gz") as fh:
        return orjson.loads(fh.read())


def write_clusters(path: str | Path) -> int:
    """Write the words that have a cluster to ``path`` (gzip JSON, deterministic); their count."""
    import gzip

    import orjson

    table = {word: code for word, code in _all_clusters().items() if code}
    Path(path).write_bytes(gzip.compress(orjson.dumps(table, option=orjson.OPT_SORT_KEYS), 9, mtime=0))
    return len(table)


def _clusters() -> dict[str, int]:
    """The words that have a Brown cluster: the shipped table (read in a tenth of the time of the
    whole million), else spaCy's lookups data itself."""
    import gzip

    import orjson

    from ...resources import shipped

    path = shipped(CLUSTERS)
    if not path.is_file():
        return _all_clusters()
    with gzip.open(path) as fh:
        return orjson.loads(fh.read())


def _tokenizer():
    """spaCy's English tokenizer without splitting at hyphens (``Bre-X``, ``2-0``, dates).

    That keeps words whole as in CoNLL-2003, where the model learns from.
    """
    from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER, CONCAT_QUOTES, LIST_ELLIPSES, LIST_ICONS
    from spacy.lang.en import English
    from spacy.util import compile_infix_regex

    nlp = English()
    infixes = LIST_ELLIPSES + LIST_ICONS + [
        r"(?<=[0-9])[+*^](?=[0-9-])",
        rf"(?<=[{ALPHA_LOWER}{CONCAT_QUOTES}])\.(?=[{ALPHA_UPPER}{CONCAT_QUOTES}])",
        rf"(?<=[{ALPHA}]),(?=[{ALPHA}])",
        rf"(?<=[{ALPHA}0-9])[:<>=/](?=[{ALPHA}])",
    ]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


class EnglishFeaturizer:
    """Units are words (spaCy's rule-based tokenizer; CoNLL tokens when training).

    Besides the word window and the Brown clusters of the word and its neighbours (from
    spacy-lookups-data, learned on a large unlabelled corpus), a word gets flags for the sentence being a capitalised
    headline, where the capitalisation of a word says little, or a line of sports results
    (``2-0``), where place names are teams.
    """

    name = "en"

    def __init__(self) -> None:
        self._nlp = _tokenizer()
        self._clusters = _clusters()

    def _path(self, word: str) -> str:
        """The word's Brown cluster as a bit path ("" when unknown)."""
        code = self._clusters.get(word) or self._clusters.get(word.lower()) or 0
        return format(code, "b") if code else ""

    def units(self, text: str) -> list[tuple[int, int]]:
        return [(t.idx, t.idx + len(t.text)) for t in self._nlp.make_doc(text) if not t.is_space]

    def features(self, text: str, units: list[tuple[int, int]]) -> list[list[str]]:
        words = [text[s:e] for s, e in units]
        n = len(words)
        letters = [c for w in words for c in w if c.isalpha()]
        headline = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8
        scores = any(_SCORE.match(w) for w in words)          # sports results: teams are ORG
        lowers = [fold_digits(w.lower()) for w in words]
        shapes = [word_shape(w, short=True) for w in words]
        paths = [self._path(w) for w in words]

        def low(k: int) -> str:
            return lowers[k] if 0 <= k < n else ("<s>" if k < 0 else "</s>")

        def shp(k: int) -> str:
            return shapes[k] if 0 <= k < n else ("<s>" if k < 0 else "</s>")

        feats = []
        for i, w in enumerate(words):
            lw = lowers[i]
            f = ["bias", f"w={lw}", f"W={w}", f"sh={word_shape(w)}", f"ss={shapes[i]}",
                 f"title={w.istitle()}", f"upper={w.isupper()}", f"first={i == 0}",
                 f"hl={headline}", f"hl|ss={headline}|{shapes[i]}", f"len={min(len(w), 8)}",
                 f"sc|ss={scores}|{shapes[i]}", f"sc|w={scores}|{lw}"]
            if i == 0:
                f.append(f"first|w={lw}")
            f += [f"bc{k}={paths[i][:k]}" for k in (4, 6, 10, 20)]
            f += [f"bc{d}={paths[i + d][:6]}" for d in (-1, 1) if 0 <= i + d < n]
            f += [f"p{k}={lw[:k]}" for k in range(1, 5) if len(lw) > k]
            f += [f"s{k}={lw[-k:]}" for k in range(1, 5) if len(lw) > k]
            for d in (-2, -1, 1, 2):
                f += [f"w{d}={low(i + d)}", f"ss{d}={shp(i + d)}"]
            f += [f"w-10={low(i - 1)}|{lw}", f"w01={lw}|{low(i + 1)}",
                  f"ss-101={shp(i - 1)}|{shapes[i]}|{shp(i + 1)}",
                  f"w-1ss={low(i - 1)}|{shapes[i]}", f"ssw+1={shapes[i]}|{low(i + 1)}"]
            feats.append(f)
        return feats
