"""Targets that no earlier stage recognised, read off the object slot of a sanction trigger.

Official announcements enumerate their targets in a fixed form: 将A（English A）、B（English B）等N家
实体列入…, an appendix of numbered lines (1. A（English A）, （一）A（English A），男，…), "by removing
A; B; and C", a Federal Register order title "A, address; B a/k/a C, address; Order Denying
Export Privileges". Such a slot holds names by construction, so a name found there that no
entity covers becomes an entity (``source="rule"``, score 0.6, no canonical id: it is not in
the knowledge base). Its type comes from its head word (公司 → FIRM, 大学 → UNIVERSITY, a
transliterated person name with ·, or a bracketed Latin name without a company suffix → PERSON).
"""
from __future__ import annotations

import re

from ..entities import typer as orgtype
from ..types import Document, Entity

SCORE = 0.6

_ZH_FIRM = re.compile(r"(?:公司|集团|企业|银行|分公司|有限责任公司|股份有限公司|航空|工厂|厂|商行|"
                      r"Inc\.?|LLC|Corp\.?|Ltd\.?)$")
_ZH_UNIV = re.compile(r"(?:大学|学院|大學|學院)$")
_ZH_GOV = re.compile(r"(?:公安厅|公安廳|公安局|厅|廳|局|部|委员会|委員會|政府|办公室|辦公室|监狱|監獄)$")
_ZH_ORG = re.compile(r"(?:研究所|研究院|研究中心|实验室|中心|委员会|论坛|项目|协会|基金会|组织|联盟|学会|智库|"
                     r"研究會|委員會|實驗室|協會|組織)$")
#: "美国军工企业", "境内的组织", "上述实体": a description, not a name
_ZH_TITLE = re.compile(r"^.*?(?:董事会主席|董事会成员|理事会主席|董事长|主任|顾问|主席|副主席|董事|经理|总裁|成员|议员|律师|官员|创始人|首席执行官|"
                       r"执行董事|主编|研究员|负责人|秘书长|部长|大使|主管|总监|教授)")
_ZH_ITEM_MARK = re.compile(r"^\s*(?:[（(][一二三四五六七八九十百]+[）)]|\d+[.、．]|[一二三四五六七八九十]+、|[-－—•·])\s*")
_ZH_PAIR = re.compile(r"(?P<zh>[\u4e00-\u9fffA-Za-z0-9·•“”\"\s]{2,50}?)\s*[（(](?P<en>[A-Za-z][^（）()]{1,90})[）)]")

_EN_FIRM = re.compile(r"\b(?:Co|Co\.|Company|Corp|Corp\.|Corporation|Inc|Inc\.|Ltd|Ltd\.|LLC|L\.L\.C\.|Limited|"
                      r"Group|GmbH|PLC|JSC|PJSC|OOO|LLP|S\.A\.|AG|KK|SARL|SAS|BV|NV|SpA|Srl|Sp\.?\s?z\s?o\.?o\.?|"
                      r"Airlines|Airways|Bank|Holdings|"
                      r"Technolog(?:y|ies)|Industries|Systems|Electronics|Semiconductor)\b\.?")
_EN_UNIV = re.compile(r"\b(?:University|Institute|Academy|College|Polytechnic)\b")
_EN_GOV = re.compile(r"\b(?:Ministry|Department|Bureau|Agency|Armed Forces|Government)\b")
_EN_ORG = re.compile(r"\b(?:Organization|Organisation|Committee|Foundation|Council|Association|Forum|"
                     r"Project|Center|Centre|Corps|Society|Federation)\b")
_EN_NOT_NAME = re.compile(r"\b(?:List|Lists|Regulations?|Act|Order|Rule|Register|Summary|Title|Privileges|"
                          r"Street|St|Road|Rd|Lane|Avenue|Ave|Way|District|Province|Box|Zone|Tower|Building|"
                          r"Floor|Room|Suite|Block|Exp|Export|Administration|United States|Executive|"
                          r"Section|Entity|Entities)\b\.?")
_EN_NAME = re.compile(r"(?:[A-Z0-9][\w&.'/-]*|\([A-Z][\w .'-]*\))(?:\s+(?:[A-Z0-9(][\w&.'()/-]*|of|and|for|de|"
                      r"the|&|du|la|von|van|bin|al-?\w*))*")
_EN_ROLE = re.compile(r"^.*\b(?:[Dd]irector|[Pp]resident|[Cc]hairman|CEO|[Mm]inister|[Cc]ommander|[Oo]fficial|"
                      r"[Ss]ecretary|[Ff]ounder|[Gg]overnor|[Ee]xecutive)\s+(?=[A-Z])")
_EN_AKA = re.compile(r"\s+(?:a/k/a|aka|also known as)\b.*$", re.IGNORECASE)


def discover_zh(doc: Document, start: int, end: int, covered: list[Entity],
                mask: str | None = None, known: dict[str, str] | None = None) -> list[Entity]:
    """Names in a Chinese object slot or appendix line ``text[start:end]`` (``mask``: the text
    with list names and titles masked, whose spans are never names; ``known``: the type of
    each name an entity of the document has, by :func:`known_names`)."""
    text = doc.text
    found: list[tuple[int, int, str]] = []
    for m in _ZH_PAIR.finditer(text, start, end):      # 名（Latin name）
        s, e = _trim_zh(text, *m.span("zh"))
        etype = _zh_type(text[s:e], m.group("en"))
        if etype and e - s >= 2:
            found.append((s, e, etype))
    items, people = _zh_items(text, start, end)
    known = known_names(doc.entities) if known is None else known
    for s, e in items:                                  # A、B、C等 without brackets
        s0 = s
        s, e = _trim_zh(text, s, e)
        if orgtype.is_description(text[s:e]):
            continue                                    # 境内的高校、机构等组织和个人: kinds, not names
        titled = bool(_ZH_TITLE.match(text[s0:e])) and s > s0   # 前议员加拉格尔: a person
        etype = _zh_type(text[s:e], None) or known.get(text[s:e])   # named before in the text
        if etype is None and (people or titled) and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", text[s:e]):
            etype = "PERSON"                            # 对余茂春、托德·斯坦恩等…个人
        if etype and e - s >= 2:
            found.append((s, e, etype))
    return _add(doc, found, covered, mask)


def discover_en(doc: Document, start: int, end: int, covered: list[Entity],
                single: bool = False, mask: str | None = None) -> list[Entity]:
    """Names in an English object slot: "A; B; and C", "A, B and C", "A, address; B, address";
    with ``single`` the slot is one name (an appendix line)."""
    text = doc.text
    chunk = text[start:end]
    if single:
        parts = [chunk]
    elif ";" in chunk:
        parts = chunk.split(";")
    else:                                   # "SMIC and DJI", but "Xinjiang Production and Construction Corps"
        parts = [p for piece in re.split(r",\s*", chunk)
                 for p in ([piece] if _en_type(_clean_en(piece)) in ("FIRM", "ORG", "GOV", "UNIVERSITY")
                           else re.split(r"^and\s+|\s+and\s+", piece))]
    found, pos = [], start
    for part in parts:
        at = text.find(part, pos, end)
        pos = at + len(part)
        if ";" in chunk and not single:                  # "Name, address" segments
            part = part.split(",")[0]
        part = _clean_en(part)
        m = _EN_NAME.fullmatch(part)
        if not m or not part:
            continue
        s = text.find(part, at, pos)
        etype = _en_type(part)
        if s >= 0 and etype:
            found.append((s, s + len(part), etype))
    return _add(doc, found, covered, mask)


def _clean_en(part: str) -> str:
    """An item without its number, article, "a/k/a" names and bracketed abbreviation."""
    part = re.sub(r"^\s*(?:[-–—•·]\s*|\d+[.)]\s+|\([a-z0-9]+\)\s*)?(?:and\s+|the\s+|In the Matter of:\s*|"
                  r"Title:\s*)*", "", part)
    part = _EN_AKA.sub("", part)
    part = _EN_ROLE.sub("", part)           # "DIO Director Mehrdad A.", "nominal president Nicholas M."
    part = re.sub(r"\s*\([A-Z][A-Za-z.&-]{1,10}\)\s*$", "", part.strip(" .,:"))   # … Corp (SMIC)
    return part.strip(" .,:")


_KO_APPOSITION = re.compile(
    r"(?:업체|기업|은행|회사|대학|제조사|제조업체|기관|그룹|연구소|연구원|방산업체|통신사|통신업체|운영사|개발사|"
    r"자회사|계열사|항공사|해운사|거래소|무역회사|조선사)\s+"
    r"(?P<name>[가-힣A-Za-z0-9&.·-]{2,20}?)(?:\([^()]{1,40}\))?(?=을|를|과|와|,|\s*및|\s+등|\s+\d)")
_KO_UNIV = re.compile(r"(?:대학|대학교|연구소|연구원)$")


def discover_ko(doc: Document, start: int, end: int, covered: list[Entity],
                mask: str | None = None) -> list[Entity]:
    """Names introduced by what they are: "러시아 최대 은행 스베르방크를", "드론업체 DJI와"."""
    found = []
    for m in _KO_APPOSITION.finditer(doc.text, start, end):
        s, e = m.span("name")
        name = m.group("name")
        if orgtype.is_description(name) or name in ("이", "그", "해당", "등"):
            continue
        found.append((s, e, "UNIVERSITY" if _KO_UNIV.search(name) else "FIRM"))
    return _add(doc, found, covered, mask)


def _zh_items(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], bool]:
    """Pieces of an enumeration between 、 and 等 (将A、B、C等N家实体，以及D和E), and whether what
    follows 等 says they are people (等…个人/人员/官员/名)."""
    out, people = [], False
    for seg in re.finditer(r"(?:(?!，以及|，及|以及).)+", text[start:end]):
        s0, e0 = start + seg.start(), start + seg.end()
        m = re.search(r"等\s*(?:\d+|[一二两三四五六七八九十百]+)?\s*(?:家|名|个|個|所|位)?", text[s0:e0])
        stop = s0 + m.start() if m else e0
        people = people or bool(m and re.search(r"个人|人员|人員|官员|官員|议员|議員|名", text[s0 + m.start():s0 + m.start() + 24]))
        pos = s0
        for piece in re.split(r"、|(?:(?<=公司|集团|集團|大学|大學|学院|學院|中心)|(?<=[厅廳局]))(?:和|及|与|與)",
                              text[s0:stop]):
            at = text.find(piece, pos, stop)
            pos = at + len(piece)
            if piece and "（" not in piece and "(" not in piece:
                out.append((at, at + len(piece)))
    return out, people


def _trim_zh(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop item numbers, relative clauses (参与…的), titles (执行主任), quotes and 将/对."""
    piece = text[s:e]
    cut = 0
    m = _ZH_ITEM_MARK.match(piece)
    if m:
        cut = m.end()
    m = re.match(r"\s*(?:以及|和|及|与|或)", piece[cut:])      # A（En）和B（En）
    if m:
        cut += m.end()
    for marker in ("的", "：", ":", "，", "、", "包括", "以及", "将", "对", "把"):
        i = piece.rfind(marker, cut)
        if i >= 0:
            cut = i + len(marker)
    m = _ZH_TITLE.match(piece[cut:])
    if m and len(piece) - cut - m.end() >= 2:
        cut += m.end()
    quoted = re.search(r"[“\"]([^”\"]{2,40})[”\"]", piece[cut:])
    if quoted:
        return s + cut + quoted.start(1), s + cut + quoted.end(1)
    s2 = s + cut
    while s2 < e and text[s2] in " \u3000\"“”":
        s2 += 1
    while e > s2 and text[e - 1] in " \u3000\"“”":
        e -= 1
    return s2, e


def _zh_type(name: str, latin: str | None) -> str | None:
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9&.,'()/ -]*", name or ""):
        return _en_type(name)                           # -TechInsights Europe Limited
    if not name or re.search(r"[，。；：]|[\u4e00-\u9fff]\s+[\u4e00-\u9fff]", name) or len(name) > 40 \
            or orgtype.is_description(name):
        return None
    if _ZH_UNIV.search(name):
        return "UNIVERSITY"
    if _ZH_FIRM.search(name):
        return "FIRM"
    if _ZH_ORG.search(name):
        return "ORG"
    if _ZH_GOV.search(name) and len(name) >= 4:
        return "GOV"
    if "·" in name or "•" in name:
        return "PERSON"
    if latin and 2 <= len(name) <= 8 and re.fullmatch(r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,3}", latin.strip()) \
            and not _EN_FIRM.search(latin):
        return "PERSON"
    return None


def _en_type(name: str) -> str | None:
    if _EN_NOT_NAME.search(name) and not _EN_FIRM.search(name):
        return None
    if _EN_UNIV.search(name):
        return "UNIVERSITY"
    if _EN_FIRM.search(name):
        return "FIRM"
    if _EN_GOV.search(name):
        return "GOV"
    if _EN_ORG.search(name):
        return "ORG"
    words = name.split()     # Roman Anatolyevich Alar; O Yong Ho (a one-letter Korean surname)
    if 2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z](?:[a-z'-]+(?:-[A-Z][a-z'-]+)?)?", w) for w in words) \
            and sum(len(w) > 1 for w in words) >= 2:
        return "PERSON"
    return None


KNOWN_TYPES = frozenset({"FIRM", "UNIVERSITY", "ORG", "PERSON"})


def known_names(entities: list[Entity], into: dict[str, str] | None = None) -> dict[str, str]:
    """Name -> type of the named entities (the last one's type for a name written twice)."""
    known = {} if into is None else into
    known.update((c.text, c.type) for c in entities if c.type in KNOWN_TYPES)
    return known


def _add(doc: Document, found: list[tuple[int, int, str]], covered: list[Entity],
         mask: str | None = None) -> list[Entity]:
    """New entities for the spans no existing entity overlaps, except entities strictly inside
    them (TechInsights in "TechInsights Japan KK", 美国 in 美国通用原子航空系统公司): the item
    is the whole name, and :func:`inside` tells the caller which entities it supersedes; a span
    holding two names that are not places is a coordination, not one name, and one that ends in
    a KB name only adds a place or a description to it."""
    out: list[Entity] = []
    covered = list(covered)        # as it was: what this call adds is in ``out``
    for s, e, etype in sorted(set(found)):
        if mask is not None and re.search("[■□]", mask[s:e]):
            continue                              # a list name or the title of a law
        if any(c.start < e and s < c.end and not (s <= c.start and c.end <= e and c.end - c.start < e - s)
               for c in covered + out):
            continue
        inner = [c for c in covered + out if s <= c.start and c.end <= e and c.type != "LOC"]
        if len(inner) > 1:
            continue                              # "O Yong Ho and Parsek LLC": two names, not one
        if inner and (inner[0].canonical or {}).get("id", "").startswith("nf:") and inner[0].end == e \
                and inner[0].start > s:
            continue                              # 美国国防承包商 + 诺斯罗普·格鲁曼公司: the KB name is the name
        out.append(doc.add_entity(Entity("", doc.text[s:e], etype, s, e, "rule", SCORE)))
    return out


def inside(new: list[Entity], ents: list[Entity]) -> set[str]:
    """Ids of the entities that lie strictly inside a discovered one."""
    return {c.id for c in ents for n in new
            if n.start <= c.start and c.end <= n.end and c.end - c.start < n.end - n.start}
