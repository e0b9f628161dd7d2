"""Korean grammar: money (24.5억 달러, 3조 5000억원, 약 10~20억 달러), dates (2018년 8월,
지난 8일, 올해 1분기, 지난달 14일), percentages (31.4 퍼센트, 3%p) and counts (44개 기관, 두 곳).

Spans stop before particles (``80억위안에`` gives ``80억위안``). Durations (3개월간, 2년 동안,
5일째) are not dates.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..rules import (Context, Match, Rule, amount_norm, anchor_year, context_day, context_money,
                     date_handler, range_handler)
from .. import dates as D
from ..numerals import KO_NATIVE, KO_NATIVE_RX, NUM, parse_number, parse_range, signed

_UNITS = "십백천만억조"
#: an amount in digits and Korean units: 2,500억 / 3조 5000억 / 9억2천800만 / 100여억 / 1조여
KNUM = (rf"(?<!제){NUM}여?(?:[{_UNITS}]++여?"
        rf"(?:{NUM}|[ ]{NUM}(?=[ ]?[{_UNITS}])|[ ]\d{{1,4}}(?![\d,.]|\s?[년월일시분]))?){{0,6}}+")   # possessive and bounded: linear time
_RANGE = r"\s?[~∼～〜\-–]\s?"
#: what joins two dates into a range: 2021년 3월 5일~2021년 4월 5일
RANGE_SEP = re.compile(_RANGE)
_APPROX_PRE = r"(?:(?P<approx>약|대략|대략적으로|어림잡아)\s?)?"
_APPROX_POST = r"(?P<approx2>\s?(?:가량|안팎|남짓|내외|정도))?"

CURRENCIES = {
    "원": "KRW", "원화": "KRW", "달러": "USD", "미 달러": "USD", "미달러": "USD",
    "미국 달러": "USD", "US달러": "USD", "위안": "CNY", "위안화": "CNY",
    "엔": "JPY", "엔화": "JPY", "유로": "EUR", "파운드": "GBP", "홍콩달러": "HKD",
    "홍콩 달러": "HKD", "대만달러": "TWD", "대만 달러": "TWD", "호주달러": "AUD",
    "호주 달러": "AUD", "캐나다달러": "CAD", "캐나다 달러": "CAD", "싱가포르달러": "SGD",
    "싱가포르 달러": "SGD", "불": "USD", "인민폐": "CNY", "루블": "RUB", "루피": "INR", "스위스프랑": "CHF", "프랑": "CHF",
}
_CUR_RX = "|".join(re.escape(c) for c in sorted(CURRENCIES, key=len, reverse=True))
#: a currency word ends the amount unless a longer word continues it (원장, 엔진).
_CUR_END = r"(?!(?<=원)[장전유자칙래료])(?!(?<=엔)[진터])(?!(?<=불)[법구가허안만편참황확리출발씨꽃길과])"
_PREFIX = {"미화": "USD", "인민폐": "CNY", "위안화": "CNY", "엔화": "JPY", "원화": "KRW"}

MONEY = re.compile(
    _APPROX_PRE + r"(?:(?P<pre>미화|인민폐|위안화|엔화|원화)\s?)?"
    rf"(?P<num>{KNUM})(?:\s?(?:{_CUR_RX})?{_RANGE}(?P<num2>{KNUM}))?"
    rf"\s?(?P<cur>{_CUR_RX}){_CUR_END}" + _APPROX_POST)

#: an amount with a big unit and no currency, after a money word: 매출 3조, 투자 규모는 300억
CONTEXT_MONEY = re.compile(
    r"(?:매출액?|영업이익|순이익|순손실|이익|손실|투자액?|자금|예산|금액|규모|벌금|과징금|시가총액|"
    r"자산|부채|수익|비용|가격|보상금|지원금|배상금|기금|몸값|액수)(?:[은는이가을를도]|\s|\s?[가-힣]{1,3}\s)"
    rf"{_APPROX_PRE}(?P<num>{KNUM})(?=[을를이가은는에의도로과와,.\s)]|$)(?!\s?(?:{_CUR_RX}))")

_COUNTERS = (r"(?:명|개|곳|건|톤|배|가구|마리|대|주|표|회|번|장|권|병|채|평|부|편|뷰|점|살|세|년|"
              r"개월|일|시간|분|초|배럴|가지|종|달|인|위|등|차|쪽|발|알|그루|켤레|벌|세대|호|석|"
              r"[A-Za-z㎾㎿㎡ℓ%％]|퍼센트|광년|가입자|회원|관객|인구|명분|원|달러|위안|엔|유로)")
#: an amount in 억/조 with no currency and no counter is Korean money in running news text
BARE_MONEY = re.compile(
    rf"{_APPROX_PRE}(?P<num>{KNUM})(?![\d,.{_UNITS}여])(?!\s?{_COUNTERS})")
#: 수십억 원, 수조원, 몇백만 달러: an amount with no exact value
VAGUE_MONEY = re.compile(rf"(?<![가-힣])(?:수|몇)(?:십|백|천)?\s?[만억조]?\s?(?P<cur>{_CUR_RX}){_CUR_END}")
#: 5할, 3할 2푼 5리 (tenths of a whole)
HAL = re.compile(r"(?<![\d.])(?P<hal>\d)할(?![인당증부])(?:\s?(?P<pun>\d)푼)?(?:\s?(?P<ri>\d)리)?")
YEAR_BARE = re.compile(
    r"(?<![\d.,\w-])(?P<y>19[5-9]\d|20[0-4]\d)(?=\s[가-힣A-Za-z]|\s?시즌|[,)’'\"])"
    rf"(?!\s?{_COUNTERS})")

PERCENT = re.compile(
    _APPROX_PRE + rf"(?:(?P<num>[-+−]?{NUM})\s?(?:%|％|퍼센트|프로)?{_RANGE})?"
    rf"(?P<num2>[-+−]?{NUM})\s?(?:%|％|퍼센트|프로(?![가-힣]))(?:\s?포인트|[pP](?![A-Za-z]))?"
    + _APPROX_POST)

_NOUNS = ("기관|기업|업체|회사|단체|법인|대학|연구소|연구기관|개인|조직|은행|선박|항공사|"
          "계열사|자회사|기술|품목|실체|단체|국가")
QUANTITY = re.compile(
    r"(?=[\d한두세네다여일아열스약])" + _APPROX_PRE +
    rf"(?:(?P<num>{KNUM})|(?<![가-힣])(?P<native>{KO_NATIVE_RX}))\s?"
    r"(?P<counter>개사|개국|개(?![발정혁선최편방입월년])|곳|명(?![단령칭시확예])|건(?![설물강])|社)"
    rf"(?:\s?(?P<noun>{_NOUNS}))?")

# ---- dates --------------------------------------------------------------------------------
_REL_YEAR = {"올해": 0, "금년": 0, "올": 0, "작년": -1, "지난해": -1, "지난 해": -1, "내년": 1,
             "재작년": -2, "내후년": 2}
_REL_MONTH = {"이번 달": 0, "이번달": 0, "이달": 0, "지난달": -1, "지난 달": -1, "전달": -1,
              "다음 달": 1, "다음달": 1, "내달": 1}
_DIR = {"지난": -1, "오는": 1, "이번": 0, None: 0}
#: after 일: not a duration (5일간, 3일 동안, 5일째, 10일 만에, 3일 전에) nor 일본
_DAY_END = (r"(?!간|째|만|치|분|본|시|반)"
            r"(?!\s?(?:동안|이내|내로|이상|가량|정도|사이|만에|(?:전|후|뒤)(?:[에의엔]|부터|까지)?)(?![가-힣]))")
_MONTH_END = r"(?!\s?(?:간|동안|째))"
_QUARTER = r"(?P<{}>[1-4])\s?(?:·\s?4\s?|/4\s?|사)?분기(?!\s?(?:연속|째|만에))"   # not 2분기 연속
_SUFFIX = r"(?P<suf>\s?(?:초|말|중순|초순|하순|상순)(?![가-힣])|께|경)?"

DATE = re.compile(
    r"(?=[\d지오이올금작내재다'’‘상하])"        # fail fast where no date can start
    r"(?:(?P<dir>지난|오는|이번)\s?)?(?:"
    r"(?:(?<![\d.])(?<!\d,)(?P<y>(?:19|20)\d\d)\s?년(?!대|\s?(?:간|동안|째|만에))|(?P<qy>['’‘]\d\d|(?<![\d.])[4-9]\d(?=년\s?\d{1,2}\s?월))년|"
    r"(?P<ry>올해|금년|작년|지난해|지난 해|내년|재작년|내후년|올))"
    rf"(?:\s?(?P<m>\d{{1,2}})\s?월{_MONTH_END}(?:\s?(?P<d>\d{{1,2}})\s?일{_DAY_END})?"
    r"|\s?(?P<h>[상하])반기|\s?" + _QUARTER.format("q") + ")?"
    r"|(?P<rm>이번 ?달|이달|지난 ?달|다음 ?달|내달)(?:\s?(?P<d2>\d{1,2})\s?일" + _DAY_END + ")?"
    rf"|(?<![\d.])(?<!\d,)(?P<m2>\d{{1,2}})\s?월{_MONTH_END}(?:\s?(?P<d3>\d{{1,2}})\s?일{_DAY_END})?"
    rf"|(?<![\d.])(?<!\d,)(?P<d4>\d{{1,2}})\s?일{_DAY_END}"
    r"|(?P<h2>[상하])반기|" + _QUARTER.format("q2") +
    ")" + _SUFFIX)

DATE_RANGE = re.compile(
    r"(?<![\d.])(?<!\d,)(?:(?P<y>(?:19|20)\d\d)\s?(?:년\s?)?[~∼～〜\-–]\s?(?P<y2>(?:19|20)\d\d)\s?년(?!대|\s?(?:간|동안))"
    r"|(?:(?P<ym>(?:19|20)\d\d)\s?년\s?|(?P<rym>올해|금년|작년|지난해|내년)\s?)?(?P<m>\d{1,2})\s?(?:월\s?)?[~∼～〜\-–]\s?(?P<m2>\d{1,2})\s?월"
    rf"{_MONTH_END}"
    r"|(?:(?P<rdir>지난|오는|이번)\s?)?(?:(?P<yd>(?:19|20)\d\d)\s?년\s?)?(?:(?P<md>\d{1,2})\s?월\s?)?"
    r"(?P<d>\d{1,2})\s?(?:일\s?)?"
    rf"[~∼～〜\-–]\s?(?P<d2>\d{{1,2}})\s?일{_DAY_END})")

_WEEKDAYS = "월화수목금토일"
_REL_WEEK = {"이번 주": 0, "이번주": 0, "금주": 0, "지난주": -1, "지난 주": -1, "다음 주": 1,
             "다음주": 1}
_REL_DAY = {"오늘": 0, "어제": -1, "내일": 1, "그저께": -2, "그제": -2, "모레": 2}
DAY_WORDS = re.compile(
    r"(?:(?:(?P<dir>지난|오는|이번)\s?)?(?:(?P<wk>이번 ?주|금주|지난 ?주|다음 ?주)\s?)?"
    r"(?P<wd>[월화수목금토일])요일"
    r"|(?P<wk2>이번 ?주|금주|지난 ?주|다음 ?주)(?![가-힣])"
    r"|(?<![가-힣])(?P<dw>오늘|어제|내일|그저께|그제|모레)(?![가-힣]{2}))")


def _approx(m: re.Match[str]) -> bool:
    g = m.groupdict()
    return bool(g.get("approx") or g.get("approx2") or "여" in (g.get("num") or ""))


def _value(text: str | None):
    return None if text is None else parse_number(text.replace("여", ""))


def _money(m: re.Match[str], ctx: Context) -> Match | None:
    cur = CURRENCIES[m.group("cur")]
    if m.group("cur") in ("불", "유로") and re.fullmatch(r"(?:19|20)\d\d\s", m.group("num") + m.string[m.end("num"):m.start("cur")]):
        return None                        # 2008 유로 (the tournament), 2017 불
    if m.group("pre") and _PREFIX[m.group("pre")] != cur and cur != "KRW":
        return None
    if m.group("num2"):
        low, high = parse_range(m.group("num").replace("여", ""), m.group("num2").replace("여", ""))
        norm = amount_norm("value", low, high, _approx(m), currency=cur)
    else:
        norm = amount_norm("value", _value(m.group("num")), None, _approx(m), currency=cur)
    return Match(m.start(), m.end(), "MONEY", norm, 1.0 if norm else 0.5) if norm else None


def _bare_money(m: re.Match[str], ctx: Context) -> Match | None:
    num = m.group("num")
    if not re.search("[억조]", num):
        return None
    norm = amount_norm("value", _value(num), None, _approx(m), currency="KRW")
    return Match(m.start(), m.end(), "MONEY", norm, 0.6) if norm else None


def _vague_money(m: re.Match[str], ctx: Context) -> Match | None:
    if not re.search("[십백천만억조]", m.group(0)):
        return None
    norm = {"currency": CURRENCIES[m.group("cur")], "approx": True}
    return Match(m.start(), m.end(), "MONEY", norm, 0.6)


def _hal(m: re.Match[str], ctx: Context) -> Match | None:
    value = Decimal(m.group("hal")) * 10 + int(m.group("pun") or 0) + Decimal(m.group("ri") or 0) / 10
    return Match(m.start(), m.end(), "PERCENT", amount_norm("value", value), 0.8)


def _year_bare(m: re.Match[str], ctx: Context) -> Match | None:
    return Match(m.start(), m.end(), "DATE", D.year(int(m.group("y"))), 0.7)


def _percent(m: re.Match[str], ctx: Context) -> Match | None:
    norm = amount_norm("value", signed(m.group("num") or m.group("num2")),
                       signed(m.group("num2")) if m.group("num") else None, _approx(m))
    return Match(m.start(), m.end(), "PERCENT", norm) if norm else None


def _quantity(m: re.Match[str], ctx: Context) -> Match | None:
    if m.group("native"):
        value = KO_NATIVE[m.group("native")]
    else:
        value = _value(m.group("num"))
    if value is None:
        return None
    unit = m.group("noun") or m.group("counter")
    norm = amount_norm("value", value, None, _approx(m), unit=unit)
    return Match(m.start(), m.end(), "QUANTITY", norm, 1.0 if m.group("num") else 0.8)


def _int(text: str | None) -> int | None:
    return None if text is None else int(text)


def _date_parts(m: re.Match[str]) -> D.DateParts | None:
    g = m.groupdict()
    if g["ry"] == "올" and not (g["m"] or g["h"] or g["q"]):
        return None
    year = _int(g["y"])
    if g["qy"]:
        short = int(g["qy"].lstrip("'’‘"))
        year = (2000 if short < 50 else 1900) + short
    half = g["h"] or g["h2"]
    return D.DateParts(
        year=year, years_away=_REL_YEAR.get(g["ry"]), months_away=_REL_MONTH.get(g["rm"]),
        month=_int(g["m"] or g["m2"]), day=_int(g["d"] or g["d2"] or g["d3"] or g["d4"]),
        half=(1 if half == "상" else 2) if half else None, quarter=_int(g["q"] or g["q2"]),
        direction=_DIR[g["dir"]], marked=bool(g["suf"]))


def _range_parts(m: re.Match[str]) -> tuple[D.DateParts, int]:
    g = m.groupdict()
    if g["y2"]:
        return D.DateParts(year=int(g["y"])), int(g["y2"])
    if g["m2"]:
        return D.DateParts(year=_int(g["ym"]), years_away=_REL_YEAR.get(g["rym"]),
                           month=int(g["m"])), int(g["m2"])
    return D.DateParts(year=_int(g["yd"]) if g["md"] else None, month=_int(g["md"]),
                       day=int(g["d"]), direction=_DIR[g["rdir"]]), int(g["d2"])


def _day_words(m: re.Match[str], ctx: Context) -> Match | None:
    g = m.groupdict()
    week = g["wk"] or g["wk2"]
    norm = D.nearby(ctx.anchor, weeks=_REL_WEEK[week] if week else None,
                    weekday=_WEEKDAYS.index(g["wd"]) if g["wd"] else None,
                    days=_REL_DAY.get(g["dw"], 0), direction=_DIR[g["dir"]])
    return Match(m.start(), m.end(), "DATE", norm, 0.9 if norm else 0.7)


#: 연말, 연초 alone: this year's end or start (the anchor's year)
YEAR_PART = re.compile(r"(?:(?<![가-힣])올\s?)?(?<![가-힣])연[말초](?!정산|연시|결산|특수|보너스|모임|행사)")



#: 이날 ("that day"), 전날, 이튿날: resolved by the stage from the article's context
SAME_DAY = re.compile(r"(?<![가-힣])(?:이 ?날|전날|다음 ?날|이튿날)")



_DIGIT = re.compile(r"\d")
RULES: list[Rule] = [
    Rule(MONEY, _money, _DIGIT),
    Rule(CONTEXT_MONEY, context_money("KRW", "만억조", _value, _approx), _DIGIT),
    Rule(BARE_MONEY, _bare_money, re.compile("[억조]")), Rule(VAGUE_MONEY, _vague_money, re.compile("[수몇]")),
    Rule(PERCENT, _percent, re.compile("[%％퍼프]")), Rule(HAL, _hal, re.compile("할")),
    Rule(QUANTITY, _quantity), Rule(DATE, date_handler(_date_parts)),
    Rule(DATE_RANGE, range_handler(_range_parts, anchor_month=True), re.compile("[~∼～〜\\-–]")),
    Rule(DAY_WORDS, _day_words, re.compile("요일|주|오늘|어제|내일|그제|그저께|모레")),
    Rule(YEAR_BARE, _year_bare, re.compile(r"\d{4}")),
    Rule(SAME_DAY, context_day, re.compile("날")),
    Rule(YEAR_PART, anchor_year, re.compile("연[말초]")),
]
