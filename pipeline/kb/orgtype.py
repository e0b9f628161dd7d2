"""Organisation type decisions: FIRM, UNIVERSITY, GOV or ORG by name morphology and context.

The rules are tables, read in order; the first that matches decides. Korean and Chinese names
carry their head at the end (…대학교, …公司), English names at either end (University of …,
… Inc.), so each language has its own table. Chinese names are compared after normalisation
(traditional characters read as simplified).
"""
from __future__ import annotations

import re

from .normalize import normalize

#: (type, suffixes) for Korean names; a prefix ㈜/(주)/주식회사 also marks a firm. Research
#: institutes (연구원/연구소) are ORG: a university name is UNIVERSITY wherever its 대학 stands
#: (``UNIVERSITY_WORDS``).
KO_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("FIRM", ("㈜", "(주)", "주식회사", "유한회사", "전자", "그룹", "반도체", "텔레콤", "통신", "중공업",
              "테크놀로지", "테크놀로지스", "테크", "증권", "은행", "건설", "제약", "화학", "자동차", "항공",
              "홀딩스", "코퍼레이션", "컴퍼니", "디스플레이", "에너지", "공사", "실업", "상사", "물산", "해운",
              "상선", "제철", "생명", "화재", "보험", "카드", "캐피탈", "자산운용", "투자증권", "물류", "바이오",
              "일보", "신문", "뉴스", "방송", "엔터테인먼트", "백화점", "마트", "거래소", "타임스", "포스트",
              "텔레그라프", "저널", "미디어", "코리아", "개발", "엔지니어링", "시네마", "이앤씨", "피자", "뮤직")),
    ("UNIVERSITY", ("대학교", "대학", "대학원", "공과대", "사관학교", "대")),
    ("GOV", ("부", "청", "처", "위원회", "정부", "중앙은행", "당국", "백악관", "의회", "국방성", "군", "사령부",
             "대사관", "영사관", "위원부", "판공실", "실무기구", "검찰", "지검", "고검", "대검", "법원", "지법",
             "고법", "경찰", "경찰서", "국회", "공정위", "금융위", "감독원", "교육청", "시청", "도청",
             "구청", "부대", "군대", "함대", "사단", "구조대", "경비대", "특공대", "기동대", "소방대", "해병대",
             "자위대", "수비대", "근위대", "경호대")),
    ("ORG", ("협회", "재단", "연맹", "연합회", "클럽", "동맹", "학회", "협의회", "노조", "연구원", "연구소",
             "과학원", "이사회", "유족회", "센터", "당", "회", "회관", "박물관", "미술관", "도서관", "교회")),
)
KO_FIRM_PREFIXES = ("㈜", "(주)", "주식회사")

ZH_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("FIRM", ("公司", "集团", "股份", "有限", "科技", "株式会社", "银行", "控股", "电子", "企业", "分公司",
              "工厂", "实业", "技术", "证券", "交易所", "物业", "保险", "药业", "制药", "地产", "置业", "航运", "航空", "汽车",
              "拍卖行", "电器", "通信", "软件", "物流", "能源", "矿业", "钢铁", "化工", "分行", "支行", "商行")),
    ("UNIVERSITY", ("大学", "学院", "学校", "中学", "小学")),
    ("GOV", ("部", "委", "局", "署", "政府", "人民银行", "中央银行", "央行", "委员会", "国务院", "办公厅", "办公室", "解放军", "军", "海关",
             "总署", "议会", "国会", "白宫", "工作机制", "使馆", "法院", "检察院", "公安", "公安厅", "派出所",
             "警方", "厅", "人大", "常委会", "政协", "领事馆", "军方", "部队", "舰队", "海军", "陆军", "空军")),
    ("ORG", ("俱乐部", "协会", "基金会", "联合会", "商会", "联盟", "学会", "研究会", "工会", "研究院", "研究所",
             "科学院", "实验室", "研究中心", "党")),
)

#: A firm's name followed by one of its departments (…公司公关部, …银行…信用卡部, …지점 영업부).
_FIRM_UNIT = re.compile(
    "(?:" + "|".join(sorted((w for t, ws in ZH_SUFFIXES + KO_SUFFIXES if t == "FIRM" for w in ws if len(w) >= 2),
                            key=len, reverse=True)) + r").+(?:部|处|科|室|中心|부|팀|실)$")

#: Government heads of two characters or more that name a body on their own (검찰은, 法院认为).
_BARE_GOV = frozenset(w for typ, words in KO_SUFFIXES + ZH_SUFFIXES if typ == "GOV" for w in words if len(w) >= 2)

#: Words that make an organisation a university wherever they stand in its name (哈尔滨工业大学
#: 深圳研究院, 서울대 공과대학 연구소, University of X Institute): affiliation beats the head.
UNIVERSITY_WORDS = re.compile(r"大学|大學|대학|\buniversity\b|\binstitute of technology\b|\bpolytechnic\b",
                              re.IGNORECASE)

_EN = re.IGNORECASE
#: (type, pattern) for English names, in order: legal forms first, then heads. "Institute",
#: "Academy of Sciences", "Center" are ORG (think tanks, research bodies) unless a university word
#: is in the name.
EN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("FIRM", re.compile(r"\b(?:inc|corp|corporation|co|ltd|llc|plc|gmbh|ag|s\.?a|limited|l\.?p|nv|bv|ab|spa|oyj"
                        r"|asa|kk|pte|pty|bhd|tbk|srl|sarl)\b\.?"
                        r"|\bcompany\b|\bholdings?\b|\bnews agency\b|\bnewspaper\b|\bbroadcast(?:ing|er)\b"
                        r"|\b(?:pank|banco|banque|banca)\b", _EN)),
    ("UNIVERSITY", re.compile(r"\b(?:university|college|polytechnic|school of)\b|\binstitute of technology\b",
                              _EN)),
    ("GOV", re.compile(r"\b(?:ministry|department|bureau|agency|commission|office|administration"
                       r"|council|government|parliament|congress|senate|embassy|army|navy|air force"
                       r"|white house|pentagon|treasury|cabinet|customs|directorate|authority"
                       r"|court|tribunal|prosecutors?|prosecution|police|marines|coast guard|military"
                       r"|corps|central bank|federal reserve)\b", _EN)),
    ("ORG", re.compile(r"\b(?:institute|academy of sciences|laborator(?:y|ies)|research cent(?:er|re)"
                       r"|foundation|association|federation|society|union)\b", _EN)),
    ("UNIVERSITY", re.compile(r"\bacademy\b", _EN)),
    ("FIRM", re.compile(r"\b(?:technologies|technology|group|systems|electronics|industries"
                        r"|semiconductors?|telecom|motors|aerospace|networks|solutions|labs|bank"
                        r"|pharmaceuticals?|enterprises|shipping|airlines|airways|logistics|trading"
                        r"|petroleum|securities|insurance|investments?|capital|partners|exchange)\b", _EN)),
)

#: Characters on each side of a name searched for cue words (12 instead of 30 changed nothing on
#: CLUENER dev and traded right for wrong types one for one on KLUE dev).
CONTEXT_CHARS = 30
#: (type, cue words) right around an organisation name, checked when the name says nothing.
CONTEXT_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("UNIVERSITY", ("총장", "교수", "학생", "캠퍼스", "校长", "教授", "学生", "校区", "professor", "students",
                    "campus", "researchers at")),
    ("GOV", ("장관", "차관", "대변인", "청장", "部长", "发言人", "局长", "minister", "secretary",
             "spokesperson", "spokesman", "spokeswoman", "regulator")),
    ("FIRM", ("주가", "매출", "최고경영자", "CEO", "대표이사", "주식", "상장", "股价", "营收", "首席执行官",
              "董事长", "上市", "shares", "revenue", "chief executive", "stock", "listed", "subsidiary",
              "자회사", "子公司", "계열사", "supermarket", "retailer", "stores", "net profit", "takeover",
              "지분", "持股", "stake in", "보도했", "报道", "reported")),
)

ORG_TYPES = frozenset({"FIRM", "UNIVERSITY", "GOV", "ORG"})

#: (type, endings) that tell a "person" from the model is a firm or a place (삼이실업, 서울역,
#: 北京站, Delight Shipping Co.); only endings no personal name has, after at least two characters.
NOT_PERSON: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("FIRM", re.compile(r"(?:실업|상사|물산|전자|그룹|홀딩스|증권|은행|공사|㈜|주식회사|公司|集团|银行|銀行|科技)$"
                        r"|\b(?:inc|corp|co|ltd|llc|plc|group|holdings|bank)\.?$", _EN)),
    ("LOC", re.compile(r"(?:역|역사|공항|항구|站|机场|機場|港口)$|\b(?:station|airport)$", _EN)),
)


def by_name(name: str) -> str | None:
    """The type the name's own morphology gives, or None when it says nothing."""
    name = name.strip()
    if not name:
        return None
    if any(c.isascii() and c.isalpha() for c in name) and not _has_cjk(name):
        typ = next((t for t, pattern in EN_PATTERNS if pattern.search(name)), None)
    elif name.startswith(KO_FIRM_PREFIXES):
        return "FIRM"
    elif normalize(name) in _BARE_GOV:
        return "GOV"  # 검찰, 경찰, 法院: the body itself, named by its head
    else:
        typ = _longest_suffix(normalize(name))
        if typ == "GOV" and _FIRM_UNIT.search(normalize(name)):
            return "FIRM"  # 链家地产市场研究部, 交通银行深圳分行信用卡部: a department of a firm
    if typ in ("ORG", "UNIVERSITY") and UNIVERSITY_WORDS.search(name):
        return "UNIVERSITY"
    return typ


#: Titles that stand between an organisation and a person's name (里根基金会首席行政官乔安妮·德雷克,
#: 삼성전자 회장 이재용): a "person" span holding one of them is an organisation and a person.
TITLES = re.compile(
    r"首席执行官|首席行政官|首席运营官|首席财务官|董事长|总经理|总裁|副总裁|主席|副主席|部长|副部长|局长|"
    r"发言人|大使|主任|院长|校长|所长|行长|总监|书记|秘书长|会长|理事长|CEO|总统|总理|国家主席|"
    r"회장|부회장|사장|부사장|대표이사|대표|장관|차관|청장|대변인|대사|원장|총장|소장|위원장|이사장|국장|"
    r"대통령|총리|주석|국무위원장")


def not_person(name: str) -> str | None:
    """FIRM or LOC when a name typed PERSON ends like a firm or a place (``NOT_PERSON``); for a
    Latin name of two words or more, the type its organisation words give (Dongguan Poweramp
    Technology, Xinjiang Production and Construction Corps)."""
    name = name.strip()
    if " " in name and name.isascii():
        typ = by_name(name)
        if typ in ("FIRM", "GOV", "UNIVERSITY"):
            return typ
    for typ, pattern in NOT_PERSON:
        m = pattern.search(name)
        if m and m.start() >= 2:
            return typ
    return None


def by_context(before: str, after: str) -> str | None:
    """The type cue words near the name give (``before``/``after``: text around it)."""
    window = f"{before[-CONTEXT_CHARS:]} {after[:CONTEXT_CHARS]}".lower()
    for typ, cues in CONTEXT_CUES:
        if any(cue.lower() in window for cue in cues):
            return typ
    return None


def classify(name: str, before: str = "", after: str = "") -> str:
    """FIRM, UNIVERSITY, GOV or ORG for an organisation name, by morphology then context (not for
    a one-character name: 남(북), 한(미) say nothing of what stands around them)."""
    return by_name(name) or (by_context(before, after) if len(name.strip()) > 1 else None) or "ORG"


#: Chinese words that describe parties without naming one (美国军工企业, 境内的高校, 数十家公司).
_ZH_DESCRIPTION = re.compile(r"^(?:美国|中国|外国|境内|境外|我国|相关|有关|上述|该|这些|其他|以下|下列|部分|军工|国内|国外|"
                             r"的|及|和|\s)*(?:企业|实体|机构|单位|组织|个人|人员|公司|高级管理人员|官员|高校|院校|学校|团体|媒体)$"
                             r"|^(?:数十|数百|数千|多|几|若干|\d+|[一二两三四五六七八九十百千]+)\s*(?:家|个|名|所|位)")


def is_description(name: str) -> bool:
    """The Chinese words describe a kind of party (美国军工企业, 高校, 数十家公司), not one by name."""
    return bool(_ZH_DESCRIPTION.match(name))


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


def head(name: str) -> tuple[str, int] | None:
    """Korean/Chinese names: the type and length of the longest head suffix (…公司 -> FIRM, 2)."""
    return _longest_suffix_len(normalize(name.strip()))


def _longest_suffix(name: str) -> str | None:
    """The type of the longest head (``KO_SUFFIXES``, ``ZH_SUFFIXES``) that ends ``name`` and is
    not all of it."""
    best = _longest_suffix_len(name)
    return best[0] if best else None


def _suffix_table() -> dict[str, str]:
    """Head -> type; a head listed under two types keeps the first table's (Korean) type."""
    table: dict[str, str] = {}
    for typ, suffixes in KO_SUFFIXES + ZH_SUFFIXES:
        for suffix in suffixes:
            table.setdefault(suffix, typ)
    return table


_SUFFIXES = _suffix_table()
_LONGEST_SUFFIX = max(map(len, _SUFFIXES))


def _longest_suffix_len(name: str) -> tuple[str, int] | None:
    for n in range(min(_LONGEST_SUFFIX, len(name) - 1), 0, -1):
        typ = _SUFFIXES.get(name[-n:])
        if typ is not None:
            return typ, n
    return None
