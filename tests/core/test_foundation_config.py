"""Config loading, --set overrides, per-stage validation and requires/provides checks."""
from __future__ import annotations

import pytest

import pipeline
from pipeline.config import apply_override, load_config
from pipeline.errors import ConfigError


def test_default_config_builds_and_lists_stages():
    nlp = pipeline.load()
    assert nlp.names[:4] == ["clean", "langid", "sentences", "tokenize"]


def test_unknown_stage_key_is_named(tmp_path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text('[pipeline]\nstages = ["clean", "langid", "sentences"]\n[sentences]\nmax_char = 10\n')
    with pytest.raises(ConfigError, match="max_char"):
        pipeline.load(str(cfg))


def test_bad_value_type_is_named():
    with pytest.raises(ConfigError, match="sentences.max_chars"):
        pipeline.load(overrides=["sentences.max_chars=\"many\""])


def test_literal_choice_is_checked():
    with pytest.raises(ConfigError, match="tokenize.ko_backend"):
        pipeline.load(overrides=["tokenize.ko_backend=nltk"])


def test_unknown_section_is_named():
    with pytest.raises(ConfigError, match=r"\[colour\]"):
        pipeline.load(overrides=["colour.red=1"])


def test_override_parses_toml_values_and_falls_back_to_strings():
    cfg: dict = {}
    apply_override(cfg, "sentences.max_chars=500")
    apply_override(cfg, "tokenize.ko_backend=kiwi")
    apply_override(cfg, "run.include=[\"tokens\"]")
    assert cfg == {"sentences": {"max_chars": 500}, "tokenize": {"ko_backend": "kiwi"},
                   "run": {"include": ["tokens"]}}
    with pytest.raises(ConfigError, match="section.key=value"):
        apply_override(cfg, "novalue")


def test_override_changes_the_stage_config():
    nlp = pipeline.load(overrides=["tokenize.ko_backend=kiwi", "sentences.max_chars=100"])
    stages = dict(zip(nlp.names, nlp.stages))
    assert stages["tokenize"].config.ko_backend == "kiwi"
    assert stages["sentences"].config.max_chars == 100


def test_missing_requirement_names_stage_and_capability(tmp_path):
    cfg = tmp_path / "order.toml"
    cfg.write_text('[pipeline]\nstages = ["clean", "tokenize", "langid", "sentences"]\n')
    with pytest.raises(ConfigError, match=r"stage 'tokenize' requires sentences"):
        pipeline.load(str(cfg))


def test_unknown_stage_name(tmp_path):
    cfg = tmp_path / "x.toml"
    cfg.write_text('[pipeline]\nstages = ["clean", "sentencez"]\n')
    with pytest.raises(ConfigError, match="unknown stage 'sentencez'"):
        pipeline.load(str(cfg))


def test_missing_config_file():
    with pytest.raises(ConfigError, match="not found"):
        load_config("/nonexistent/newsfacts.toml")
