"""`newsfacts train` on a tiny slice produces a model that loads and tags."""
from __future__ import annotations

import json

import pytest

from pipeline.cli import main
from pipeline.ner.model import CrfNer
from conftest import shared_data


@pytest.mark.slow
def test_train_tiny_slice_end_to_end(tmp_path, capsys):
    shared_data("cluener2020", "train.json")
    dev = shared_data("cluener2020", "dev.json")
    config = tmp_path / "zh.toml"
    config.write_text(f"""
lang = "zh"
featurizer = "zh"
output = "{tmp_path / 'unused'}"
[types]
name = "PERSON"
company = "FIRM"
[crf]
max_iterations = 30
[[train]]
set = "cluener2020"
split = "train"
[[eval]]
name = "dev"
format = "cluener"
path = "{dev}"
types = {{ name = "PERSON", company = "FIRM" }}
""", encoding="utf-8")
    out = tmp_path / "model"
    assert main(["train", "--config", str(config), "--output", str(out), "--limit", "300"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert 0.0 < summary["scores"]["dev"]["f"] < 1.0
    model = CrfNer(out)
    assert model.lang == "zh" and json.loads((out / "meta.json").read_text())["train_sentences"] == 300
    text = "浙商银行企业信贷部叶老桂博士则从另一个角度对五道门槛进行了解读。"
    mentions = model.tag(text)
    assert all(text[m.start:m.end] and 0 < m.score <= 1 for m in mentions)
    assert all(m.type in ("PERSON", "FIRM", "") for m in mentions)


def test_bad_training_config_is_a_clean_error(tmp_path, capsys):
    config = tmp_path / "bad.toml"
    config.write_text('lang = "zh"\nfeaturizer = "zh"\noutput = "x"\n[types]\n[crf]\nc3 = 1.0\n'
                      '[[train]]\nset = "cluener2020"\nsplit = "train"\n', encoding="utf-8")
    assert main(["train", "--config", str(config)]) == 2
    assert "unknown [crf] key 'c3'" in capsys.readouterr().err
