"""Numbers as news writes them: Arabic digits with separators and decimals, Chinese numerals
(两, 〇/零, 十/百/千, 万/亿, and 兆 = 10^12 as Taiwanese and Japanese money uses it), Korean unit words (십/백/천/만/억/조) and a few Korean native
counts (한 곳, 두 개).

``parse_number`` returns a :class:`~decimal.Decimal` or ``None`` for anything malformed; callers
never get a guessed value. Regex fragments (``NUM``...) are shared by the language grammars.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

#: An Arabic number: ``2,500`` / ``3,142.5`` / ``24.5`` / ``2019``. The guards refuse to match
#: inside malformed numbers (``3.4.5``, ``1,2,3``) so that no fragment of them is read as a value.
NUM = r"(?<![\d.])(?<!\d,)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![.,]?\d)"

#: Chinese numeral characters (simplified and traditional), with the decimal 点.
CN_DIGITS = "〇零一二两兩三四五六七八九"
CN_SMALL = "十百千拾佰仟"
CN_BIG = "万萬亿億兆"
KO_SMALL = "십백천"
KO_BIG = "만억조"

_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000,
          "십": 10, "백": 100, "천": 1000}
_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12,
        "만": 10**4, "억": 10**8, "조": 10**12}
#: English scale words and abbreviations (lower case).
SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "mln": 10**6, "m": 10**6,
          "billion": 10**9, "bn": 10**9, "b": 10**9, "bln": 10**9,
          "trillion": 10**12, "tn": 10**12, "trn": 10**12, "tr": 10**12}

_TOKEN = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[%s]+(?:[点點][%s]+)?|[%s]|[%s]|\s+|."
                    % (CN_DIGITS, CN_DIGITS, CN_SMALL + KO_SMALL, CN_BIG + KO_BIG))

#: Korean native numbers used for counts (한 곳, 두 개, 열두 명).
KO_NATIVE = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8,
             "아홉": 9, "열": 10, "열한": 11, "열두": 12, "열세": 13, "열네": 14, "열다섯": 15,
             "스무": 20}
KO_NATIVE_RX = "|".join(sorted(KO_NATIVE, key=len, reverse=True))

#: English number words for counts (two companies, a dozen entities).
EN_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
            "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
            "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
            "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12}


def arabic(text: str) -> Decimal | None:
    """``"2,500"`` -> 2500, ``"3,142.5"`` -> 3142.5; malformed separators give None."""
    if not re.fullmatch(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?", text):
        return None
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _cn_digits(run: str) -> Decimal:
    """A run of Chinese digits, optionally with 点: ``三点五`` -> 3.5, ``二〇一九`` -> 2019."""
    whole, _, frac = run.replace("點", "点").partition("点")
    digits = "".join(str(_DIGIT[c]) for c in whole)
    if frac:
        digits += "." + "".join(str(_DIGIT[c]) for c in frac)
    return Decimal(digits)


def parse_number(text: str) -> Decimal | None:
    """Parse a number with CJK units: ``24.5억`` ``9억2천800만`` ``1.5万亿`` ``两千万`` ``八十亿``.

    Returns None when the text is not a well-formed number (two numbers in a row, units out of
    order, a bad separator).
    """
    text = text.strip()
    if not text:
        return None
    tokens = [t for t in _TOKEN.findall(text) if not t.isspace()]
    total = Decimal(0)
    section = Decimal(0)
    current: Decimal | None = None
    last_small = 10**5
    largest = 0
    seen_unit = False
    for tok in tokens:
        first = tok[0]
        if first.isdigit():
            if current is not None:
                return None
            current = arabic(tok)
            if current is None:
                return None
        elif first in _DIGIT:
            if seen_unit:
                tok = tok.lstrip("〇零")       # 一千零五: 零 only holds a place
                if not tok:
                    continue
                if len(tok) > 1 and "点" not in tok and "點" not in tok:
                    return None               # 一千二三 is not a number
            if current is not None:
                return None
            current = _cn_digits(tok)
        elif tok in _SMALL:
            unit = _SMALL[tok]
            if unit >= last_small:
                return None
            section += (current if current is not None else Decimal(1)) * unit
            current, last_small, seen_unit = None, unit, True
        elif tok in _BIG:
            unit = _BIG[tok]
            base = section + (current or 0)
            if base == 0 and current is None and section == 0:
                if not total or unit <= largest:
                    return None
                total *= unit                 # 万亿: a unit that multiplies the last one
            elif unit > largest:
                total = (total + base) * unit
            else:
                total += base * unit
            largest = max(largest, unit)
            section, current, last_small, seen_unit = Decimal(0), None, 10**5, True
        else:
            return None
    if not seen_unit and current is None:
        return None
    return total + section + (current or 0)


def to_number(value: Decimal | int) -> int | float:
    """An int when the value is whole, else a float (JSON-friendly)."""
    if isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def scale(word: str) -> int | None:
    """English scale word or abbreviation (``billion``, ``bn``, ``m``) -> multiplier."""
    return SCALES.get(word.lower().rstrip("."))


_TRAILING_UNITS = re.compile(r"[%s%s]+$" % (CN_SMALL + CN_BIG, KO_SMALL + KO_BIG))
_HAS_UNIT = re.compile(r"[%s%s]" % (CN_SMALL + CN_BIG, KO_SMALL + KO_BIG))


def parse_range(low: str, high: str) -> tuple[Decimal | None, Decimal | None]:
    """Both ends of ``10~20억``: a bare first number takes the unit of the second."""
    hi = parse_number(high)
    unit = _TRAILING_UNITS.search(high.strip())
    if unit and not _HAS_UNIT.search(low):
        return parse_number(low.strip() + unit.group()), hi
    return parse_number(low), hi


def signed(text: str | None) -> Decimal | None:
    """A number with an optional sign (``-3.5``, ``−2``, ``+1.2``)."""
    if text is None:
        return None
    sign = -1 if text[:1] in "-−" else 1
    value = parse_number(text.lstrip("+-−"))
    return None if value is None else sign * value


def word_number(text: str) -> int | None:
    """``seven`` -> 7, ``twenty-four`` -> 24, ``a dozen`` -> 12."""
    parts = text.lower().split("-")
    values = [EN_WORDS.get(p) for p in parts]
    if None in values or len(values) > 2 or (len(values) == 2 and values[0] % 10):
        return None
    return sum(values)  # type: ignore[arg-type]
