"""English grammar, and the Latin-script forms found in text of any language.

``SYMBOL_RULES`` ($1.2 billion, US$3.7bn, €250 million, RMB 8 billion, 45%, 2019-10-09,
2021. 3. 5.) run on every sentence; ``RULES`` adds the English word forms (8 billion yuan,
45 percent, Oct. 9, 2019, 9 October 2019, last month, on Tuesday, the third quarter of 2024,
24 entities). Durations (two years, for three months) are not dates.
"""
from __future__ import annotations

import re

from ..rules import Context, Match, Rule, amount_norm
from .. import dates as D
from ..numerals import EN_WORDS, NUM, arabic, parse_number, scale, signed, word_number

_SCALE = r"(?:thousand|million|billion|trillion|mln|mn|bln|bn|tn|trn|m|b|k)(?![A-Za-z])"
_SCALE_WORD = r"(?:thousand|million|billion|trillion)"
#: 1.2 billion / 5m / 3.7bn / 1,250
ENUM = rf"{NUM}(?:\s?{_SCALE})?"
_RANGE = r"\s?(?:-|–|—|to|~)\s?"
#: what joins two dates into a range: March 2020 to June 2021
RANGE_SEP = re.compile(r"\s?(?:-|–|—|~)\s?|,?\s(?:to|through|until)\s")
_APPROX = (r"(?:(?P<approx>(?i:about|around|nearly|almost|approximately|roughly|some|close to|"
           r"an estimated|approx\.))\s)?")

SYMBOLS = {"US$": "USD", "U.S.$": "USD", "$": "USD", "HK$": "HKD", "NT$": "TWD", "C$": "CAD",
           "A$": "AUD", "S$": "SGD", "R$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY", "￥": "JPY",
           "₩": "KRW", "₹": "INR", "₽": "RUB", "CN¥": "CNY", "RMB¥": "CNY"}
_SYM_RX = r"(?:US\$|U\.S\.\s?\$|HK\$|NT\$|C\$|A\$|S\$|R\$|CN¥|RMB¥|\$|€|£|¥|￥|₩|₹|₽)"
CODES = {"USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "RMB": "CNY",
         "HKD": "HKD", "KRW": "KRW", "TWD": "TWD", "CHF": "CHF", "INR": "INR", "RUB": "RUB",
         "AUD": "AUD", "CAD": "CAD", "SGD": "SGD", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK",
         "PLN": "PLN", "CZK": "CZK", "HUF": "HUF", "ZAR": "ZAR", "BRL": "BRL", "MXN": "MXN",
         "IDR": "IDR", "MYR": "MYR", "THB": "THB", "TRY": "TRY", "AED": "AED", "SAR": "SAR",
         "EEK": "EEK", "DEM": "DEM"}
_CODE_RX = "|".join(CODES)
WORDS = {"dollars": "USD", "dollar": "USD", "u.s. dollars": "USD", "us dollars": "USD",
         "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "euros": "EUR", "euro": "EUR",
         "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP", "won": "KRW",
         "rupees": "INR", "rubles": "RUB", "roubles": "RUB", "hong kong dollars": "HKD",
         "swiss francs": "CHF", "francs": "CHF", "taiwan dollars": "TWD",
         "new taiwan dollars": "TWD", "kroons": "EEK", "kroon": "EEK", "marks": "DEM",
         "deutsche marks": "DEM", "lire": "ITL", "lira": "TRY", "zlotys": "PLN", "zloty": "PLN",
         "forints": "HUF", "forint": "HUF", "rand": "ZAR", "crowns": "CZK", "korunas": "CZK",
         "kronor": "SEK", "ringgit": "MYR", "rupiah": "IDR", "baht": "THB", "reais": "BRL",
         "canadian dollars": "CAD", "australian dollars": "AUD", "singapore dollars": "SGD"}
_WORD_RX = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s") for w in WORDS), key=len,
                           reverse=True))

#: an amount after a currency symbol, also with CJK units in Korean/Chinese text ($5억, US$3亿)
_SYM_NUM = rf"{NUM}(?:\s?{_SCALE}|[억만조천万亿億萬千]{{1,3}}+)?"
MONEY_SYMBOL = re.compile(
    r"(?P<between>between\s)?" + _APPROX + rf"(?P<sym>{_SYM_RX})\s?(?P<num>{_SYM_NUM})"
    rf"(?:(?:{_RANGE}|(?(between)\sand\s|(?!)))(?:{_SYM_RX})?\s?(?P<num2>{_SYM_NUM}))?"
    r"(?![A-Za-z0-9%])")
MONEY_CODE = re.compile(
    _APPROX + rf"(?<![A-Za-z])(?P<code>{_CODE_RX})\s?(?P<num>{ENUM})"
    rf"(?:{_RANGE}(?:{_CODE_RX})?\s?(?P<num2>{ENUM}))?(?![A-Za-z0-9%])"
    rf"|{_APPROX.replace('approx', 'approx2')}(?P<numc>{ENUM})\s?(?P<codec>{_CODE_RX})(?![A-Za-z])")
MONEY_WORD = re.compile(
    _APPROX + rf"(?P<num>{ENUM})(?:{_RANGE}(?P<num2>{ENUM}))?\s(?P<word>{_WORD_RX})\b",
    re.IGNORECASE)

PERCENT_SYMBOL = re.compile(
    _APPROX + rf"(?:(?P<num>[-+−]?{NUM})\s?%?{_RANGE})?(?P<num2>[-+−]?{NUM})\s?[%％]")
PERCENT_WORD = re.compile(
    _APPROX + rf"(?:(?P<num>[-+−]?{NUM})\s?(?:%|percent|per cent)?\s?(?:-|–|to|and)\s?)?"
    rf"(?P<num2>[-+−]?{NUM})\s?(?:percent|per\scent|pct|percentage\spoints?)\b",
    re.IGNORECASE)

_NOUNS = (r"entities|entity|companies|company|firms|firm|individuals|individual|persons|person|"
          r"organizations|organisations|organization|organisation|addresses|universities|"
          r"institutes|institutions|banks|vessels|aircraft|subsidiaries|affiliates|parties|"
          r"countries|businesses|corporations|suppliers|end users|end-users|research institutes")
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_NUMWORDS = "|".join(sorted(EN_WORDS, key=len, reverse=True))
QUANTITY = re.compile(
    rf"(?<![\w$€£¥.,-])(?:(?P<num>{NUM})|(?P<word>(?i:(?:{_TENS})-(?:{_UNITS})|{_NUMWORDS})))\s"
    r"(?:(?:additional|more|new|other|foreign|such|[A-Z][\w.-]*)\s){0,2}"
    rf"(?P<noun>{_NOUNS})\b")

# ---- dates --------------------------------------------------------------------------------
_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
           "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DAY = r"(?<![\d.,])(?P<{}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YR = r"(?P<{}>(?:19|20)\d\d)"
#: nouns that make a four-digit number a count, not a year: 2000 people, 1500 tons
_COUNTED = (r"people|persons|employees|workers|jobs|staff|units|cars|vehicles|tons|tonnes|barrels|"
            r"shares|entities|companies|firms|items|cases|deaths|troops|soldiers|miles|km|kilometers|"
            r"meters|feet|votes|points|pages|students|members|users|customers|homes|acres|hectares")

ISO_DATE = re.compile(
    r"(?<![\d.\-/])(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])\s?(?P<m>1[0-2]|0?[1-9])(?P=sep)\s?"
    r"(?P<d>3[01]|[12]\d|0?[1-9])\.?(?![\d]|[-/.]\d)")
NUMERIC_DATE = re.compile(
    r"(?<![\d.\-/])(?P<a>[01]?\d|[23][01])/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?![\d/])")

DATE_WORD = re.compile(
    r"(?:(?P<pre>early|late|mid-|mid|the\send\sof|end\sof|the\sbeginning\sof|the\sstart\sof)\s?)?"
    r"(?:"
    rf"(?P<mon>{_MON})\s{_DAY.format('d')}(?:(?:,\s?|\s){_YR.format('y')})?(?!\d)"
    rf"|{_DAY.format('d2')}(?:\sof)?\s(?P<mon2>{_MON})(?:,?\s{_YR.format('y2')})?(?!\d)"
    rf"|(?P<mon3>{_MON})(?:,?\s|\sof\s){_YR.format('y3')}(?!\d)"
    rf"|(?:(?P<fy>(?i:fiscal(?:\syear)?)|FY)\s?){_YR.format('y4')}(?![\d%])"
    rf"|(?P<mon4>{_MON})(?=[\s,.;)]|$)"
    rf"|(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-](?P<unit>quarter|half)"
    rf"(?:\sof\s{_YR.format('y5')}|,?\s{_YR.format('y6')})?"
    rf"|(?P<qh>Q[1-4]|H[12]|[1-4]Q|[12]H)\s?(?:{_YR.format('y7')}|'?(?P<yy>\d\d)(?!\d))?"
    rf"|(?<![\w$€£¥.,/])(?<!\d[-–]){_YR.format('y8')}(?![\w%$]|[.,\-–/]\d|\s?(?:%|percent|{_SCALE_WORD}|{_COUNTED})\b)"
    r")")

DAY_RANGE = re.compile(
    rf"(?P<mon>{_MON})\s(?P<d1>3[01]|[12]\d|0?[1-9])\s?[-–]\s?(?P<d2>3[01]|[12]\d|0?[1-9])"
    rf"(?:,?\s(?P<y>(?:19|20)\d\d))?(?!\d)"
    rf"|(?<![\d.,])(?P<d3>3[01]|[12]\d|0?[1-9])\s?[-–]\s?(?P<d4>3[01]|[12]\d|0?[1-9])\s(?P<mon2>{_MON})"
    rf"(?:,?\s(?P<y2>(?:19|20)\d\d))?(?!\d)")

_PREP = r"(?:in|on|since|by|until|till|through|during|from|to|of|before|after|last|next|this|early|late|mid-?)"

_REL_UNITS = {"year": "year", "month": "month", "week": "week"}
RELATIVE = re.compile(
    r"\b(?:(?P<mod>earlier|later)\s)?(?P<rel>this|last|next|past)\s(?P<unit>year|month|week)\b"
    r"|\b(?P<dw>today|yesterday|tomorrow)\b"
    r"|\b(?:(?P<wdir>last|next|this|on|since|until|by)\s)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)\b",
    re.IGNORECASE)

YEAR_RANGE = re.compile(
    rf"(?:(?P<from>from|between)\s)?(?<![\w.,$]){_YR.format('y')}"
    rf"\s?(?:-|–|—|to|and|through)\s?(?P<y2>(?:19|20)?\d\d)(?![\w%$]|[.,]\d)")


def _enum(text: str | None):
    """``1.2 billion`` -> 1200000000; ``5m`` -> 5000000."""
    if text is None:
        return None
    if re.search("[억만조천万亿億萬千]", text):
        return parse_number(text)
    m = re.match(rf"({NUM})\s?(\S+)?$", text.strip())
    if not m:
        return None
    value = arabic(m.group(1))
    if value is None:
        return None
    if m.group(2):
        mult = scale(m.group(2))
        if mult is None:
            return None
        value *= mult
    return value


def _has_scale(text: str) -> bool:
    return bool(re.search(r"[A-Za-z]", text))


def _range_values(num: str, num2: str | None):
    """A bare first end takes the second's scale: ``$10-20 million``."""
    if num2 is None:
        return _enum(num), None
    if not _has_scale(num) and _has_scale(num2):
        word = re.search(r"[A-Za-z]+\.?$", num2.strip()).group()
        return _enum(f"{num} {word}"), _enum(num2)
    return _enum(num), _enum(num2)


def _approx(m: re.Match[str]) -> bool:
    g = m.groupdict()
    return bool(g.get("approx") or g.get("approx2"))


def _money_symbol(m: re.Match[str], ctx: Context) -> Match | None:
    sym = re.sub(r"\s", "", m.group("sym"))
    code = SYMBOLS[sym]
    score = 1.0
    if sym in ("¥", "￥"):
        code, score = ("CNY", 0.8) if ctx.lang == "zh" else ("JPY", 0.8)
    low, high = _range_values(m.group("num"), m.group("num2"))
    norm = amount_norm("value", low, high, _approx(m), currency=code)
    start = m.end("between") if m.group("between") else m.start()
    return Match(start, m.end(), "MONEY", norm, score) if norm else None


def _money_code(m: re.Match[str], ctx: Context) -> Match | None:
    if m.group("code"):
        code = CODES[m.group("code")]
        low, high = _range_values(m.group("num"), m.group("num2"))
    else:
        code = CODES[m.group("codec")]
        low, high = _enum(m.group("numc")), None
    norm = amount_norm("value", low, high, _approx(m), currency=code)
    return Match(m.start(), m.end(), "MONEY", norm) if norm else None


def _money_word(m: re.Match[str], ctx: Context) -> Match | None:
    word = re.sub(r"\s+", " ", m.group("word").lower())
    code = WORDS[word]
    scaled = _has_scale(m.group("num2") or m.group("num"))
    if word in ("pounds", "won", "francs") and not scaled:
        return None                       # 5 pounds (weight), the team won 3
    low, high = _range_values(m.group("num"), m.group("num2"))
    norm = amount_norm("value", low, high, _approx(m), currency=code)
    return Match(m.start(), m.end(), "MONEY", norm) if norm else None


def _percent(m: re.Match[str], ctx: Context) -> Match | None:
    low = signed(m.group("num") or m.group("num2"))
    high = signed(m.group("num2")) if m.group("num") else None
    norm = amount_norm("value", low, high, _approx(m))
    return Match(m.start(), m.end(), "PERCENT", norm) if norm else None


def _quantity(m: re.Match[str], ctx: Context) -> Match | None:
    if m.group("num"):
        value = arabic(m.group("num"))
        if value is None or value != int(value):
            return None
    else:
        value = word_number(m.group("word"))
        if value is None:
            return None
    norm = amount_norm("value", value, None, unit=m.group("noun").lower())
    return Match(m.start(), m.end(), "QUANTITY", norm, 1.0 if m.group("num") else 0.9)


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _iso(m: re.Match[str], ctx: Context) -> Match | None:
    norm = D.day(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    end = m.end() - (m.group().endswith(".") and m.group("sep") != ".")   # 2023-01-17. ends a sentence
    return Match(m.start(), end, "DATE", norm) if norm else None


def _numeric(m: re.Match[str], ctx: Context) -> Match | None:
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    norm = D.day(y, a, b) if a <= 12 else D.day(y, b, a)   # US order unless impossible
    return Match(m.start(), m.end(), "DATE", norm, 0.8) if norm else None


def _date_word(m: re.Match[str], ctx: Context) -> Match | None:
    g = m.groupdict()
    a = ctx.anchor
    before = ctx_before(m)
    mon = g["mon"] or g["mon2"] or g["mon3"] or g["mon4"]
    if mon and mon.rstrip(".").lower() == "may" and not (g["d"] or g["d2"] or g["y3"]) \
            and not re.search(rf"\b{_PREP}\s$", before, re.IGNORECASE):
        return None                       # the modal verb
    if g["mon4"] and not (g["pre"] or re.search(rf"\b{_PREP}\s$", before, re.IGNORECASE)):
        return None                       # a bare month name needs "in July", "last March"
    if mon and not g["mon4"] and mon[0].islower():
        return None
    norm: D.Norm | None = None
    score = 1.0
    start = m.start()
    y = next((int(g[k]) for k in ("y", "y2", "y3", "y4", "y5", "y6", "y7", "y8") if g[k]), None)
    if g["yy"]:
        y = 2000 + int(g["yy"])
    if g["y8"]:
        if not g["pre"] and re.search(r"(?:\b(?:No|Nos|Order|Section|Sec|Part|Law|Rule|Article|"
                                      r"Chapter|Title|Item|Page|pp|Vol|Route|Flight|Room|Model|"
                                      r"Form|Docket|FR|CFR|Case|RIN|ID)\.?|§|#)\s*$", before,
                                      re.IGNORECASE):
            return None
        score = 0.85 if not re.search(rf"\b{_PREP}\s$", before, re.IGNORECASE) else 0.95
    day_s = g["d"] or g["d2"]
    if mon:
        month = _month(mon)
        if y is None and a:
            y = a.year
            score = 0.9
            last_next = re.search(r"\b(last|next|this)\s$", before, re.IGNORECASE)
            if last_next and g["mon4"]:
                start = m.start() - (len(before) - last_next.start())
                word = last_next.group(1).lower()
                if word == "last" and month > a.month:
                    y -= 1                # "last November" said in March
                elif word == "next" and month < a.month:
                    y += 1                # "next January" said in March
        if y is not None:
            norm = D.day(y, month, int(day_s)) if day_s else D.month(y, month)
            if norm is None:
                return None
        elif day_s and not 1 <= int(day_s) <= 31:
            return None
    elif g["ord"] or g["qh"]:
        if g["ord"]:
            n = int(g["ord"][0]) if g["ord"][0].isdigit() else \
                ["first", "second", "third", "fourth"].index(g["ord"].lower()) + 1
            kind = g["unit"].lower()
        else:
            qh = g["qh"].upper()
            n = int(re.search(r"\d", qh).group())
            kind = "quarter" if "Q" in qh else "half"
        if kind == "half" and n > 2:
            return None
        if y is None and a:
            y, score = a.year, 0.8
        if y is not None:
            norm = D.quarter(y, n) if kind == "quarter" else D.half(y, n)
            if norm is None:
                return None
        elif g["qh"] and not g["pre"]:
            return None                   # a bare "Q3" without year or anchor
    else:
        norm = D.year(y) if y is not None else None
        if norm is None:
            return None
    return Match(start, m.end(), "DATE", norm, score if norm else 0.8)


def ctx_before(m: re.Match[str], width: int = 24) -> str:
    """The text just before a match."""
    return m.string[max(0, m.start() - width):m.start()]


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _relative(m: re.Match[str], ctx: Context) -> Match | None:
    g = m.groupdict()
    a = ctx.anchor
    start = m.start()
    if g["rel"]:
        rel = g["rel"].lower()
        if rel == "past":
            return None                   # "the past year" is a duration
        n = {"this": 0, "last": -1, "next": 1}[rel]
        norm = D.relative_unit(a, g["unit"].lower(), n) if a else None
    elif g["dw"]:
        n = {"today": 0, "yesterday": -1, "tomorrow": 1}[g["dw"].lower()]
        norm = D.relative_unit(a, "day", n) if a else None
    else:
        if not g["wd"][0].isupper():
            return None
        wd = _WEEKDAY_NAMES.index(g["wd"].lower())
        wdir = (g["wdir"] or "").lower()
        if wdir in ("on", "since", "until", "by"):
            start = m.start("wd")
        direction = {"last": -1, "next": 1}.get(wdir, 0)
        norm = D.weekday_near(a, wd, direction) if a else None
    return Match(start, m.end(), "DATE", norm, 0.9 if norm else 0.7)


def _day_range(m: re.Match[str], ctx: Context) -> Match | None:
    g = m.groupdict()
    mon, d1, d2 = (g["mon"], g["d1"], g["d2"]) if g["mon"] else (g["mon2"], g["d3"], g["d4"])
    y = int(g["y"] or g["y2"]) if (g["y"] or g["y2"]) else (ctx.anchor.year if ctx.anchor else None)
    if int(d1) >= int(d2):
        return None
    if y is None:
        return Match(m.start(), m.end(), "DATE", None, 0.8)
    norm = D.span(D.day(y, _month(mon), int(d1)), D.day(y, _month(mon), int(d2)))
    return Match(m.start(), m.end(), "DATE", norm) if norm else None


def _year_range(m: re.Match[str], ctx: Context) -> Match | None:
    y1 = int(m.group("y"))
    y2s = m.group("y2")
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    sep_and = re.search(r"\band\b", m.group(0))
    if sep_and and not m.group("from"):
        return None                       # "2019 and 2020" are two dates
    norm = D.span(D.year(y1), D.year(y2))
    if norm is None or y2 - y1 > 50:
        return None
    return Match(m.start("y"), m.end(), "DATE", norm, 0.9)


SYMBOL_RULES: list[Rule] = [
    Rule(MONEY_SYMBOL, _money_symbol, re.compile("[$€£¥￥₩₹₽]")),
    Rule(MONEY_CODE, _money_code, re.compile(_CODE_RX)),
    Rule(PERCENT_SYMBOL, _percent, re.compile("[%％]")),
    Rule(ISO_DATE, _iso, re.compile(r"\d{4}[-/.]")),
]
RULES: list[Rule] = SYMBOL_RULES + [
    Rule(MONEY_WORD, _money_word, re.compile(r"\d")),
    Rule(PERCENT_WORD, _percent, re.compile(r"(?i)per|pct")),
    Rule(QUANTITY, _quantity), Rule(NUMERIC_DATE, _numeric, re.compile("/")),
    Rule(DATE_WORD, _date_word), Rule(RELATIVE, _relative),
    Rule(YEAR_RANGE, _year_range, re.compile(r"\d{4}")),
    Rule(DAY_RANGE, _day_range, re.compile("[-–]")),
]
