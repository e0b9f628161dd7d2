"""Mark boilerplate (navigation, bylines, copyright lines) as skipped; read a byline date.

The text is never rewritten: boilerplate becomes a skipped region that later stages ignore. An
article that carries no publication date gets its byline's, else its page's date stamp (``date
2024-12`` at the start: the month only), else the one its URL path spells
(``/2021/06/15/``, ``/20210615``; ``/2021/06/`` gives the month only, ``2021-06``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..types import Document, Region
from .base import Stage

_NAV_SEPARATORS = re.compile(r"\s*(?:\||>|›|»|·|ㅣ|/)\s*")
_BOILERPLATE = re.compile(
    r"(무단\s*전재|재배포\s*금지|저작권자|Copyright|ⓒ|©|All rights reserved|版权所有|未经授权|"
    r"责任编辑|責任編輯|本文来源|关注我们|Share this|Follow us|Subscribe|Sign up|Read more|"
    r"Click here|관련\s*기사|기사\s*제보|구독하기|좋아요|^\s*[▶☞■▲]|^\s*\[관련|^\s*相关阅读|^\s*Related:)",
    re.IGNORECASE)
_BYLINE = re.compile(
    r"^\s*(?:by\s+\S+|[^\s]{2,4}\s*기자|기자\s|입력\s*[:：]?\s*\d|수정\s*[:：]?\s*\d|송고|"
    r"记者|記者|来源[:：]|來源[:：]|发布时间|發布時間|编辑[:：]|Published|Updated|Posted)",
    re.IGNORECASE)
_EMAIL = re.compile(r"^\s*\S+@\S+\.\w+\s*$")
_NUMERIC_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[.\-/]|년|年)\s*(\d{1,2})\s*(?:[.\-/]|월|月)\s*(\d{1,2})(?!\d)")
MAX_BYLINE_CHARS = 120
#: a date in a URL path: /2021/06/15/, /2021-06-15, /20210615, /2021/06/ (year and month only),
#: a slug that ends with one (china-adds-entities-2024-10-09/)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])(?:[/-]?(0[1-9]|[12]\d|3[01]))?(?=[/_.-]|\d{0,12}(?:[/_.?#-]|$))"
                       r"|-((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?=[/_.?#]|$)")


@dataclass(frozen=True)
class CleanConfig:
    read_byline_date: bool = True
    read_url_date: bool = True


class CleanStage(Stage):
    """Finds boilerplate lines and the byline date."""

    requires = frozenset({"text"})
    provides = frozenset({"text"})
    Config = CleanConfig

    def process(self, doc: Document) -> None:
        pos = 0
        for line in doc.text.split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            reason = classify_line(line)
            if reason is None:
                continue
            doc.skipped.append(Region(start, end, reason))
            if reason == "byline" and self.config.read_byline_date and not doc.meta.get("published"):
                found = byline_date(line)
                if found:
                    doc.meta["published"] = found
        if self.config.read_byline_date and not doc.meta.get("published"):
            found = stamp_date(doc.text)
            if found:
                doc.meta["published"] = found
        if self.config.read_url_date and not doc.meta.get("published") and isinstance(doc.meta.get("url"), str):
            found = url_date(doc.meta["url"])
            if found:
                doc.meta["published"] = found


def classify_line(line: str) -> str | None:
    """Return why a line is boilerplate (navigation, byline, boilerplate) or None."""
    stripped = line.strip()
    if not stripped or len(stripped) > 300:
        return None
    parts = [p for p in _NAV_SEPARATORS.split(stripped) if p]
    if len(parts) >= 3 and all(len(p) <= 20 for p in parts) and not re.search(r"[.。다]$", stripped):
        return "navigation"
    if len(stripped) <= MAX_BYLINE_CHARS and (_BYLINE.search(stripped) or _EMAIL.match(stripped)):
        return "byline"
    if len(stripped) <= 200 and _BOILERPLATE.search(stripped):
        return "boilerplate"
    return None


def stamp_date(text: str) -> str | None:
    """The date a page stamps at its very start (``date 2024-12-16``, ``date 2024-12``), as
    YYYY-MM-DD or YYYY-MM: a stamp with the month only anchors the article's dates to that month
    (news conventions D14)."""
    m = _STAMP.match(text)
    if m is None:
        return None
    if m[3] is None:
        return f"{m[1]}-{m[2]}"
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


_STAMP = re.compile(r"\s*date\s*:?\s*((?:19|20)\d{2})-(0[1-9]|1[0-2])(?:-(\d{2}))?(?![-\d])", re.IGNORECASE)


def byline_date(line: str) -> str | None:
    """The first valid calendar date in a byline line, as YYYY-MM-DD."""
    for m in _NUMERIC_DATE.finditer(line):
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            continue
    return None


def url_date(url: str) -> str | None:
    """The publication date a URL path spells: YYYY-MM-DD, or YYYY-MM when it gives no day."""
    path = re.sub(r"^[a-z]+://[^/]*", "", url.strip(), flags=re.IGNORECASE)
    for m in _URL_DATE.finditer(path):
        year, month, day = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
        if day is None:
            return f"{year}-{month}"
        try:
            return date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            continue
    return None
