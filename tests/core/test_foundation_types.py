"""The data model: to_dict/from_dict round trips and stable ids."""
from __future__ import annotations

from pipeline.types import Document, Entity, Event, Region, Sentence, Token


def _doc() -> Document:
    text = "美国商务部将海康威视列入实体清单。"
    doc = Document(text=text, id="zh-1", lang="zh", meta={"published": "2019-10-08"})
    doc.sentences = [Sentence(0, len(text), "zh")]
    doc.tokens = [Token(0, 5, "美国商务部", "nt"), Token(6, 10, "海康威视", "nz")]
    gov = doc.add_entity(Entity("", "美国商务部", "GOV", 0, 5, "kb", 1.0,
                                canonical={"id": "nf:us-commerce", "name": "US Department of Commerce"}))
    firm = doc.add_entity(Entity("", "海康威视", "FIRM", 6, 10, "kb", 1.0))
    doc.events = [Event("E1", "add", gov.id, [firm.id], {"id": "us-entity-list", "name": "Entity List"},
                        {"value": "2019-10", "precision": "month"}, evidence=[{"start": 0, "end": 17}])]
    doc.skipped = [Region(16, 17, "test")]
    return doc


def test_round_trip_keeps_everything():
    doc = _doc()
    again = Document.from_dict(doc.to_dict(frozenset({"tokens"})))
    assert again.to_dict(frozenset({"tokens"})) == doc.to_dict(frozenset({"tokens"}))
    assert [e.id for e in again.entities] == ["T1", "T2"]


def test_tokens_only_when_asked():
    assert "tokens" not in _doc().to_dict()
    assert len(_doc().to_dict(frozenset({"tokens"}))["tokens"]) == 2


def test_event_keeps_null_authority():
    ev = Event("E1", "add", None, ["T1"])
    assert ev.to_dict()["authority"] is None
    assert "reason" not in ev.to_dict()


def test_content_id_is_stable_and_text_dependent():
    a, b, c = Document(text="하이크비전"), Document(text="하이크비전"), Document(text="화웨이")
    assert a.id == b.id != c.id
    assert a.id.startswith("sha1:")


def test_renumber_sorts_by_position():
    doc = Document(text="ab cd", id="x")
    doc.add_entity(Entity("", "cd", "ORG", 3, 5, "rule"))
    doc.add_entity(Entity("", "ab", "ORG", 0, 2, "rule"))
    mapping = doc.renumber_entities()
    assert [e.text for e in doc.entities] == ["ab", "cd"]
    assert mapping == {"T2": "T1", "T1": "T2"}
