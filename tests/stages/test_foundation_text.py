"""Cleaning, language identification and sentence splitting in the three languages."""
from __future__ import annotations

import pytest

from pipeline.langid import detect
from pipeline.segment import split_sentences
from pipeline.stages.clean import byline_date, classify_line, url_date


@pytest.mark.parametrize("text, lang", [
    ("미국 상무부가 하이크비전(海康威視)을 수출 블랙리스트에 올렸다.", "ko"),
    ("삼성전자(Samsung Electronics)와 SK하이닉스(SK hynix)는 미국 정부로부터 VEU 지위를 받았다.", "ko"),
    ("美国商务部将海康威视列入实体清单。", "zh"),
    ("美國商務部將海康威視列入實體清單。", "zh"),
    ("美国商务部周一将Hikvision和Dahua列入Entity List。", "zh"),
    ("The Commerce Department added Hikvision (海康威视) to the Entity List.", "en"),
    ("米商務省は華為技術をエンティティリストに追加した。", "ja"),
    ("Министерство торговли США внесло компанию в список.", "ru"),
    ("12345 67890 !!!", "und"),
    ("Le ministère a ajouté des entreprises chinoises à sa liste noire aujourd'hui.", "und"),
])
def test_detect(text, lang):
    assert detect(text) == lang


def _sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_korean_sentences_keep_dotted_dates():
    text = "미국 상무부가 하이크비전을 올렸다. 2021. 3. 5. 기준이다. 중국은 반발했다."
    assert _sents(text) == ["미국 상무부가 하이크비전을 올렸다.", "2021. 3. 5. 기준이다.", "중국은 반발했다."]


def test_korean_sentences_split_where_a_scraped_page_lost_the_space():
    text = "이란 당국자들을 대거 제재했습니다.미 재무부는 이날 밝혔다.“OFAC은” 설명했다. 3.5%다."
    assert _sents(text) == ["이란 당국자들을 대거 제재했습니다.", "미 재무부는 이날 밝혔다.", "“OFAC은” 설명했다.", "3.5%다."]


def test_chinese_sentences_split_after_closing_quotes():
    text = "商务部表示：“坚决反对。”美方应立即纠正！双方将继续沟通？"
    assert _sents(text) == ["商务部表示：“坚决反对。”", "美方应立即纠正！", "双方将继续沟通？"]


def test_english_abbreviations_do_not_end_sentences():
    text = "The U.S. Commerce Dept. added Hikvision on Oct. 7, 2019. Mr. Ross said so. It was final."
    assert _sents(text) == ["The U.S. Commerce Dept. added Hikvision on Oct. 7, 2019.",
                            "Mr. Ross said so.", "It was final."]


def test_lines_are_boundaries_and_offsets_index_the_text():
    text = "  Title line\n\n첫 문장이다. 둘째 문장이다.\n第三句。"
    spans = list(split_sentences(text))
    assert [text[s:e] for s, e in spans] == ["Title line", "첫 문장이다.", "둘째 문장이다.", "第三句。"]


def test_overlong_run_is_cut():
    text = "가" * 5000
    spans = list(split_sentences(text, max_chars=2000))
    assert [e - s for s, e in spans] == [2000, 2000, 1000]


@pytest.mark.parametrize("line, reason", [
    ("홈 > 국제 > 미국 > 경제", "navigation"),
    ("Home | World | Business | Tech", "navigation"),
    ("by 김기자 2021. 3. 5.", "byline"),
    ("记者 张伟 2021年3月5日", "byline"),
    ("kim@example.co.kr", "byline"),
    ("<저작권자 ⓒ 연합뉴스, 무단 전재-재배포 금지>", "boilerplate"),
    ("版权所有 未经授权不得转载", "boilerplate"),
    ("미국 상무부는 화웨이를 블랙리스트에 올렸다.", None),
    ("The Commerce Department said the move protects national security.", None),
])
def test_classify_line(line, reason):
    assert classify_line(line) == reason


@pytest.mark.parametrize("line, value", [
    ("by 김기자 2021. 3. 5.", "2021-03-05"),
    ("입력 2019.10.08 14:22", "2019-10-08"),
    ("记者 张伟 2021年3月5日", "2021-03-05"),
    ("by 김기자 2021. 13. 45.", None),
])
def test_byline_date(line, value):
    assert byline_date(line) == value


def test_clean_fills_published_from_byline_only_when_missing(nlp):
    text = "홈 > 국제 > 미국\n미국 상무부가 발표했다.\nby 김기자 2021. 3. 5."
    doc = nlp(text)
    assert doc.meta["published"] == "2021-03-05"
    assert [r.reason for r in doc.skipped] == ["navigation", "byline"]
    assert [text[s.start:s.end] for s in doc.sentences] == ["미국 상무부가 발표했다."]
    assert nlp(text, published="2020-01-01").meta["published"] == "2020-01-01"


@pytest.mark.parametrize("url, value", [
    ("https://americanmilitarynews.com/2021/06/biden-extends-trump-eo-bans-59-chinese-firms", "2021-06"),
    ("https://www.reuters.com/world/china/china-adds-us-firms-unreliable-entity-list-2024-10-09/", "2024-10-09"),
    ("http://www.xinhuanet.com/world/2019-05/16/c_1124502001.htm", "2019-05-16"),
    ("https://news.cn/20240315/abc.html", "2024-03-15"),
    ("https://www.hankyung.com/article/2021/03/15/foo", "2021-03-15"),
    ("https://v.daum.net/v/20230509173316301", "2023-05-09"),     # a day, then the time to the ms
    ("https://tw.aboluowang.com/2023/0220/1869025.html", "2023-02-20"),
    ("http://daily.hankooki.com/lpage/world/202008/dh20200801124956138430.htm", "2020-08"),
    ("https://tass.com/world/1238149", None),                 # an article number is no date
    ("https://www.scmp.com/news/china/article/3023815/us-imposes-sanctions", None),
    ("https://example.com/2021/13/foo", None),
])
def test_url_date(url, value):
    assert url_date(url) == value


def test_clean_reads_the_url_date_after_the_byline(nlp):
    url = "https://americanmilitarynews.com/2021/06/biden-extends-trump-eo"
    text = "On Thursday, the Commerce Department added Hikvision to the Entity List."
    assert nlp(text, url=url).meta["published"] == "2021-06"
    assert nlp(text + "\nby Kim 2021. 6. 4.", url=url).meta["published"] == "2021-06-04"
    assert nlp(text, url=url, published="2021-06-03").meta["published"] == "2021-06-03"


@pytest.mark.parametrize("text, value", [
    (" date 2021-03 (德国之声中文网)欧盟外长会议本周一(3月22日)正式通过对中国多个官员的制裁。", "2021-03"),
    ("date 2022-05-28 The US Treasury sanctioned Air Koryo Trading Corporation.", "2022-05-28"),
    ("date 2021-13 미국 재무부는 제재를 발표했다.", None),                  # no such month
    ("The EU update date 2021-03 was moved.", None),                        # a stamp opens the page
])
def test_a_page_date_stamp_gives_the_publication_date_or_month(nlp, text, value):
    assert nlp(text).meta.get("published") == value


def test_a_month_stamp_anchors_the_dates_of_the_article(nlp):
    doc = nlp(" date 2021-03 (德国之声中文网)欧盟外长会议本周一(3月22日)正式通过对中国多个官员的制裁。")
    assert [(e.text, e.norm["value"]) for e in doc.entities if e.type == "DATE" and e.norm] == [("3月22日", "2021-03-22")]
