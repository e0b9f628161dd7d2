"""Chinese grammar (simplified and traditional): money (80亿元, 八十亿元, 人民币3.27亿元,
1.5万亿美元, 约10至20亿元), dates (2018年8月1日, 二〇一九年十月, 今年3月, 上月, 本周, 8日,
2019年下半年, 第三季度), percentages (百分之四十五, 4成, 3个百分点) and counts (33家实体).

Durations (三年来, 三个月, 10日内) are not dates.
"""
from __future__ import annotations

import re

from ..rules import (Context, Match, Rule, amount_norm, anchor_year, context_day, context_money,
                     date_handler, range_handler)
from .. import dates as D
from ..numerals import NUM, parse_number, parse_range, signed

_CN = "〇零一二两兩三四五六七八九十百千万萬亿億兆拾佰仟"
_CN_UNITS = "十百千万萬亿億拾佰仟"
#: a number in digits and/or Chinese numerals: 3.27亿 / 八十亿 / 1000多万 / 3亿5000万
ZNUM = (rf"(?:{NUM}|[{_CN}]{{1,24}}+(?:[点點][〇零一二三四五六七八九]{{1,8}})?(?!\d))"
        rf"(?:[多余餘]?(?:{NUM}|\s?[{_CN}]{{1,24}}+)){{0,8}}+[多余餘]?")   # possessive, bounded
_RANGE = r"\s?(?:至|到|~|～|-|–|—)\s?"
#: what joins two dates into a range: 2018年3月至2020年12月
RANGE_SEP = re.compile(_RANGE)
_APPROX = r"(?:(?P<approx>约为|約為|约合|約合|约|約|近|大约|大約|将近|將近|接近|大概)\s?)?"

CURRENCIES = {
    "元": "CNY", "圆": "CNY", "块": "CNY", "块钱": "CNY", "元人民币": "CNY", "人民币": "CNY",
    "人民幣": "CNY", "美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "港幣": "HKD",
    "日元": "JPY", "日圆": "JPY", "欧元": "EUR", "歐元": "EUR", "英镑": "GBP", "英鎊": "GBP",
    "韩元": "KRW", "韓元": "KRW", "韩币": "KRW", "卢布": "RUB", "盧布": "RUB", "新台币": "TWD",
    "新台幣": "TWD", "台币": "TWD", "澳元": "AUD", "加元": "CAD", "瑞郎": "CHF",
    "瑞士法郎": "CHF", "新加坡元": "SGD", "新元": "SGD", "卢比": "INR", "澳门元": "MOP",
}
_CUR_RX = "|".join(sorted(CURRENCIES, key=len, reverse=True))
_PREFIX = {"人民币": "CNY", "人民幣": "CNY", "RMB": "CNY", "CNY": "CNY", "美元": "USD",
           "港币": "HKD", "港元": "HKD", "US$": "USD", "$": "USD", "HK$": "HKD",
           "￥": "CNY", "¥": "CNY"}

MONEY = re.compile(
    _APPROX + r"(?:(?P<pre>人民币|人民幣|RMB|CNY|美元|港币|港元|US\$|HK\$|\$|￥|¥)\s?)?"
    rf"(?P<num>{ZNUM})(?:\s?(?:{_CUR_RX})?{_RANGE}(?P<num2>{ZNUM}))?"
    rf"\s?(?P<cur>{_CUR_RX})?(?P<post>人民币|人民幣)?(?![旦月宵首帅素件器老])")

CONTEXT_MONEY = re.compile(
    r"(?:营收|营业收入|收入|利润|净利润?|投资|融资|资金|罚款|罚金|金额|规模|市值|资产|估值|预算|成本|"
    r"亏损|营业额|销售额|赔偿|补贴|募资|交易额|总额)(?:为|达|达到|约|超过?|逾|高达|共计|合计|是|了)?"
    rf"{_APPROX}(?P<num>{ZNUM})(?![\d{_CN}]|\s?(?:{_CUR_RX}|[个家名位人年月日号%％]))")

PERCENT = re.compile(
    _APPROX + rf"(?:(?P<num>[-+−]?{NUM})\s?[%％]?{_RANGE})?(?P<num2>[-+−]?{NUM})\s?(?:[%％]|个百分点)"
    rf"|{_APPROX.replace('approx', 'approx2')}百分之(?P<cn>[{_CN}]+(?:[点點][〇零一二三四五六七八九]+)?|{NUM})"
    rf"|{_APPROX.replace('approx', 'approx3')}(?P<cheng>\d|[一二两三四五六七八九])成"
    r"(?![功为為立本员員交绩績长長熟果都年人品型像效绩就])(?P<cheng_more>多)?")

_NOUNS = ("实体|實體|企业|企業|公司|机构|機構|单位|單位|个人|個人|高校|大学|大學|研究所|研究院|组织|組織|"
          "银行|銀行|船舶|航空公司|子公司|实体清单")
QUANTITY = re.compile(
    _APPROX + rf"(?P<num>{ZNUM})\s?"
    r"(?P<counter>家|[个個](?!月|小时|小時|星期|工作日|交易日|季度|百分点|百分點|基点|基點|半月|礼拜|禮拜)"
    r"|名|所|项|項|位|人|条|條|艘|架|批)"
    rf"(?:[\u4e00-\u9fff]{{0,4}}?(?P<noun>{_NOUNS}))?")   # 12家美国实体, 3家军工企业

# ---- dates --------------------------------------------------------------------------------
_CD = "〇零一二三四五六七八九"
_YEAR = (rf"(?<![\d.])(?<!\d,)(?P<{{}}>(?:19|20)\d\d|[{_CD}]{{{{4}}}})\s?年(?![代内內间間来來])"
         r"(?!第\s?[\d一二三四五六七八九十百]+\s?号)")   # 公告2025年第35号 is a number
_MONTH_N = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY_N = r"3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_REL_YEAR = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1, "前年": -2, "后年": 2,
             "後年": 2}
_REL_MONTH = {"本月": 0, "当月": 0, "當月": 0, "这个月": 0, "上月": -1, "上个月": -1,
              "上個月": -1, "下月": 1, "下个月": 1, "下個月": 1}
_SUFFIX = r"(?P<suf>年?[初底末]|[上中下]旬)?"
_QUARTER = r"(?<![前头頭])第?(?P<{}>[一二三四1-4])季度"   # 前3季度 is Q1-Q3

DATE = re.compile(
    r"(?:"
    r"(?:" + _YEAR.format("y") + r"|(?P<ry>今年|本年|去年|上年|明年|前年|后年|後年))"
    rf"(?:\s?(?P<m>{_MONTH_N})\s?月份?(?:\s?(?P<d>{_DAY_N})\s?[日号號](?![元本内內后後来來间間]))?"
    r"|(?P<h>上|下)半年|\s?" + _QUARTER.format("q") + r")?"
    rf"|(?P<rm>本月|当月|當月|这个月|上个?月|上個月|下个?月|下個月)(?:(?P<d2>{_DAY_N})\s?[日号號](?![元本内内后後来來间間]))?"
    rf"|(?<![\d{_CN}个個第.])(?<!\d,)(?P<m2>{_MONTH_N})\s?月份?(?:\s?(?P<d3>{_DAY_N})\s?[日号號](?![元本内內后後来來间間]))?"
    r"|(?<![\d.第])(?<!\d,)(?P<d4>3[01]|[12]\d|0?[1-9])\s?日(?![元本内內后後来來间間])"
    r"|(?P<h2>上|下)半年|" + _QUARTER.format("q2") +
    ")" + _SUFFIX)

DATE_RANGE = re.compile(
    r"(?<![\d.])(?<!\d,)(?:(?P<y>(?:19|20)\d\d)\s?(?:年\s?)?(?:至|到|-|–|—|~|～)\s?(?P<y2>(?:19|20)\d\d)\s?年(?![代内来])"
    rf"|(?:(?P<ym>(?:19|20)\d\d)\s?年\s?|(?P<rym>今年|本年|去年|上年|明年))?(?P<m>{_MONTH_N})\s?(?:月\s?)?(?:至|到|-|–|—|~|～)\s?(?P<m2>{_MONTH_N})\s?月"
    rf"|(?:(?P<yd>(?:19|20)\d\d)\s?年\s?)?(?:(?P<md>{_MONTH_N})\s?月\s?)?(?P<d>{_DAY_N})\s?(?:[日号]\s?)?"
    rf"(?:至|到|-|–|—|~|～)\s?(?P<d2>{_DAY_N})\s?[日号](?![元本内后来间]))")

_WEEKDAYS = "一二三四五六日"
_REL_WEEK = {"本周": 0, "本週": 0, "这周": 0, "這週": 0, "上周": -1, "上週": -1, "下周": 1,
             "下週": 1, "上星期": -1, "下星期": 1, "这星期": 0}
_REL_DAY = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "明天": 1, "明日": 1, "前天": -2,
            "后天": 2, "後天": 2}
DAY_WORDS = re.compile(
    r"(?P<wk>本周|本週|这周|這週|上周|上週|下周|下週|上星期|下星期|这星期)"
    r"(?:(?P<wd>[一二三四五六日天]))?"
    r"|(?:周|週|星期|礼拜|禮拜)(?P<wd2>[一二三四五六日天])"
    r"|(?P<dw>今天|今日|昨天|昨日|明天|明日|前天|后天|後天)(?!头条|頭條)")


def _num(text: str | None):
    return None if text is None else parse_number(re.sub("[多余餘]", "", text))


def _cn_int(text: str | None) -> int | None:
    value = None if text is None else parse_number(text)
    return int(value) if value is not None and value == int(value) else None


def _approx(m: re.Match[str]) -> bool:
    g = m.groupdict()
    return bool(g.get("approx") or g.get("approx2") or g.get("approx3") or g.get("cheng_more")
                or re.search("[多余餘]", g.get("num") or ""))


def _money(m: re.Match[str], ctx: Context) -> Match | None:
    pre, cur = m.group("pre"), m.group("cur")
    code = CURRENCIES[cur] if cur else None
    if pre:
        pcode = _PREFIX[pre]
        if code and code != pcode and cur not in ("元", "圆"):
            return None
        code = pcode if not code or cur in ("元", "圆") else code
    elif m.group("post"):
        code = "CNY"
    if code is None:
        return None
    num, num2 = m.group("num"), m.group("num2")
    if num2:
        low, high = parse_range(re.sub("[多余餘]", "", num), re.sub("[多余餘]", "", num2))
        norm = amount_norm("value", low, high, _approx(m), currency=code)
    else:
        norm = amount_norm("value", _num(num), None, _approx(m), currency=code)
    if norm is None:
        return None
    if num == "一" and not pre:
        return None                        # 一元化, 统一元...: not an amount
    score = 0.8 if pre in ("$", "¥", "￥") else 1.0
    return Match(m.start(), m.end(), "MONEY", norm, score)


def _percent(m: re.Match[str], ctx: Context) -> Match | None:
    if m.group("cn"):
        norm = amount_norm("value", parse_number(m.group("cn")) if not m.group("cn")[0].isdigit()
                           else signed(m.group("cn")), None, _approx(m))
    elif m.group("cheng"):
        value = parse_number(m.group("cheng"))
        norm = amount_norm("value", value * 10 if value is not None else None, None, _approx(m))
    else:
        low = signed(m.group("num") or m.group("num2"))
        high = signed(m.group("num2")) if m.group("num") else None
        norm = amount_norm("value", low, high, _approx(m))
    if norm is None:
        return None
    return Match(m.start(), m.end(), "PERCENT", norm, 0.9 if m.group("cheng") else 1.0)


def _quantity(m: re.Match[str], ctx: Context) -> Match | None:
    num, counter, noun = m.group("num"), m.group("counter"), m.group("noun")
    arabic = bool(re.search(r"\d", num))
    if not arabic and not noun:
        return None                        # 一个, 三人: too common in running text
    if counter in ("个", "個", "人", "位") and not noun and not arabic:
        return None
    value = _num(num)
    if value is None:
        return None
    norm = amount_norm("value", value, None, _approx(m), unit=noun or counter)
    return Match(m.start(), m.end(), "QUANTITY", norm, 1.0 if arabic else 0.9)


def _date_parts(m: re.Match[str]) -> D.DateParts | None:
    g = m.groupdict()
    month_s, day_s = g["m"] or g["m2"], g["d"] or g["d2"] or g["d3"] or g["d4"]
    month, day = _cn_int(month_s), _cn_int(day_s)
    if (month_s and month is None) or (day_s and day is None):
        return None
    half = g["h"] or g["h2"]
    return D.DateParts(
        year=_cn_int(g["y"]), years_away=_REL_YEAR.get(g["ry"]),
        months_away=_REL_MONTH.get(g["rm"]), month=month, day=day,
        half=(1 if half == "上" else 2) if half else None, quarter=_cn_int(g["q"] or g["q2"]))


def _range_parts(m: re.Match[str]) -> tuple[D.DateParts, int] | None:
    g = m.groupdict()
    if g["y2"]:
        return D.DateParts(year=int(g["y"])), int(g["y2"])
    if g["m2"]:
        month, last = _cn_int(g["m"]), _cn_int(g["m2"])
        if month is None or last is None:
            return None
        return D.DateParts(year=_cn_int(g["ym"]), years_away=_REL_YEAR.get(g["rym"]),
                           month=month), last
    day, last = _cn_int(g["d"]), _cn_int(g["d2"])
    if day is None or last is None:
        return None
    return D.DateParts(year=_cn_int(g["yd"]) if g["md"] else None, month=_cn_int(g["md"]),
                       day=day), last


def _weekday(ch: str) -> int:
    return 6 if ch in "日天" else _WEEKDAYS.index(ch)


def _day_words(m: re.Match[str], ctx: Context) -> Match | None:
    g = m.groupdict()
    wd = g["wd"] or g["wd2"]
    norm = D.nearby(ctx.anchor, weeks=_REL_WEEK[g["wk"]] if g["wk"] else None,
                    weekday=_weekday(wd) if wd else None, days=_REL_DAY.get(g["dw"], 0))
    return Match(m.start(), m.end(), "DATE", norm, 0.9 if norm else 0.7)


#: 年底, 年初 alone: this year's end or start (the anchor's year)
YEAR_PART = re.compile(r"(?<![\d年今去明前后後本上])年[初底末中]")



#: 当天 ("that day"), 次日: resolved by the stage from the article's context
SAME_DAY = re.compile(r"当天|当日|同日|當天|當日|前一天|次日|翌日")



RULES: list[Rule] = [
    Rule(MONEY, _money), Rule(CONTEXT_MONEY, context_money("CNY", "万萬亿億", _num, _approx)),
    Rule(PERCENT, _percent, re.compile("[%％百成]")),
    Rule(QUANTITY, _quantity), Rule(DATE, date_handler(_date_parts)),
    Rule(DATE_RANGE, range_handler(_range_parts), re.compile("[至到\\-–—~～]")),
    Rule(DAY_WORDS, _day_words, re.compile("[周週星礼禮今昨明前后後]")),
    Rule(SAME_DAY, context_day, re.compile("[当當同次翌][天日]|前一天")),
    Rule(YEAR_PART, anchor_year, re.compile("年[初底末中]")),
]
