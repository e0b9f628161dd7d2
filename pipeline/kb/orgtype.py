"""Organisation type decisions: FIRM, UNIVERSITY, GOV or ORG by name morphology and context.

The rules are tables, read in order; the first that matches decides. Korean and Chinese names
carry their head at the end (…대학교, …公司), English names at either end (University of …,
… Inc.), so each language has its own table. Chinese names are compared after normalisation
(traditional characters read as simplified).
"""
from __future__ import annotations

import re

from .normalize import normalize

#: (type, suffixes) for Korean names; a prefix ㈜/(주)/주식회사 also marks a firm.
KO_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("FIRM", ("㈜", "(주)", "주식회사", "유한회사", "전자", "그룹", "반도체", "텔레콤", "통신", "중공업",
              "테크놀로지", "테크놀로지스", "테크", "증권", "은행", "건설", "제약", "화학", "자동차", "항공",
              "홀딩스", "코퍼레이션", "컴퍼니", "디스플레이", "에너지")),
    ("UNIVERSITY", ("대학교", "대학", "대학원", "연구소", "연구원", "과학원", "공과대", "사관학교")),
    ("GOV", ("부", "청", "처", "위원회", "정부", "당국", "백악관", "의회", "국방성", "군", "사령부",
             "대사관", "영사관", "위원부", "판공실", "실무기구")),
    ("ORG", ("협회", "재단", "연맹", "연합회", "클럽", "동맹", "학회", "협의회", "노조")),
)
KO_FIRM_PREFIXES = ("㈜", "(주)", "주식회사")

ZH_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("FIRM", ("公司", "集团", "股份", "有限", "科技", "株式会社", "银行", "控股", "电子", "企业", "分公司",
              "工厂", "实业", "技术")),
    ("UNIVERSITY", ("大学", "学院", "研究院", "研究所", "科学院", "实验室", "学校", "研究中心")),
    ("GOV", ("部", "委", "局", "署", "政府", "委员会", "国务院", "办公厅", "办公室", "解放军", "军", "海关",
             "总署", "议会", "国会", "白宫", "工作机制", "使馆", "法院", "检察院")),
    ("ORG", ("俱乐部", "协会", "基金会", "联合会", "商会", "联盟", "学会", "研究会", "工会")),
)

_EN = re.IGNORECASE
#: (type, pattern) for English names, in order: legal forms first, then heads.
EN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("FIRM", re.compile(r"\b(?:inc|corp|corporation|co|ltd|llc|plc|gmbh|ag|s\.?a|limited|l\.?p)\b\.?"
                        r"|\bcompany\b|\bholdings?\b", _EN)),
    ("UNIVERSITY", re.compile(r"\b(?:university|college|institute|academy|polytechnic|school of)\b"
                              r"|\blaborator(?:y|ies)\b|\bresearch cent(?:er|re)\b", _EN)),
    ("GOV", re.compile(r"\b(?:ministry|department|bureau|agency|commission|office|administration"
                       r"|council|government|parliament|congress|senate|embassy|army|navy|air force"
                       r"|white house|pentagon|treasury|cabinet|customs|directorate|authority)\b", _EN)),
    ("FIRM", re.compile(r"\b(?:technologies|technology co|group|systems|electronics|industries"
                        r"|semiconductors?|telecom|motors|aerospace|networks|solutions|labs|bank"
                        r"|pharmaceuticals?|enterprises)\b", _EN)),
)

#: (type, cue words) in the sentence around an organisation name, checked when the name says nothing.
CONTEXT_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("UNIVERSITY", ("총장", "교수", "학생", "캠퍼스", "校长", "教授", "学生", "校区", "professor", "students",
                    "campus", "researchers at")),
    ("GOV", ("장관", "차관", "대변인", "청장", "部长", "发言人", "局长", "minister", "secretary",
             "spokesperson", "spokesman", "spokeswoman", "regulator")),
    ("FIRM", ("주가", "매출", "최고경영자", "CEO", "대표이사", "주식", "상장", "股价", "营收", "首席执行官",
              "董事长", "上市", "shares", "revenue", "chief executive", "stock", "listed", "subsidiary",
              "자회사", "子公司", "계열사")),
)

ORG_TYPES = frozenset({"FIRM", "UNIVERSITY", "GOV", "ORG"})


def by_name(name: str) -> str | None:
    """The type the name's own morphology gives, or None when it says nothing."""
    name = name.strip()
    if not name:
        return None
    if any(c.isascii() and c.isalpha() for c in name) and not _has_cjk(name):
        for typ, pattern in EN_PATTERNS:
            if pattern.search(name):
                return typ
        return None
    if name.startswith(KO_FIRM_PREFIXES):
        return "FIRM"
    return _longest_suffix(normalize(name), KO_SUFFIXES + ZH_SUFFIXES)


def by_context(before: str, after: str) -> str | None:
    """The type cue words near the name give (``before``/``after``: text around it)."""
    window = f"{before[-30:]} {after[:30]}".lower()
    for typ, cues in CONTEXT_CUES:
        if any(cue.lower() in window for cue in cues):
            return typ
    return None


def classify(name: str, before: str = "", after: str = "") -> str:
    """FIRM, UNIVERSITY, GOV or ORG for an organisation name, by morphology then context."""
    return by_name(name) or by_context(before, after) or "ORG"


def strip_legal_suffix(name: str) -> str:
    """``name`` without a trailing legal form (Inc., Co., Ltd., 公司, 股份有限公司, 주식회사)."""
    out = _LEGAL_TAIL.sub("", name).strip(" ,.")
    out = re.sub(r"^(?:㈜|\(주\)|주식회사)\s*", "", out)
    return out or name


_LEGAL_TAIL = re.compile(
    r"(?:[\s,]+(?:inc|corp|corporation|co|ltd|llc|plc|limited|company|l\.?p|limited partnership)\.?)+$"
    r"|(?:股份有限公司|有限责任公司|有限公司|株式会社|公司|集团)$|(?:\s*주식회사|\s*㈜)$", re.IGNORECASE)


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7a3" for c in text)


def _longest_suffix(name: str, table: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    """The type of the longest suffix in ``table`` that ends ``name`` (and is not all of it)."""
    best: tuple[int, str] | None = None
    for typ, suffixes in table:
        for suffix in suffixes:
            if name.endswith(suffix) and len(name) > len(suffix) and (best is None or len(suffix) > best[0]):
                best = (len(suffix), typ)
    return best[1] if best else None
