"""Shared fixtures: the default pipeline, the schema validator, and ../shared/data; ``--runslow``.

Tests are grouped by area in folders (lang/<code>/, stages/, ner/, cli/...); this file and the
helpers beside it (facts_helpers.py, hostile/) are importable from all of them (pytest's
``pythonpath`` setting in pyproject.toml).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# every stage in every test sees only what it declares (pipeline/contracts.py)
os.environ.setdefault("NEWSFACTS_STRICT_CONTRACTS", "1")
SHARED_DATA = Path(os.environ.get("NEWSFACTS_SHARED_DATA", REPO.parent / "shared" / "data"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", default=False,
                     help="also run the tests marked slow (make test does)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``slow`` are skipped unless ``--runslow`` is given."""
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow: needs --runslow")
    for item in items:
        if item.get_closest_marker("slow"):
            item.add_marker(skip)


def shared_data(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test with the reason when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared data sets are not present on this machine)")
    return path


@pytest.fixture(scope="session")
def nlp():
    import pipeline

    return pipeline.load()


@pytest.fixture(scope="session")
def record_validator():
    from pipeline.schema import validator

    return validator()


def assert_offsets(record: dict) -> None:
    """Every sentence, token and entity span reproduces its text."""
    text = record["text"]
    for s in record["sentences"]:
        assert 0 <= s["start"] < s["end"] <= len(text)
    for t in record.get("tokens", []):
        assert text[t["start"]:t["end"]] == t["text"], t
    for e in record["entities"]:
        assert text[e["start"]:e["end"]] == e["text"], e
    for ev in record["events"]:
        for span in ev.get("evidence", []):
            assert 0 <= span["start"] < span["end"] <= len(text)
        if "reason" in ev:
            assert text[ev["reason"]["start"]:ev["reason"]["end"]] == ev["reason"]["text"]


def entity_texts(doc, ids: list[str]) -> list[str]:
    """The texts of the entities with these ids."""
    return [doc.entity(i).text for i in ids]


def event_extractor(lang: str | None = None):
    """A module fixture ``extract(marked[, lang]) -> (doc, events)`` over bracket markup."""

    @pytest.fixture(scope="module")
    def extract():
        from pipeline.events import EventExtractor, load_catalogue
        from pipeline.events.markup import from_markup

        extractor = EventExtractor(load_catalogue())

        def run(marked: str, doc_lang: str | None = lang):
            doc = from_markup(marked, doc_lang)
            return doc, extractor(doc)
        return run
    return extract


def patterns_runner(lang: str):
    """A module fixture ``run(text, published=...) -> [(text, type, norm)]`` of the patterns stage."""

    @pytest.fixture(scope="module")
    def run_patterns():
        import pipeline

        nlp = pipeline.load({"pipeline": {"stages": ["langid", "sentences", "patterns"]},
                             "langid": {"force": lang}})

        def run(text: str, published: str | None = "2021-11-25") -> list[tuple]:
            doc = nlp(text, **({"published": published} if published else {}))
            assert_offsets(doc.to_dict())
            return [(e.text, e.type, e.norm) for e in doc.entities]
        return run
    return run_patterns
