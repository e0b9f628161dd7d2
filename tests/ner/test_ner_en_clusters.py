"""The shipped English cluster table (the words that have a Brown cluster) gives every word the
path that spaCy's whole million-word table gives it."""
from __future__ import annotations

import itertools

from pipeline.ner.features import en


def test_shipped_clusters_are_the_whole_tables_nonempty_part():
    whole, shipped = en._all_clusters(), en._clusters()
    assert shipped == {word: code for word, code in whole.items() if code}
    featurizer = en.EnglishFeaturizer.__new__(en.EnglishFeaturizer)
    words = ["Commerce", "COMMERCE", "commerce", "Huawei", "the", "Zorblatt", *itertools.islice(whole, 2000)]
    featurizer._clusters = whole
    expected = [featurizer._path(w) for w in words]
    featurizer._clusters = shipped
    assert [featurizer._path(w) for w in words] == expected
    assert featurizer._path("Commerce") and not featurizer._path("Zorblatt")


def test_write_clusters_is_deterministic(tmp_path):
    assert en.write_clusters(tmp_path / "a.json.gz") == len(en._clusters())
    en.write_clusters(tmp_path / "b.json.gz")
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()
