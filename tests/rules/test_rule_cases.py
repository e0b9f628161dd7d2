"""Every hand rule (``pipeline/rules.py``) with texts on which it decides: ``tests/rules/cases.jsonl``.

A case is one JSON object per line::

    {"rule": "resolve.trim_period", "lang": "en", "text": "...", "published": "2019-09-25" (optional),
     "expect": {...}, "why": "one line: what the rule does here"}

with ``expect`` one of

- ``{"entity": {"text": T, "type": TYPE}}``: an entity with exactly this text and type is in the output;
- ``{"no_entity": {"text": T, "type": TYPE}}``: no such entity;
- ``{"event": {"action": A, "list": LIST or null, "targets": [T, ...]}}``: an event with this action
  and list whose targets include these texts;
- ``{"no_event": {"action": A, "list": LIST or null}}``: no event with this action and list;
- ``{"same_entity": [T1, T2]}``: a mention T1 and a mention T2 share a canonical id.

Each case must hold with the default pipeline and must not hold with its rule switched off
(``pipeline.rules.switched_off``): the case shows what the rule decides. Every registered rule has
a case, except those in :data:`NO_CASE`, for which none was found (they are candidates for deletion,
see ``newsfacts ablate``).
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

CASES_FILE = Path(__file__).with_name("cases.jsonl")
LANGS = {"ko", "zh", "en"}
KINDS = {"entity", "no_entity", "event", "no_event", "same_entity"}

#: Rules for which no text was found on which switching the rule off changes what a case can
#: state, with the reason. Each stays here until the rule is deleted or gets a case.
NO_CASE: dict[str, str] = {
    "events.affiliation":
        "it only removes a target (the organisation before a title and a person); no expectation "
        "kind states 'X is not a target', and removing a target never adds an event or target",
    "events.subordinate_clause":
        "it only removes targets (the main clause's parties from the act of a subordinate clause of "
        "time: 欧盟制裁宣布后，中国宣布制裁A); that act stays, without them, and no expectation kind "
        "states 'X is not a target'",
    "events.list_name_part":
        "it only removes a target (the words before a list's short name); not expressible with "
        "the expectation kinds (there is no 'not a target')",
}


def _load_cases() -> list[dict[str, Any]]:
    cases = []
    with open(CASES_FILE, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                case = json.loads(line)
                case["_line"] = n
                cases.append(case)
    return cases


CASES = _load_cases()


def _case_id(case: dict[str, Any]) -> str:
    return f"{case['rule']}-{case['lang']}-line{case['_line']}"


@pytest.fixture(scope="module")
def default_nlp():
    """The default pipeline keeping every event it scores (the cases are about the hand rules,
    not the confidence model's cut), set up: setting up imports every stage's module, and the
    rules register."""
    import pipeline

    nlp = pipeline.load(overrides=["events.keep_all=true"])
    nlp.setup()
    return nlp


# -- checking a record against an expectation ----------------------------------------------------

def _run(nlp, case: dict[str, Any], off: bool = False) -> dict[str, Any]:
    from pipeline.rules import switched_off

    kwargs = {"published": case["published"]} if case.get("published") else {}
    with switched_off([case["rule"]] if off else []):
        return nlp(case["text"], **kwargs).to_dict()


def _list_id(event: dict[str, Any]) -> str | None:
    return (event.get("list") or {}).get("id")


def holds(record: dict[str, Any], expect: dict[str, Any]) -> bool:
    """Whether the record (``Document.to_dict()``) meets the expectation."""
    (kind, want), = expect.items()
    entities = record["entities"]
    if kind in ("entity", "no_entity"):
        found = any(e["text"] == want["text"] and e["type"] == want["type"] for e in entities)
        return found if kind == "entity" else not found
    if kind in ("event", "no_event"):
        text = {e["id"]: e["text"] for e in entities}
        found = any(ev["action"] == want["action"] and _list_id(ev) == want["list"]
                    and all(t in [text[x] for x in ev.get("targets", [])] for t in want.get("targets", []))
                    for ev in record["events"])
        return found if kind == "event" else not found
    if kind == "same_entity":
        ids = [{(e.get("canonical") or {}).get("id") for e in entities if e["text"] == name} - {None}
               for name in want]
        return bool(ids[0] & ids[1])
    raise ValueError(f"unknown expectation {kind!r}")


def _describe(record: dict[str, Any]) -> str:
    text = {e["id"]: e["text"] for e in record["entities"]}
    ents = ", ".join(f"{e['text']}/{e['type']}" + (f"[{e['canonical']['id']}]" if e.get("canonical") else "")
                     for e in record["entities"])
    events = "; ".join(f"{ev['action']} {_list_id(ev)} {[text[t] for t in ev.get('targets', [])]}"
                       for ev in record["events"]) or "none"
    errors = [f"{e['stage']}: {e.get('message', e.get('type'))}" for e in record.get("errors") or []]
    return f"entities: {ents or 'none'}\n    events: {events}" + (f"\n    errors: {errors}" if errors else "")


def _message(case: dict[str, Any], what: str, on: dict[str, Any], off: dict[str, Any] | None) -> str:
    lines = [f"rule {case['rule']} ({case['lang']}, cases.jsonl line {case['_line']}): {what}",
             f"  why: {case['why']}",
             f"  text: {case['text']!r}",
             f"  expect: {json.dumps(case['expect'], ensure_ascii=False)}",
             f"  with the rule on:\n    {_describe(on)}"]
    if off is not None:
        lines.append(f"  with the rule off:\n    {_describe(off)}")
    return "\n".join(lines)


# -- the tests -----------------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_case_holds_with_its_rule_and_not_without(default_nlp, case):
    on = _run(default_nlp, case)
    off = _run(default_nlp, case, off=True)
    assert not on.get("errors") and not off.get("errors"), _message(case, "the pipeline reported errors", on, off)
    assert holds(on, case["expect"]), _message(case, "the expectation does not hold with the rule on", on, off)
    assert not holds(off, case["expect"]), _message(case, "the expectation still holds with the rule off", on, off)


def test_every_rule_has_a_case(default_nlp):
    from pipeline.rules import RULES

    with_cases = {c["rule"] for c in CASES}
    missing = sorted(set(RULES) - with_cases - set(NO_CASE))
    assert not missing, f"rules without a case in {CASES_FILE.name} (nor in NO_CASE): {missing}"
    unknown = sorted(with_cases - set(RULES))
    assert not unknown, f"cases for rules that are not registered (deleted or renamed?): {unknown}"
    stale = sorted(r for r in NO_CASE if r not in RULES or r in with_cases)
    assert not stale, f"NO_CASE lists rules that are gone or now have cases: {stale}"


def test_cases_are_well_formed():
    seen = set()
    for case in CASES:
        where = f"cases.jsonl line {case['_line']}"
        assert set(case) - {"_line"} <= {"rule", "lang", "text", "published", "expect", "why"}, where
        assert case["lang"] in LANGS, where
        assert case["text"].strip() and len(case["text"]) <= 400, where
        assert case["why"].strip() and "\n" not in case["why"], where
        if "published" in case:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", case["published"]), where
        (kind, want), = case["expect"].items()
        assert kind in KINDS, where
        if kind in ("entity", "no_entity"):
            assert set(want) == {"text", "type"}, where
        elif kind == "event":
            assert set(want) == {"action", "list", "targets"} and want["targets"], where
        elif kind == "no_event":
            assert set(want) == {"action", "list"}, where
        else:
            assert isinstance(want, list) and len(want) == 2 and want[0] != want[1], where
        key = (case["rule"], case["text"], json.dumps(case["expect"], sort_keys=True))
        assert key not in seen, f"{where}: duplicate case"
        seen.add(key)
    langs = {c["lang"] for c in CASES}
    assert langs == LANGS, f"the cases cover {sorted(langs)}, not ko, zh and en"
