"""Chinese money, dates, percentages and counts from the patterns stage."""
from __future__ import annotations

import pytest

from conftest import patterns_runner


zh = patterns_runner("zh")


@pytest.mark.parametrize("text,value,currency", [
    ("80亿元", 8_000_000_000, "CNY"),
    ("八十亿元", 8_000_000_000, "CNY"),
    ("人民币3.27亿元", 327_000_000, "CNY"),
    ("1.5万亿美元", 1_500_000_000_000, "USD"),
    ("三千五百万美元", 35_000_000, "USD"),
    ("8914億元人民幣", 891_400_000_000, "CNY"),
    ("5亿港元", 500_000_000, "HKD"),
])
def test_money(zh, text, value, currency):
    assert zh(f"公司共投资{text}。") == [(text, "MONEY", {"value": value, "currency": currency})]


def test_bare_amount_needs_a_money_word(zh):
    assert zh("该公司被罚款两千万。")[0][2] == {"value": 20_000_000, "currency": "CNY"}
    assert zh("两千万人口") == []


def test_approx_and_ranges(zh):
    assert zh("约10至20亿元")[0][2] == {"min": 10**9, "max": 2 * 10**9, "currency": "CNY",
                                      "approx": True}
    assert zh("1000多万元")[0][2] == {"value": 10**7, "currency": "CNY", "approx": True}


def test_dates_absolute_and_relative(zh):
    found = zh("二〇一九年十月、2019 年 10 月 30 日、今年3月、上月、本周、美国商务部8日宣布、2019年下半年")
    assert [e[2]["value"] for e in found] == [
        "2019-10", "2019-10-30", "2021-03", "2021-10", "2021-W47", "2021-11-08", "2019-H2"]


def test_no_anchor_means_no_guessed_value(zh):
    assert zh("去年12月", None) == [("去年12月", "DATE", None)]


@pytest.mark.parametrize("text", ["三年来亏损", "持续三个月", "10日内提交", "商务部公告2025年第35号",
                                  "今日头条", "元旦"])
def test_not_dates(zh, text):
    assert [e for e in zh(text) if e[1] == "DATE"] == []


def test_percent(zh):
    assert [e[2] for e in zh("百分之四十五，4成，近三成，3个百分点，百分之三点五")] == [
        {"value": 45}, {"value": 40}, {"value": 30, "approx": True}, {"value": 3}, {"value": 3.5}]


def test_counts(zh):
    assert zh("美国将33家实体和12家美国实体列入清单")[:2] == [
        ("33家实体", "QUANTITY", {"value": 33, "unit": "实体"}),
        ("12家美国实体", "QUANTITY", {"value": 12, "unit": "实体"}),
    ]
    assert zh("这是一个重要的决定") == []


def test_full_date_range_and_same_day(zh):
    found = zh("他于2018年3月至2020年12月任职。美国商务部18日宣布新规，当天美股下跌。", "2024-03-20")
    assert found[0] == ("2018年3月至2020年12月", "DATE", {
        "start": {"value": "2018-03", "precision": "month"},
        "end": {"value": "2020-12", "precision": "month"}, "precision": "month"})
    assert [(e[0], e[2]["value"]) for e in found[1:]] == [("18日", "2024-03-18"), ("当天", "2024-03-18")]


def test_traditional_script_and_zhao(zh):
    assert zh("台積電去年營收達2.16兆新台幣。", "2024-03-20") == [
        ("去年", "DATE", {"value": "2023", "precision": "year"}),
        ("2.16兆新台幣", "MONEY", {"value": 2_160_000_000_000, "currency": "TWD"}),
    ]


def test_same_day_skips_planned_dates(zh):
    found = zh("BIS15日宣布新规。新规将于本月19日刊登。同日，BIS移除25家实体。", "2022-12-16")
    assert [(e[0], e[2]["value"]) for e in found if e[1] == "DATE"] == [
        ("15日", "2022-12-15"), ("本月19日", "2022-12-19"), ("同日", "2022-12-15")]
