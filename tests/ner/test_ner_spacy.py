"""The spaCy NER backend (``backend = "spacy"``, configs/train/en-spacy.toml, the comparison in
models/ner/en/MODEL_CARD.md): trained for a few steps on a few sentences, it loads and tags."""
from __future__ import annotations

import json

import pytest

from conftest import REPO
from pipeline.cli import main

SENTENCES = [
    [("Hikvision", "B-ORG"), ("was", "O"), ("listed", "O"), ("by", "O"), ("Washington", "B-LOC"), (".", "O")],
    [("John", "B-PER"), ("Smith", "I-PER"), ("visited", "O"), ("Seoul", "B-LOC"), (".", "O")],
    [("Huawei", "B-ORG"), ("sued", "O"), ("Mary", "B-PER"), ("Jones", "I-PER"), ("in", "O"),
     ("Beijing", "B-LOC"), (".", "O")],
]


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_spacy_backend_trains_loads_and_tags(tmp_path, capsys):
    pytest.importorskip("spacy", reason="the spaCy backend needs spacy")
    pytest.importorskip("spacy_lookups_data", reason="the English featurizer needs spacy-lookups-data")
    from pipeline.ner.model import load_model
    from pipeline.ner.spacy_backend import SpacyNer

    gold = tmp_path / "gold.iob2"
    gold.write_text("\n\n".join("\n".join(f"{w} {t}" for w, t in s) for s in SENTENCES * 4) + "\n",
                    encoding="utf-8")
    cfg = (REPO / "configs" / "train" / "en-spacy.cfg").read_text(encoding="utf-8")
    (tmp_path / "en-spacy.cfg").write_text(cfg.replace("eval_frequency = 1000", "eval_frequency = 10"),
                                           encoding="utf-8")
    config = tmp_path / "en-spacy.toml"
    config.write_text(f"""
lang = "en"
featurizer = "en"
backend = "spacy"
output = "{tmp_path / 'unused'}"
[types]
PER = "PERSON"
ORG = "ORG"
[spacy]
config = "{tmp_path / 'en-spacy.cfg'}"
max_steps = 30
[[train]]
format = "iob2"
path = "{gold}"
[[eval]]
name = "dev"
format = "iob2"
path = "{gold}"
types = {{ PER = "PERSON", ORG = "ORG" }}
""", encoding="utf-8")
    out = tmp_path / "model"
    assert main(["train", "--config", str(config), "--output", str(out)]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert 0.0 < summary["scores"]["dev"]["f"] <= 1.0
    assert json.loads((out / "meta.json").read_text())["backend"] == "spacy"
    model = load_model(out)
    assert isinstance(model, SpacyNer) and model.lang == "en"
    text = "John Smith visited Seoul ."
    mentions = model.tag(text)
    # a sentence it was trained on (spaCy's seed is fixed in the config); LOC maps to no type
    assert ("John Smith", "PER", "PERSON") in [(text[m.start:m.end], m.label, m.type) for m in mentions]
    assert all(m.score == 1.0 and m.type in ("PERSON", "ORG", "") for m in mentions)
