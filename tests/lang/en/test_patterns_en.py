"""English (and Latin-script) money, dates, percentages and counts from the patterns stage."""
from __future__ import annotations

import pytest

from conftest import assert_offsets


@pytest.fixture(scope="module")
def en():
    import pipeline

    nlp = pipeline.load({"pipeline": {"stages": ["langid", "sentences", "patterns"]},
                         "langid": {"force": "en"}, "run": {"published": "2021-11-25"}})

    def run(text: str, **meta) -> list[tuple]:
        doc = nlp(text, **meta)
        assert_offsets(doc.to_dict())
        return [(e.text, e.type, e.norm) for e in doc.entities]
    return run


@pytest.mark.parametrize("text,value,currency", [
    ("$1.2 billion", 1_200_000_000, "USD"), ("USD 5m", 5_000_000, "USD"),
    ("RMB 8 billion", 8_000_000_000, "CNY"), ("8 billion yuan", 8_000_000_000, "CNY"),
    ("€250 million", 250_000_000, "EUR"), ("US$3.7bn", 3_700_000_000, "USD"),
    ("HK$5 billion", 5_000_000_000, "HKD"), ("1.2 trillion won", 1_200_000_000_000, "KRW"),
])
def test_money(en, text, value, currency):
    assert en(f"The group raised {text} this week.")[0] == (
        text, "MONEY", {"value": value, "currency": currency})


def test_range_takes_the_scale_of_its_second_end(en):
    assert en("losses of $10-20 million")[0][2] == {"min": 10**7, "max": 2 * 10**7, "currency": "USD"}


def test_words_that_look_like_money(en):
    assert en("The team won 3 games and bought 5 pounds of flour.") == []


def test_dates(en):
    found = en("On Oct. 9, 2019 and 9 October 2019, in July, on Tuesday, last month and in Q3 2024.")
    assert [e[2]["value"] for e in found] == [
        "2019-10-09", "2019-10-09", "2021-07", "2021-11-23", "2021-10", "2024-Q3"]


def test_document_anchor_wins_over_run_anchor(en):
    assert en("Profits fell last year.", published="2019-06-01")[0][2]["value"] == "2018"
    assert en("Profits fell last year.")[0][2]["value"] == "2020"


@pytest.mark.parametrize("text", ["It took two years.", "for three months", "over the past year",
                                  "Executive Order 13873", "Section 1758 of ECRA",
                                  "Document number: 2025-21928", "May I ask?"])
def test_not_dates(en, text):
    assert [e for e in en(text) if e[1] == "DATE"] == []


def test_percent_and_counts(en):
    assert en("45 percent of the 24 entities and twenty-four companies") == [
        ("45 percent", "PERCENT", {"value": 45}),
        ("24 entities", "QUANTITY", {"value": 24, "unit": "entities"}),
        ("twenty-four companies", "QUANTITY", {"value": 24, "unit": "companies"}),
    ]


def test_types_setting_filters_output():
    import pipeline

    nlp = pipeline.load({"pipeline": {"stages": ["langid", "sentences", "patterns"]},
                         "patterns": {"types": ["MONEY"]}})
    doc = nlp("In 2019 it raised $5 million, up 45%.")
    assert [e.type for e in doc.entities] == ["MONEY"]


def test_unknown_type_is_a_config_error():
    import pipeline
    from pipeline.errors import ConfigError

    with pytest.raises(ConfigError, match="MONY"):
        pipeline.load({"pipeline": {"stages": ["langid", "sentences", "patterns"]},
                       "patterns": {"types": ["MONY"]}})


def test_last_and_next_month_names_move_the_year(en):
    found = en("Prices fell last November and will be reviewed next January.", published="2024-03-20")
    assert [(e[0], e[2]["value"]) for e in found] == [("last November", "2023-11"),
                                                      ("next January", "2025-01")]


def test_date_range_with_through(en):
    (ent,) = en("The rule is effective from Jan. 1, 2024, through Dec. 31, 2025.")
    assert ent[0] == "Jan. 1, 2024, through Dec. 31, 2025"
    assert ent[2]["start"]["value"] == "2024-01-01" and ent[2]["end"]["value"] == "2025-12-31"


def test_four_digit_counts_are_not_years(en):
    assert [e for e in en("Some 2000 employees and 1500 tons") if e[1] == "DATE"] == []


def test_day_ranges_and_between_amounts(en):
    assert en("The fair runs October 9-11, 2019.")[0][2]["end"]["value"] == "2019-10-11"
    assert en("Fines of between $1 billion and $2 billion")[0] == (
        "$1 billion and $2 billion", "MONEY", {"min": 10**9, "max": 2 * 10**9, "currency": "USD"})
