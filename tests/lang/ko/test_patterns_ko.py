"""Korean money, dates, percentages and counts from the patterns stage."""
from __future__ import annotations

import pytest

from conftest import patterns_runner


ko = patterns_runner("ko")


def test_units_separators_and_decimals(ko):
    assert ko("2,500억달러와 3,142.5만위안, 9억2천800만 달러") == [
        ("2,500억달러", "MONEY", {"value": 250_000_000_000, "currency": "USD"}),
        ("3,142.5만위안", "MONEY", {"value": 31_425_000, "currency": "CNY"}),
        ("9억2천800만 달러", "MONEY", {"value": 928_000_000, "currency": "USD"}),
    ]


def test_span_stops_before_particles(ko):
    (ent,) = ko("손실이 80억위안에 달했다.")
    assert ent[0] == "80억위안"
    (ent,) = ko("3조 원을 투입한다.")
    assert ent[0] == "3조 원"


def test_approx_and_ranges(ko):
    assert ko("약 10~20억 달러")[0][2] == {"min": 1_000_000_000, "max": 2_000_000_000,
                                          "currency": "USD", "approx": True}
    assert ko("1조여 원")[0][2] == {"value": 10**12, "currency": "KRW", "approx": True}


def test_a_decrease_is_two_amounts_not_a_range(ko):
    assert [e[2]["value"] for e in ko("110만 원에서 87만 원으로 내렸다.")] == [1_100_000, 870_000]


def test_relative_dates_follow_the_anchor(ko):
    found = ko("올해 3월, 지난해 12월, 지난 8일, 오는 3일, 지난달 14일, 내년 상반기", "2021-11-25")
    assert [e[2]["value"] for e in found] == [
        "2021-03", "2020-12", "2021-11-08", "2021-12-03", "2021-10-14", "2022-H1"]


def test_anchor_may_be_a_full_datetime(ko):
    assert ko("지난해", "2021-01-03T09:00:00+09:00")[0][2] == {"value": "2020", "precision": "year"}


def test_no_anchor_means_no_guessed_value(ko):
    found = ko("지난 8일 올해 3월에 2019년 10월 9일", None)
    assert found == [("지난 8일", "DATE", None), ("올해 3월", "DATE", None),
                     ("2019년 10월 9일", "DATE", {"value": "2019-10-09", "precision": "day"})]


@pytest.mark.parametrize("text", ["3개월간 조사", "2년 동안", "5일간 열린다", "10년 만에", "3일째 파업",
                                  "5일 전에 떠났다"])
def test_durations_are_not_dates(ko, text):
    assert [e for e in ko(text) if e[1] == "DATE"] == []


def test_article_numbers_and_words_are_not_amounts(ko):
    assert ko("제3조에 따라 원장이 엔진을 점검했다.") == []


def test_percent_forms(ko):
    assert [e[2] for e in ko("31.4 퍼센트, 3%p, 0.25%포인트, 3할 2푼")] == [
        {"value": 31.4}, {"value": 3}, {"value": 0.25}, {"value": 32}]


def test_counts(ko):
    assert ko("44개 기관과 두 곳, 직원 12명")[:3] == [
        ("44개 기관", "QUANTITY", {"value": 44, "unit": "기관"}),
        ("두 곳", "QUANTITY", {"value": 2, "unit": "곳"}),
        ("12명", "QUANTITY", {"value": 12, "unit": "명"}),
    ]


def test_latin_forms_inside_korean(ko):
    assert ko("화웨이는 $1.2 billion을 2019-10-09에 투자했다.") == [
        ("$1.2 billion", "MONEY", {"value": 1_200_000_000, "currency": "USD"}),
        ("2019-10-09", "DATE", {"value": "2019-10-09", "precision": "day"}),
    ]


def test_default_pipeline_end_to_end(nlp):
    doc = nlp("삼성전자는 올해 3월 24.5억달러를 투자했다.", published="2021-11-25")
    got = {(e.type, e.text): e.norm for e in doc.entities if e.source == "rule"}
    assert got[("MONEY", "24.5억달러")] == {"value": 2_450_000_000, "currency": "USD"}
    assert got[("DATE", "올해 3월")] == {"value": "2021-03", "precision": "month"}


def test_that_day_counts_from_the_latest_dated_event(ko):
    found = ko("미 상무부는 19일 규정을 발표했다. 이날 주가는 떨어졌고 전날에는 올랐다.", "2024-03-20")
    assert [(e[0], e[2]["value"]) for e in found] == [
        ("19일", "2024-03-19"), ("이날", "2024-03-19"), ("전날", "2024-03-18")]
    assert ko("이날 코스피는 올랐다.", "2024-03-20")[0][2]["value"] == "2024-03-20"
    assert ko("이날 코스피는 올랐다.", None)[0][2] is None


def test_two_full_dates_joined_by_a_tilde_are_one_range(ko):
    (ent,) = ko("기간은 2021년 3월 5일~2021년 4월 5일이다.")
    assert ent[2] == {"start": {"value": "2021-03-05", "precision": "day"},
                      "end": {"value": "2021-04-05", "precision": "day"}, "precision": "day"}


def test_symbol_with_korean_units_and_year_end(ko):
    assert ko("$5억 규모의 연말 투자", "2024-03-20") == [
        ("$5억", "MONEY", {"value": 500_000_000, "currency": "USD"}),
        ("연말", "DATE", {"value": "2024", "precision": "year"}),
    ]
    assert ko("2분기 연속 적자") == []
