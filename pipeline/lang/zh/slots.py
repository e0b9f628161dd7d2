"""Names in Chinese trigger slots that no stage recognised (:class:`pipeline.lang.pack.SlotReader`):
将A（English A）、B（English B）等N家实体列入…, 对X进行/采取…, 列入…，其中包括A、B和C等, and the numbered
lines of an appendix (1. A（English A）, （一）A（English A），男，…)."""
from __future__ import annotations

import re

from ...entities import typer as orgtype
from ...events.discover import EntityLookup, add
from ...types import Document, Entity
from ..en.slots import FIRM as LATIN_FIRM, name_type as latin_type
from ..scripts import has
from ..triggers import Trigger

_FIRM = re.compile(r"(?:公司|集团|企业|银行|分公司|有限责任公司|股份有限公司|航空|工厂|厂|商行|"
                   r"Inc\.?|LLC|Corp\.?|Ltd\.?)$")
_UNIV = re.compile(r"(?:大学|学院|大學|學院)$")
_GOV = re.compile(r"(?:公安厅|公安廳|公安局|厅|廳|局|部|委员会|委員會|政府|办公室|辦公室|监狱|監獄)$")
_ORG = re.compile(r"(?:研究所|研究院|研究中心|实验室|中心|委员会|论坛|项目|协会|基金会|组织|联盟|学会|智库|"
                  r"研究會|委員會|實驗室|協會|組織)$")
#: "美国军工企业", "境内的组织", "上述实体": a description, not a name
_TITLE = re.compile(r"^.*?(?:董事会主席|董事会成员|理事会主席|董事长|主任|顾问|主席|副主席|董事|经理|总裁|成员|议员|律师|官员|创始人|"
                    r"首席执行官|执行董事|主编|研究员|负责人|秘书长|部长|大使|主管|总监|教授)")
_ITEM_MARK = re.compile(r"^\s*(?:[（(][一二三四五六七八九十百]+[）)]|\d+[.、．]|[一二三四五六七八九十]+、|[-－—•·])\s*")
_PAIR = re.compile(r"(?P<zh>[\u4e00-\u9fffA-Za-z0-9·•“”\"\s]{2,50}?)\s*[（(](?P<en>[A-Za-z][^（）()]{1,90})[）)]")
#: what opens an object before the trigger (将X列入, 对X实施)
_SLOT_START = re.compile(r"(?:将|將|把|对|對)")
#: what introduces the parties of a listing after it (列入…，其中包括A、B和C等)
_INCLUDING = re.compile(r"(?:其中)?(?:包括|包含|有)")
#: the light verb that ends an object opened before the trigger (对X进行/采取…)
_LIGHT_VERB = re.compile(r"(?:进行|实施|采取|实行|予以|给予|作出|依法)")


def slot_names(doc: Document, mtext: str, trig: Trigger, region: tuple[int, int],
               look: EntityLookup) -> list[Entity]:
    """The parties a listing says it includes, and the object that 将/对 opens before the trigger
    (up to a light verb), else the object after the trigger."""
    hi = region[1]
    starts = [m.end() for m in _SLOT_START.finditer(mtext, region[0], trig.start)]
    found: list[Entity] = []
    listed = _INCLUDING.search(mtext, trig.end, hi)
    if listed:
        found = names(doc, listed.end(), hi, look, mtext)
    if starts:
        verb = _LIGHT_VERB.search(mtext, starts[-1], trig.start)
        stop = verb.start() if verb else trig.start
        return found + names(doc, starts[-1], stop, look, mtext)
    return names(doc, trig.end, hi, look, mtext) if hi > trig.end else []


def line_names(doc: Document, start: int, end: int, mtext: str, look: EntityLookup,
               appendix: bool, script: str | None) -> list[Entity] | None:
    """A line in Han letters without Hangul (其中包括…, an appendix line) names its parties."""
    line = doc.text[start:end]
    if not has(line, "han") or has(line, "hangul"):
        return None
    return names(doc, start, end, look, mtext)


def names(doc: Document, start: int, end: int, look: EntityLookup, mask: str | None = None) -> list[Entity]:
    """Names in a Chinese object slot or appendix line ``text[start:end]`` (``mask``: the text
    with list names and titles masked, whose spans are never names); a name the document has
    named before keeps the type it had."""
    covered = look.near(start, end)
    known = look.known()
    text = doc.text
    found: list[tuple[int, int, str]] = []
    for m in _PAIR.finditer(text, start, end):      # 名（Latin name）
        s, e = _trim(text, *m.span("zh"))
        etype = _type(text[s:e], m.group("en"))
        if etype and e - s >= 2:
            found.append((s, e, etype))
    items, people = _items(text, start, end)
    for s, e in items:                                  # A、B、C等 without brackets
        s0 = s
        s, e = _trim(text, s, e)
        if orgtype.is_description(text[s:e]):
            continue                                    # 境内的高校、机构等组织和个人: kinds, not names
        titled = bool(_TITLE.match(text[s0:e])) and s > s0   # 前议员加拉格尔: a person
        etype = _type(text[s:e], None) or known.get(text[s:e])   # named before in the text
        if etype is None and (people or titled) and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", text[s:e]):
            etype = "PERSON"                            # 对余茂春、托德·斯坦恩等…个人
        if etype and e - s >= 2:
            found.append((s, e, etype))
    return add(doc, found, covered, mask)


def _items(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], bool]:
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


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop item numbers, an aspect particle before a Latin name (制裁了ARCLM), relative clauses (参与…的),
    titles (执行主任), quotes and 将/对."""
    piece = text[s:e]
    cut = 0
    m = _ITEM_MARK.match(piece)
    if m:
        cut = m.end()
    m = re.match(r"\s*(?:以及|和|及|与|或)", piece[cut:])      # A（En）和B（En）
    if m:
        cut += m.end()
    m = re.match(r"\s*(?:了|过|過)(?=\s*[A-Za-z])", piece[cut:])   # 制裁了ARCLM: the aspect particle after the trigger
    if m:
        cut += m.end()
    for marker in ("的", "：", ":", "，", "、", "包括", "以及", "将", "对", "把"):
        i = piece.rfind(marker, cut)
        if i >= 0:
            cut = i + len(marker)
    m = _TITLE.match(piece[cut:])
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


def _type(name: str, latin: str | None) -> str | None:
    """The type of a name by its head word; ``latin``: the Latin name in brackets after it."""
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9&.,'()/ -]*", name or ""):
        if re.fullmatch(r"[A-Z][A-Za-z0-9&+-]{2,}", name):
            return latin_type(name) or "FIRM"           # 将Autel列入: a brand in a Chinese slot is a firm
        return latin_type(name)                         # -TechInsights Europe Limited
    if not name or re.search(r"[，。；：]|[\u4e00-\u9fff]\s+[\u4e00-\u9fff]", name) or len(name) > 40 \
            or orgtype.is_description(name):
        return None
    if _UNIV.search(name):
        return "UNIVERSITY"
    if _FIRM.search(name):
        return "FIRM"
    if _ORG.search(name):
        return "ORG"
    if _GOV.search(name) and len(name) >= 4:
        return "GOV"
    if "·" in name or "•" in name:
        return "PERSON"
    if latin and 2 <= len(name) <= 8 and re.fullmatch(r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,3}", latin.strip()) \
            and not LATIN_FIRM.search(latin):
        return "PERSON"
    return None
