"""Property tests: amounts, dates and percentages rendered in each language's styles parse back
to the same value; malformed numbers never crash and never yield a value."""
from __future__ import annotations

import datetime as dt
import re

from hypothesis import assume, given, settings, strategies as st

from pipeline import lang
from pipeline.lang.rules import Context, run, select
from pipeline.lang.numerals import parse_number

RULES = {code: lang.get(code).patterns for code in ("ko", "zh", "en")}
ANCHOR = dt.date(2021, 11, 25)
CN = "零一二三四五六七八九"
KO_CUR = {"원": "KRW", "달러": "USD", "위안": "CNY", "엔": "JPY", "유로": "EUR"}
ZH_CUR = {"元": "CNY", "美元": "USD", "港元": "HKD", "日元": "JPY", "欧元": "EUR"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def found(lang: str, text: str) -> list:
    return select(run(RULES[lang], text, Context(ANCHOR, lang)))


def only(lang: str, text: str, type_: str):
    got = [m for m in found(lang, text) if m.type == type_]
    assert len(got) == 1, (text, got)
    return text[got[0].start:got[0].end], got[0].norm


def cn_small(n: int) -> str:
    """1..9999 in Chinese numerals (一千零五, 十五 -> 一十五 is avoided)."""
    out, zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d:
            if zero and out:
                out += "零"
            out += ("" if (name == "十" and d == 1 and not out) else CN[d]) + name
            zero = False
        else:
            zero = True
    return out


def cn_number(n: int) -> str:
    """1..99,999,999,999 in Chinese numerals with 亿 and 万."""
    yi, wan, rest = n // 10**8, n // 10**4 % 10**4, n % 10**4
    out = ""
    for part, name in ((yi, "亿"), (wan, "万"), (rest, "")):
        if part:
            if out and part < 1000:
                out += "零"
            out += cn_small(part) + name
    return out


@given(st.integers(1, 99_999_999_999))
def test_chinese_numerals_round_trip(n):
    assert parse_number(cn_number(n)) == n


@given(st.integers(0, 99), st.integers(0, 9999), st.integers(0, 9999), st.integers(0, 9999),
       st.sampled_from(sorted(KO_CUR)), st.booleans(), st.booleans())
def test_korean_money_round_trip(jo, eok, man, rest, cur, commas, space):
    assume(jo or eok or man or rest)
    fmt = (lambda n: f"{n:,}") if commas else str
    parts = [f"{fmt(v)}{u}" for v, u in ((jo, "조"), (eok, "억"), (man, "만")) if v]
    amount = (" ".join(parts) if space else "".join(parts)) + (fmt(rest) if rest else "")
    text = f"정부는 {amount}{' ' if space else ''}{cur}를 지원했다."   # 1억 2000만 원, 7만9000원
    value = jo * 10**12 + eok * 10**8 + man * 10**4 + rest
    span, norm = only("ko", text, "MONEY")
    assert norm == {"value": value, "currency": KO_CUR[cur]}
    assert span.endswith(cur)


@given(st.integers(1, 99_999), st.integers(0, 9), st.sampled_from(["억", "만", "조"]),
       st.sampled_from(sorted(KO_CUR)))
def test_korean_decimal_units(whole, tenth, unit, cur):
    text = f"약정액은 {whole:,}.{tenth}{unit} {cur}이다." if tenth else f"약정액은 {whole:,}{unit} {cur}이다."
    scale = {"만": 10**4, "억": 10**8, "조": 10**12}[unit]
    _, norm = only("ko", text, "MONEY")
    assert norm == {"value": (whole * 10 + tenth) * scale // 10, "currency": KO_CUR[cur]}


@given(st.integers(1, 99_999_999_999), st.sampled_from(sorted(ZH_CUR)), st.booleans())
def test_chinese_money_round_trip(n, cur, numerals):
    assume(not (numerals and n == 1))            # 一元 alone is refused (一元化)
    yi, wan, rest = n // 10**8, n // 10**4 % 10**4, n % 10**4
    if numerals:
        amount = cn_number(n)
    else:
        amount = "".join(f"{v}{u}" for v, u in ((yi, "亿"), (wan, "万"), (rest, "")) if v)
    span, norm = only("zh", f"该公司投资{amount}{cur}。", "MONEY")
    assert norm == {"value": n, "currency": ZH_CUR[cur]}
    assert span == amount + cur


@given(st.integers(1, 9999), st.integers(0, 99), st.sampled_from(
    [("$", " million", 10**6, "USD"), ("€", "bn", 10**9, "EUR"), ("RMB ", " billion", 10**9, "CNY"),
     ("US$", "m", 10**6, "USD")]))
def test_english_money_round_trip(whole, cents, style):
    pre, scale_word, scale, code = style
    amount = f"{whole:,}.{cents:02d}" if cents else f"{whole:,}"
    _, norm = only("en", f"The firm raised {pre}{amount}{scale_word} last week.", "MONEY")
    assert norm == {"value": (whole * 100 + cents) * scale // 100, "currency": code}


@given(st.dates(dt.date(1950, 1, 1), dt.date(2049, 12, 31)), st.sampled_from(range(7)))
def test_dates_round_trip(d, style):
    lang, text = [
        ("ko", f"회의는 {d.year}년 {d.month}월 {d.day}일 열렸다."),
        ("ko", f"회의는 {d.year}. {d.month}. {d.day}. 열렸다."),
        ("zh", f"会议于{d.year}年{d.month}月{d.day}日召开。"),
        ("zh", "会议于" + "".join("〇一二三四五六七八九"[int(c)] for c in str(d.year)) + "年"
         + cn_small(d.month) + "月" + cn_small(d.day) + "日召开。"),
        ("en", f"The meeting was held on {MONTHS[d.month - 1]} {d.day}, {d.year}."),
        ("en", f"The meeting was held on {d.day} {MONTHS[d.month - 1]} {d.year}."),
        ("en", f"Effective date: {d.isoformat()}"),
    ][style]
    _, norm = only(lang, text, "DATE")
    assert norm == {"value": d.isoformat(), "precision": "day"}


@given(st.integers(0, 999), st.integers(0, 99), st.sampled_from(
    [("ko", "{} 퍼센트"), ("ko", "{}%"), ("zh", "{}%"), ("en", "{} percent"), ("en", "{}%")]))
def test_percent_round_trip(whole, frac, style):
    lang, fmt = style
    number = f"{whole}.{frac:02d}".rstrip("0").rstrip(".")
    _, norm = only(lang, "The rate: " + fmt.format(number) + " now" if lang == "en"
                   else "비율은 " + fmt.format(number) + "이다" if lang == "ko"
                   else "比例为" + fmt.format(number) + "。", "PERCENT")
    assert norm == {"value": float(number) if "." in number else int(number)}


@given(st.integers(1, 100))
def test_chinese_percent_words(n):
    _, norm = only("zh", f"比例为百分之{cn_small(n) if n < 100 else '一百'}。", "PERCENT")
    assert norm == {"value": n}


WELL_FORMED = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


@settings(max_examples=300)
@given(st.lists(st.text("0123456789", min_size=1, max_size=3), min_size=2, max_size=4),
       st.lists(st.sampled_from(".,"), min_size=3, max_size=3),
       st.sampled_from(["억원", "억 달러", "년", "%", "万元", "亿美元", " billion dollars", " percent",
                        "개 기관", "월", "日"]),
       st.sampled_from(["ko", "zh", "en"]))
def test_malformed_numbers_give_no_value(groups, seps, unit, lang):
    token = groups[0] + "".join(s + g for s, g in zip(seps, groups[1:]))
    assume(not WELL_FORMED.fullmatch(token))
    text = f"값은 {token}{unit} 이다" if lang == "ko" else f"The value {token}{unit} here"
    start = text.index(token)
    end = start + len(token)
    for m in found(lang, text):
        assert m.end <= start or m.start >= end, (text, text[m.start:m.end], m.norm)


def test_pathological_inputs_stay_linear():
    import time

    for lang, text in [("ko", "1억" * 3000), ("ko", "3조 " * 3000 + "원"), ("zh", "1亿" * 3000 + "元"),
                       ("zh", "十百千万" * 2000), ("en", "the end of " * 2000 + "2019")]:
        start = time.perf_counter()
        found(lang, text)
        assert time.perf_counter() - start < 1.0, (lang, text[:20])
