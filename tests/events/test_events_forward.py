"""A trigger sentence that announces its parties by a forward reference ("the following nine
individuals", 以下…, 다음) and the next sentence that names them ("They are as follows: A, B",
他们分别是：A、B, 이들은 A, B다): the names are the act's targets (shapes of real reports:
news-en-042, the Chinese foreign ministry's countermeasure statements)."""
from __future__ import annotations

import pytest

from pipeline.events import EventExtractor, load_catalogue
from pipeline.events.markup import from_markup


@pytest.fixture(scope="module")
def extract() -> EventExtractor:
    return EventExtractor(load_catalogue())


@pytest.mark.parametrize("marked, lang", [
    ("The [Chinese Foreign Ministry|GOV|nf:cn-mfa] decides to sanction the following two individuals on the UK side. They are as follow: "
     "[Tom Tugendhat|PERSON] and [Iain Duncan Smith|PERSON].", "en"),
    ("[外交部|GOV|nf:cn-mfa]决定对以下2名英国个人采取反制措施。他们分别是：[汤姆·图根哈特|PERSON]、[伊恩·邓肯·史密斯|PERSON]。", "zh"),
])
def test_the_names_announced_by_a_forward_reference_are_the_targets(extract, marked, lang):
    events = extract(from_markup(marked, lang))
    doc_targets = [t for e in events if e.action == "impose" for t in e.targets]
    assert len(doc_targets) == 2, events


@pytest.mark.parametrize("marked", [
    "The [State Department|GOV|nf:us-state-department] said it would move to sanction [Huawei|FIRM|nf:huawei] soon.",
    "Lawmakers introduced a bill to sanction [Huawei|FIRM|nf:huawei].",
])
def test_the_bare_verb_sanction_without_a_forward_reference_or_count_is_no_trigger(extract, marked):
    assert extract(from_markup(marked, "en")) == []


@pytest.mark.parametrize("marked, lang", [
    ("The [Chinese Foreign Ministry|GOV|nf:cn-mfa] has summoned the British Ambassador. The Chinese side decides to "
     "sanction the following two individuals on the UK side. They are as follow: [Tom Tugendhat|PERSON] and "
     "[Iain Duncan Smith|PERSON].", "en"),
    ("[중국 외교부|GOV|nf:cn-mfa]는 영국 대사를 초치해 항의했다. 이어 다음 2명을 제재한다고 밝혔다. "
     "이들은 [톰 투겐드하트|PERSON]와 [이언 덩컨 스미스|PERSON]다.", "ko"),
])
def test_an_announcing_act_without_a_subject_is_the_previous_subjects_on_its_regime(extract, marked, lang):
    """"The Chinese side decides to sanction the following...": no party before the verb; the
    ministry that was the subject of the sentence before acts, on its countermeasure list."""
    events = [e for e in extract(from_markup(marked, lang)) if e.action == "impose"]
    assert [(e.list or {}).get("id") for e in events] == ["cn-countermeasure-list"], events
    assert len(events[0].targets) == 2 and events[0].authority is not None
