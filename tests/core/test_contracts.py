"""Stages see only what they declare: an undeclared read fails; a missing provider fails the build."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

import pipeline
from pipeline import registry
from pipeline.contracts import ContractError, declared_view
from pipeline.errors import ConfigError
from pipeline.stages.base import Stage
from pipeline.types import Document, Entity


class NormReader(Stage):
    """Declares entities but reads their norms."""

    requires = frozenset({"entities"})
    provides = frozenset({"entities"})

    def process(self, doc: Document) -> None:
        doc.meta["norms"] = [e.norm for e in doc.entities if e.norm]


def test_reading_an_undeclared_part_raises_and_the_document_is_restored():
    doc = Document(text="2019년 5월 미국 상무부", id="d")
    doc.entities = [Entity("T1", "2019년 5월", "DATE", 0, 8, "rule", norm={"value": "2019-05"})]
    with pytest.raises(ContractError, match="entities.norm"):
        with declared_view(doc, "reader", frozenset({"entities"})):
            NormReader(None, None).process(doc)
    assert doc.entities[0].norm == {"value": "2019-05"}     # put back after the stage


def test_carrying_an_undeclared_value_along_is_allowed():
    doc = Document(text="华为被列入实体清单", id="d")
    doc.entities = [Entity("T1", "华为", "FIRM", 0, 2, "kb", canonical={"id": "nf:huawei"})]
    with declared_view(doc, "copier", frozenset({"entities"})):
        old = doc.entities[0]
        doc.entities = [Entity("T1", old.text, old.type, old.start, old.end, old.source, canonical=old.canonical)]
    assert doc.entities[0].canonical == {"id": "nf:huawei"}


def test_a_stage_that_reads_what_it_did_not_declare_fails_inside_a_pipeline():
    registry.register("norm_reader", "test_contracts:NormReader")
    try:
        nlp = pipeline.load({"pipeline": {"stages": ["clean", "langid", "sentences", "patterns", "norm_reader"]}})
        doc = nlp("The order took effect on May 16, 2019.")
        (error,) = doc.errors          # a partial record: the stage is listed, the dates stay
        assert error["stage"] == "norm_reader" and error["type"] == "ContractError"
        assert "entities.norm" in error["message"]
        assert any(e.type == "DATE" for e in doc.entities)
    finally:
        registry.STAGES.pop("norm_reader")


@pytest.mark.parametrize("stages,missing", [
    (["clean", "langid", "sentences", "patterns", "gazetteer", "ner", "resolve"], "tokens"),
    (["clean", "langid", "sentences", "tokenize", "patterns", "gazetteer", "ner", "events"], "entities.norm"),
])
def test_a_pipeline_without_the_provider_fails_when_built(stages, missing):
    cfg = {"pipeline": {"stages": [s for s in stages if s != "patterns" or missing != "entities.norm"]}}
    with pytest.raises(ConfigError, match=missing):
        pipeline.load(cfg)
