"""The one place where overlapping candidates are decided, and organisation types are settled.

Candidates come from the patterns (source "rule"), the gazetteer ("kb") and the NER model
("model"). First what is no name goes (``not_names``: words of a law's name, a headline's common
words), then the model's spans are repaired (``repair``: a bracket opened and not closed, an
organisation and a title inside a "person"), and ``compounds`` add the longer names a place or a
date begins (北京保利 + 拍卖有限公司, 한국 + 석유공사는, Shanghai + Ocean Shipping Co., 4·19 혁명 희생자
유족회). Two candidates that overlap are compared by ``RULES``,
in order; the first rule that prefers one of them decides. Then every organisation from the model
gets its type from the KB, else from the one organisation typer
(``pipeline.entities.typing_model.OrgTyper``: a learned model over its name, the words around it
and the rules of ``pipeline.entities.typer``); a model "person" whose name ends like a firm or a place
(삼이실업, 서울역) takes that type; finally entities are renumbered T1..Tn in text order.
"""
from __future__ import annotations

import bisect
import re
from typing import Any, Callable, Iterator

from . import rates
from . import typer as orgtype
from .typing_model import CONTEXT_CHARS, OrgMention, OrgTyper
from .. import lang
from ..kb.normalize import script, simplified
from ..lang.casing import all_common
from ..spans import SpanIndex
from ..types import Document, Entity, Sentence
from ..rules import declare, is_on, last, listed, rule

NUMERIC = frozenset({"MONEY", "DATE", "PERCENT", "QUANTITY"})

#: Which source is trusted with a name when two candidates claim the same text.
NAME_RANK = {"kb": 3, "rule": 2, "alias": 2, "model": 1}


def _rank(e: Entity) -> int:
    return NAME_RANK["model"] if _from_text(e) else NAME_RANK.get(e.source, 0)


def _contains(a: Entity, b: Entity) -> bool:
    """``a`` strictly contains ``b``."""
    return a.start <= b.start and b.end <= a.end and (a.end - a.start) > (b.end - b.start)


@rule("resolve.number_in_name")
def _number_vs_name(a: Entity, b: Entity) -> Entity | None:
    """A name that strictly contains a number keeps it, and so does a KB name a number crosses
    (中电科14所 against the count 14所等机构); else a rule number wins."""
    if (a.type in NUMERIC) == (b.type in NUMERIC):
        return None
    number, name = (a, b) if a.type in NUMERIC else (b, a)
    if _contains(name, number) or name.source == "kb" and not _contains(number, name):
        return name
    return number if number.source == "rule" else name


#: A conjunction right after (or before) a name inside a longer span: A and B, A和B, A와 B.
_CONJ_AFTER = re.compile(r"\s*(?:and|&|or)\s|[、，,和与及或]|(?:와|과|및) ")
_CONJ_BEFORE = re.compile(r"(?:\s(?:and|&|or)|[、，,和与及或]|(?:와|과|및))\s*$")


@rule("resolve.model_name_holds_kb_name")
def _model_org_contains(a: Entity, b: Entity) -> Entity | None:
    """A model organisation strictly containing a KB name is a longer name (北京保利, 哈工大深圳研究院,
    汇丰中国, Shanghai Ocean Shipping Co.), unless the KB name is one of a coordination (China
    Telecom and China Unicom), is a country's one-character form (在华业务 is no 华业务, 한미 is
    no organisation) or, with a space after it, is followed by words that end in no
    organisation head (삼성전자 시안: the KB name wins), or is what words before it describe
    (中国高校 + 哈尔滨工业大学: the KB name wins)."""
    for outer, inner in ((a, b), (b, a)):
        if _from_text(outer) and inner.source == "kb" and outer.type in orgtype.ORG_TYPES \
                and _contains(outer, inner):
            after = outer.text[inner.end - outer.start:]
            before = outer.text[:inner.start - outer.start]
            if _CONJ_AFTER.match(after) or _CONJ_BEFORE.search(before) or inner.end - inner.start == 1 \
                    or before.strip() and orgtype.is_description(before.strip()):
                return inner
            spaced = after[:1].isspace() and not (inner.type == "LOC" and not before)
            # English heads stand anywhere in a name: the words added must hold one themselves
            # (Hikvision + Digital Technology; not Department of State + Sanctions Action)
            added = after if after.isascii() and after.strip() else outer.text
            return None if spaced and not orgtype.by_name(added) else outer
    return None


def _at_space(text: str, i: int) -> bool:
    """Whether position ``i`` of ``text`` is next to a space (a boundary between spaced words)."""
    return text[i - 1:i].isspace() or text[i:i + 1].isspace()


@rule("resolve.proposed_name_holds_name")
def _proposed_name_contains(a: Entity, b: Entity) -> Entity | None:
    """A name proposed in an act's slot (``propose``: source "rule", a name type) that strictly
    contains another name is the whole item of the enumeration (TechInsights Japan KK, 美国 in
    美国通用原子航空系统公司): the proposal checked that it is not a coordination of two names."""
    for outer, inner in ((a, b), (b, a)):
        if outer.source == "rule" and not _from_text(outer) and outer.type in orgtype.NAME_TYPES and _contains(outer, inner):
            return outer
    return None


@rule("resolve.source_rank")
def _source_rank(a: Entity, b: Entity) -> Entity | None:
    """For names: kb over rule/alias over model."""
    ra, rb = _rank(a), _rank(b)
    if ra != rb:
        return a if ra > rb else b
    return None


@rule("resolve.longer_span")
def _longer(a: Entity, b: Entity) -> Entity | None:
    """Of two overlapping candidates from sources of one rank, the longer span."""
    la, lb = a.end - a.start, b.end - b.start
    return None if la == lb else (a if la > lb else b)


#: The overlap rules, in order; each returns the winner or None when it does not decide.
RULES: tuple[Callable[[Entity, Entity], Entity | None], ...] = (
    _number_vs_name, _model_org_contains, _proposed_name_contains, _source_rank, _longer,
)


# -- repairs of model spans ---------------------------------------------------------------------
_OPEN, _CLOSE = "(（[「『", ")）]」』"


@rule("resolve.trim_bracket", off=last)
def _trim_bracket(text: str, e: Entity) -> Entity | None:
    """A model span with an unbalanced bracket (SMIC(中芯國際, （drdo）) is cut to the name on one
    side of it: the part before the bracket, else the part inside it; None when nothing is left."""
    depth, cut = 0, None
    for i, ch in enumerate(e.text):
        if ch in _OPEN:
            depth, cut = depth + 1, (i if depth == 0 else cut)
        elif ch in _CLOSE:
            if depth == 0:
                cut = i
                break
            depth -= 1
    if depth == 0 and (cut is None or e.text[cut] not in _CLOSE):
        return e
    left, right = e.text[:cut].rstrip(), e.text[cut + 1:].strip(_OPEN + _CLOSE + " ")
    if len(left) >= 2:
        start, end = e.start, e.start + len(left)
    elif len(right) >= 2:
        start = e.start + e.text.index(right, cut)
        end = start + len(right)
    else:
        return None
    return _narrowed(text, e, start, end)


@rule("resolve.split_titled_person", off=listed)
def _split_titled_person(text: str, e: Entity) -> list[Entity]:
    """A model person that holds ``<organisation><title><name>`` (里根基金会首席行政官乔安妮·德雷克) is
    two entities: the organisation (typed by its head) and the person after the title; one that
    is only a title (현 주석) is none; a Korean one that ends in a title word (장 샤오밍 부주임) is the
    name before it."""
    if e.type != "PERSON":
        return [e]
    if orgtype.title_only(e.text):
        return []  # 현 주석, 前总统: a title, no name
    head = orgtype.before_title_word(e.text)
    if head is not None and script(e.text[-1]) == "hangul" and len(head.replace(" ", "")) >= 2:
        return [Entity(id="", text=head, type="PERSON", start=e.start, end=e.start + len(head), source=e.source,
                       score=e.score)]      # 장 샤오밍 부주임, 뤄 후이닝 홍콩연락사무소장: the name before the title
    for m in orgtype.titles().finditer(e.text):
        org, name = e.text[:m.start()].rstrip(), e.text[m.end():].lstrip()
        typ = orgtype.by_name(org)
        if typ and len(name) >= 2:
            name_start = e.start + e.text.index(name, m.end())
            return [Entity(id="", text=text[e.start:e.start + len(org)], type=typ, start=e.start,
                           end=e.start + len(org), source="model", score=e.score),
                    Entity(id="", text=name, type="PERSON", start=name_start, end=name_start + len(name),
                           source="model", score=e.score)]
    return [e]


#: lower-case words that begin names (Charles de Gaulle, bin Salman, al-Assad, van der Leyen)
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "da", "di",
                             "du", "dos", "das", "del", "ter", "ten", "zu", "abu", "bint"})


@rule("resolve.lowercase_lead_cut", off=last)
def _lowercase_lead_cut(text: str, e: Entity) -> Entity:
    """A model name in Latin letters that begins with a lower-case word (``ban Rubio``, ``sanctioned
    Huawei``) begins after it: names begin with a capital, or with a particle (de, bin, al-)."""
    m = re.match(r"([a-z]+)(?=[\s-])\s*", e.text)
    if m is None or m.group(1) in _NAME_PARTICLES or e.type not in orgtype.NAME_TYPES:
        return e
    rest = e.text[m.end():]
    if not rest[:1].isupper() or len(rest) < 2:
        return e
    return _narrowed(text, e, e.start + m.end(), e.end)


#: jieba's tags of a person's name: a name it knows, or a word its HMM found (霍留军)
_NAME_TAGS = frozenset({"nr", "nz"})


@rule("resolve.split_titled_body", off=listed)
def _split_titled_body(doc: Document, e: Entity) -> list[Entity]:
    """A model organisation that ends in ``<title><name>`` (公安廳黨委書記霍留軍) is two entities:
    the body before the title and the person after it, when the name is one word jieba reads as
    a name (nr) or a new word (nz) of two to four characters."""
    if e.type not in orgtype.ORG_TYPES:
        return [e]
    k = bisect.bisect_left(doc.tokens, e.end, key=lambda t: t.end)
    if k >= len(doc.tokens) or doc.tokens[k].end != e.end:
        return [e]
    name = doc.tokens[k]
    if name.pos not in _NAME_TAGS or not 2 <= len(name.text) <= 4 or name.start <= e.start \
            or any(script(c) != "han" for c in name.text):
        return [e]
    before = simplified(doc.text[e.start:name.start])
    title = next((m for m in orgtype.titles().finditer(before) if m.end() == len(before)), None)
    if title is None or title.start() < 2:
        return [e]
    body = _piece(doc.text, e.start, e.start + title.start(), e.type, e)
    return [body, _piece(doc.text, name.start, name.end, "PERSON", e)]


#: a Latin name, then Chinese characters (Inter-Coastal Electronics尚未回应)
_LATIN_THEN_HAN = re.compile(r"([A-Za-z0-9][\w .,&'’-]*?)\s*([\u4e00-\u9fff].*)$", re.S)


@rule("resolve.script_change_cut", off=last)
def _cut_at_script_change(doc: Document, e: Entity) -> Entity:
    """A model name that begins in Latin letters and runs on into Chinese words that are no name
    words ends where the script changes (Inter-Coastal Electronics尚未回应; not Valve公司, ac米兰,
    WCG组委会): in a sentence cut by jieba, when its first Chinese word is no noun; else (an English
    sentence, one token across the change) when the whole name has no organisation head."""
    m = _LATIN_THEN_HAN.match(e.text)
    if m is None or len(m.group(1).strip()) < 2:
        return e
    han = e.start + m.start(2)
    at = bisect.bisect_left(doc.tokens, han, key=lambda t: t.start)
    word = doc.tokens[at] if at < len(doc.tokens) and doc.tokens[at].start == han else None
    chinese = lang.compound_reader("han")
    if chinese.is_name_word(word.pos) if word is not None and word.pos and chinese is not None \
            else orgtype.by_name(e.text):
        return e
    return _narrowed(doc.text, e, e.start, e.start + len(m.group(1).rstrip()))


@rule("resolve.split_coordination", off=lambda doc, e, names: [e])
def _split_coordination(doc: Document, e: Entity, names: SpanIndex[Entity]) -> list[Entity]:
    """A model organisation that joins a KB name to another by a conjunction (Chinese Academy of
    Sciences and Peking University) keeps, as its own candidates, the conjuncts that are not
    the KB name; the KB name itself is decided by ``RULES``. Without a KB name, two Latin names
    that each end in an organisation's head are split too (Hunan University and Nanchang
    University)."""
    if e.type not in orgtype.ORG_TYPES:
        return [e]
    for inner in names.inside(e.start, e.end):
        if not _contains(e, inner):
            continue
        after = _CONJ_AFTER.match(doc.text, inner.end, e.end)
        before = _CONJ_BEFORE.search(doc.text, e.start, inner.start)
        pieces = []
        if after is not None:
            pieces.append((after.end(), e.end))
        if before is not None:
            pieces.append((e.start, before.start()))
        out = []
        for start, end in pieces:
            while start < end and doc.text[start].isspace():
                start += 1
            while end > start and doc.text[end - 1] in " ,":
                end -= 1
            if end - start >= 2:
                typ = orgtype.by_name(doc.text[start:end]) or e.type
                out.append(_piece(doc.text, start, end, typ, e))
        if out:
            return out
    return _split_headed_conjuncts(doc, e)


#: a conjunction between two names in a Latin organisation (Hunan University and Nanchang University)
_LATIN_CONJ = re.compile(r"\s+(?:and|&)\s+")


def _split_headed_conjuncts(doc: Document, e: Entity) -> list[Entity]:
    """A model organisation of two Latin names joined by "and" that each end in an organisation's
    head (Hunan University and Nanchang University) is the two of them."""
    conj = list(_LATIN_CONJ.finditer(e.text))
    if len(conj) != 1:
        return [e]
    spans = [(e.start, e.start + conj[0].start()), (e.start + conj[0].end(), e.end)]
    types = [orgtype.by_name(doc.text[s:t]) for s, t in spans]
    if not all(typ in orgtype.ORG_TYPES and len(doc.text[s:t].split()) >= 2 for typ, (s, t) in zip(types, spans)):
        return [e]
    return [_piece(doc.text, s, t, typ, e) for typ, (s, t) in zip(types, spans)]


#: An English law or regulation by name (the Iran Sanctions Act of 1996 (ISA), Export Administration
#: Regulations (EAR), Executive Order 13846): no entity stands inside it, and its abbreviation
#: (group ``abbr``) names the law wherever it recurs.
_LAW = re.compile(r"(?:\b[A-Z][\w'’-]*\s+(?:(?:of|and|for|on|&)\s+)*){1,8}"
                  r"(?:Act|Acts|Regulations?|Law|Directive|Ordinance)\b(?:\s+of\s+\d{4})?"
                  r"(?:\s*\((?P<abbr>[A-Z][A-Za-z]{1,9})\))?"
                  r"|\bExecutive\s+Order\s+(?:No\.\s*)?\d+")


_LIST_REACH = 60   # characters around a Latin model name searched for a list's name
_ABBREVIATION = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")


def list_names(catalogue: Any) -> str:
    """All the catalogue's list names, lower-cased, in one string: a model name can only lie inside
    a list's name if it is part of one (a cheap test before the catalogue's search)."""
    return "\n".join(n.lower() for e in catalogue.entries.values() for ns in e.names.values() for n in ns)


TRANSLITERATIONS = declare("resolve.transliterations",
                           "Loanword-shaped Hangul next to a firm head, a title or a count is a foreign name.")
LAW_NAMES = declare("resolve.law_names", "Nothing inside an English law's name, nor its abbreviation, is a name.")
LIST_NAMES = declare("resolve.list_names", "A model name inside a sanctions list's name (Unverified List) is no name.")
LEGAL_FORM_ALONE = declare("resolve.legal_form_alone", "A legal form alone (LLC, Co., Ltd.) is no name.")
DESCRIPTION = declare("resolve.description", "Words that describe a kind of party (美国军工企业, 高校) are no name.")
COMMON_WORDS = declare("resolve.common_words",
                       "A Title Case run of common lower-case English words (Addition of Entities) is no name.")


def not_names(doc: Document, candidates: list[Entity], catalogue: Any, names: str) -> list[Entity]:
    """The candidates less those that are no names:

    - anything inside an English law's name (``_LAW``: Iran in the Iran Sanctions Act, the year
      in ... Act of 2012), a model name inside a sanctions list's name (the catalogue's: Unverified
      List, Validated End-User: ``catalogue``, whose names ``list_names`` joined), a model name
      that abbreviates such a law or list (ISA, EAR, UVL);
    - a model organisation whose name says nothing of its type and whose words are all common
      lower-case words (``pipeline.lang.casing``): a Title Case headline or a header taken for a
      name (Addition of Entities, Federal Register, SUPPLEMENTARY INFORMATION);
    - a legal form alone (LLC, Co., Ltd.), a model organisation that Chinese words only
      describe (美国军工企业: ``orgtype.is_description``)."""
    laws, abbreviations = [], set()
    for m in _LAW.finditer(doc.text):
        laws.append((m.start(), m.end()))
        if m.group("abbr"):
            abbreviations.add(m.group("abbr"))
    lists = set()
    for e in candidates:         # the Unverified List (UVL): a list, no body
        if e.source == "model" and e.text.isascii() and (
                e.text.lower() in names or e.text.isupper() and doc.text[e.start - 1:e.start] == "("):
            for mention in catalogue.find(doc.text, max(0, e.start - _LIST_REACH), e.end + _LIST_REACH):
                lists.add((mention.start, mention.end))
                if (abbr := _ABBREVIATION.match(doc.text, mention.end)) is not None:
                    abbreviations.add(abbr.group(1))
    law_spans, list_spans = SpanIndex(laws, _pair), SpanIndex(lists, _pair)
    out = []
    for e in candidates:
        if is_on(LAW_NAMES) and (law_spans.any_containing(e.start, e.end)
                                 or e.source == "model" and e.text in abbreviations):
            continue
        if is_on(LIST_NAMES) and e.source == "model" and \
                list_spans.any_containing(e.start, e.end):   # (the EU in "EU sanctions list" stays)
            continue
        if is_on(LEGAL_FORM_ALONE) and e.source == "model" and orgtype.is_legal_form(e.text):
            continue                       # "LLC" cut off its name
        if is_on(DESCRIPTION) and e.source == "model" and e.type in orgtype.ORG_TYPES \
                and orgtype.is_description(e.text):
            continue                       # 美国军工企业: a kind of firm, not a firm
        if is_on(COMMON_WORDS) and e.source == "model" and e.type in orgtype.ORG_TYPES \
                and e.text.isascii() and not orgtype.by_name(e.text) \
                and (" " in e.text.strip() or e.text.isupper()) and all_common(e.text):
            continue
        out.append(e)
    return out


def repair(doc: Document, candidates: list[Entity]) -> list[Entity]:
    """The candidates with the model's broken spans cut (``_trim_bracket``, ``_cut_at_script_change``,
    ``_lowercase_lead_cut``), retyped (a "person" named like a firm or a place: ``orgtype.not_person``)
    or split (``_split_titled_person``, ``_split_titled_body``, ``_split_coordination``)."""
    out = []
    names = SpanIndex((e for e in candidates if e.source == "kb" and e.type != "LOC"), _span)
    for whole in candidates:
        if whole.source != "model":
            out.append(whole)
            continue
        for e in _split_items(doc.text, whole):
            fixed = _trim_bracket(doc.text, e)
            if fixed is not None and fixed.type == "PERSON":
                fixed.type = orgtype.not_person(fixed.text) or "PERSON"
            if fixed is not None:
                fixed = _lowercase_lead_cut(doc.text, _cut_at_script_change(doc, fixed))
                for part in _split_titled_person(doc.text, fixed):
                    for piece in _split_titled_body(doc, part):
                        out += _split_coordination(doc, piece, names)
    return out


#: what no name holds: the separators of an enumeration's items (A; B, A、B) and a line break
_ITEM_BREAK = re.compile(r"\s*[;；、\n]\s*")


@rule("resolve.split_items", off=listed)
def _split_items(text: str, e: Entity) -> list[Entity]:
    """A model span that runs over an enumeration's separators ("Aero Engine Corporation of China;
    Aerospace CH UAV Co.", "海康威视、大华") is one candidate per item, each typed by its own name."""
    if not _ITEM_BREAK.search(e.text):
        return [e]
    out, pos = [], e.start
    for m in [*_ITEM_BREAK.finditer(text, e.start, e.end), None]:
        stop = m.start() if m else e.end
        if stop - pos >= 2:
            typ = orgtype.by_name(text[pos:stop]) if e.type in orgtype.ORG_TYPES else None
            out.append(_piece(text, pos, stop, typ or e.type, e))
        pos = m.end() if m else e.end
    return out


# -- compound names a place begins --------------------------------------------------------------


@rule("resolve.place_glued_to_name")
def _glued_org(doc: Document, place: Entity, org: Entity) -> Entity | None:
    """``<place><org>`` written without a space in Chinese or Korean (南京 + 正大天晴制药有限公司),
    or with one in English when the whole is a firm by its name: one organisation."""
    gap = doc.text[place.end:org.start]
    latin = script(doc.text[org.start]) == "latin"
    if not (gap == "" and not latin or gap == " " and latin and orgtype.by_name(doc.text[place.start:org.end])):
        return None
    return _built(doc.text, place.start, org.end, org.type, "resolve.place_glued_to_name")


@rule("resolve.place_begins_headed_name")
def _headed_tail(doc: Document, place: Entity, hi: int, taken: SpanIndex[Entity],
                 orgs: dict[int, Entity]) -> Entity | None:
    """A place followed by the rest of a name that ends in an organisation head, read by the pack
    of the script that goes on after the place (``lang/<code>/compounds.py``: 유럽+이사회는,
    武汉市+青山区房产管理局, Dongguan + Poweramp Technology); a space goes on in Latin letters."""
    text = doc.text
    first = text[place.end] if place.end < hi else " "
    kind = "latin" if first == " " else script(first)
    if first != " " and kind != script(text[place.end - 1]):
        return None
    reader = lang.compound_reader(kind)
    found = reader.headed_tail(doc, place, hi, taken, orgs) if reader is not None else None
    return _built(text, place.start, found[0], found[1], "resolve.place_begins_headed_name") if found else None


@rule("resolve.date_begins_name")
def _dated_name(doc: Document, date: Entity, hi: int) -> Entity | None:
    """A name that begins with a date, read by the pack of the script after it that has such names
    (``dated_name`` in its ``compounds.py``: 4·19 혁명 희생자 유족회는); the name then holds the date
    (``_number_vs_name``)."""
    after = doc.text[date.end:hi].lstrip()[:1]
    reader = lang.compound_reader(script(after)) if after else None
    dated = getattr(reader, "dated_name", None)
    found = dated(doc, date, hi) if dated is not None else None
    return _built(doc.text, date.start, found[0], found[1], "resolve.date_begins_name") if found else None


_LATIN_NAME_WORD = re.compile(r" [A-Z][a-z]+(?:-[A-Z]?[a-z]+)?")


@rule("resolve.latin_name_continued")
def _name_continued(doc: Document, person: Entity, hi: int, others: list[Entity]) -> Entity | None:
    """A one-word Latin person followed by a capitalised word that no other candidate claims
    (Wilbur + Ross): one name. (Korean transliterations are left alone: on KLUE dev the next word
    is a title or a noun far more often than a surname.)"""
    if not person.text.isascii() or " " in person.text.strip():
        return None
    m = _LATIN_NAME_WORD.match(doc.text, person.end, hi)
    if m is None or any(e.start < m.end() and person.end < e.end for e in others if e is not person):
        return None
    return _built(doc.text, person.start, m.end(), "PERSON", "resolve.latin_name_continued")


@rule("resolve.kb_name_continued")
def _kb_name_continued(doc: Document, kb: Entity, model: Entity) -> Entity | None:
    """A KB organisation whose last words begin a model organisation with a head, across spaced
    words (General Dynamics + Dynamics Land Systems), is the start of one longer name."""
    if not (kb.start < model.start < kb.end < model.end) or not _at_space(doc.text, kb.end) \
            or not _at_space(doc.text, model.start):
        return None
    typ = orgtype.by_name(model.text)
    if not typ or _ITEM_BREAK.search(doc.text, kb.start, model.end) or "," in doc.text[kb.start:model.end]:
        return None
    return _built(doc.text, kb.start, model.end, typ, "resolve.kb_name_continued")


@rule("resolve.seat_in_brackets")
def _place_in_brackets(doc: Document, firm: Entity, places: dict[tuple[int, int], Entity]) -> Entity | None:
    """A firm followed by its seat in brackets (SK하이닉스반도체(중국), 渣打银行（中国）, Reach Holding Group
    (Shanghai) Company Ltd.) is one name, as Chinese and Korean subsidiaries are registered; it keeps
    the firm's canonical entity."""
    m = (_BRACKETED_LATIN if firm.text.isascii() else _BRACKETED).match(doc.text, firm.end)
    if m is None or (m.start(1), m.end(1)) not in places:
        return None
    out = _built(doc.text, firm.start, m.end(), "FIRM", "resolve.seat_in_brackets")
    out.canonical = firm.canonical
    return out


_BRACKETED = re.compile(r"[(（]([^()（）]{1,12})[)）]")
#: Reach Holding Group (Shanghai) Company Ltd.: the seat, then the legal form the firm ends with.
_BRACKETED_LATIN = re.compile(r" ?\(([^()]{1,20})\)(?: (?:Company|Co\.|Corporation|Corp\.|Limited|Ltd\.?|Inc\.|LLC)"
                              r"(?:,? (?:Ltd|Limited|Inc|LLC)\.?)?)?")


def _span(e: Entity) -> tuple[int, int]:
    return e.start, e.end


def _pair(span: tuple[int, int]) -> tuple[int, int]:
    return span


def _narrowed(text: str, e: Entity, start: int, end: int) -> Entity:
    """``e`` cut to ``text[start:end]``: the same finding, type, score, norm and canonical."""
    return Entity(id="", text=text[start:end], type=e.type, start=start, end=end, source=e.source,
                  score=e.score, norm=e.norm, canonical=e.canonical)


def _piece(text: str, start: int, end: int, typ: str, whole: Entity) -> Entity:
    """A part of a model span (an item of an enumeration, a conjunct): still the model's finding."""
    return Entity(id="", text=text[start:end], type=typ, start=start, end=end, source=whole.source, score=whole.score)


def _built(text: str, start: int, end: int, typ: str, rule_id: str) -> Entity:
    """A name a hand rule built from other candidates: source "rule", its id, and as its score
    the rule's measured precision on the gold sets (``pipeline.entities.rates``)."""
    return Entity(id="", text=text[start:end], type=typ, start=start, end=end, source="rule",
                  score=rates.precision(rule_id), rule=rule_id)


def _from_text(e: Entity) -> bool:
    """A span the model found, or one this module built from the model's spans: weighed alike."""
    return e.source == "model" or e.source == "rule" and (e.rule or "").startswith("resolve.")


def _holds(sent: Sentence, name_rule: str) -> bool:
    """Whether the pack of the sentence's language turns the name rule on (``[names]`` in its
    ``words.toml``)."""
    pack = lang.get(sent.lang)
    return pack is not None and bool(pack.words.value(f"names.{name_rule}", False))


def compounds(doc: Document, candidates: list[Entity]) -> list[Entity]:
    """Longer candidates for ``select``: organisations a place or a date begins (``_glued_org``,
    ``_headed_tail``, ``_dated_name``), firms with their seat in brackets (``_place_in_brackets``),
    Latin names continued (``_name_continued``); ``_dated_name`` and ``_name_continued`` only in
    the sentences whose pack turns them on (``[names]`` in its ``words.toml``)."""
    out: list[Entity] = []
    orgs = SpanIndex((e for e in candidates if e.source == "model" and e.type in orgtype.ORG_TYPES), _span)
    spans = {(e.start, e.end) for e in candidates if e.type in orgtype.ORG_TYPES}
    taken = SpanIndex((e for e in candidates if e.type != "LOC"), _span)
    org_at = {e.start: e for e in candidates if e.source == "model" and e.type in orgtype.ORG_TYPES}
    for place in (e for e in candidates if e.type == "LOC"):
        sent = doc.sentence_at(place.start)
        if sent is None or place.end >= sent.end:
            continue
        for org in orgs.starting_in(place.end, place.end + 2):
            if (merged := _glued_org(doc, place, org)):
                out.append(merged)
        tail = _headed_tail(doc, place, sent.end, taken, org_at)
        if tail is not None:
            out.append(tail)
    for kb in (e for e in candidates if e.source == "kb" and e.type in orgtype.ORG_TYPES):
        for org in orgs.starting_in(kb.start + 1, kb.end):
            if (longer := _kb_name_continued(doc, kb, org)) is not None:
                out.append(longer)
    places = {(e.start, e.end): e for e in candidates if e.type == "LOC"}
    for firm in (e for e in candidates if e.type == "FIRM" or e.type == "ORG" and orgtype.by_name(e.text) == "FIRM"):
        if (seated := _place_in_brackets(doc, firm, places)) is not None:
            out.append(seated)
    for person in (e for e in candidates if e.type == "PERSON" and e.source == "model"):
        sent = doc.sentence_at(person.start)
        if sent is not None and _holds(sent, "latin_name_continued") \
                and (full := _name_continued(doc, person, sent.end, candidates)):
            out.append(full)
    for date in (e for e in candidates if e.type == "DATE"):
        sent = doc.sentence_at(date.start)
        if sent is not None and _holds(sent, "date_begins_name") and (named := _dated_name(doc, date, sent.end)):
            out.append(named)
    return [e for e in out if (e.start, e.end) not in spans and not orgtype.is_description(e.text)]


def prefer(a: Entity, b: Entity) -> Entity:
    """The candidate kept when ``a`` and ``b`` overlap (``a`` on a complete tie)."""
    for rule in RULES:
        winner = rule(a, b)
        if winner is not None:
            return winner
    return a


def select(candidates: list[Entity]) -> list[Entity]:
    """Non-overlapping entities: a candidate enters when it beats every kept one it overlaps."""
    kept: list[Entity] = []
    for cand in sorted(candidates, key=lambda e: (e.start, -(e.end - e.start))):
        # kept entities do not overlap and start no later than cand: those it overlaps end last
        first = len(kept)
        while first and kept[first - 1].end > cand.start:
            first -= 1
        rivals = [k for k in kept[first:] if k.start < cand.end]
        if all(prefer(cand, r) is cand for r in rivals):
            kept[first:] = [k for k in kept[first:] if k.start >= cand.end]
            kept.append(cand)
    return kept


_BRACKET_TAIL = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")


class Resolver:
    """Decides overlaps (``RULES``), settles organisation types, renumbers entities."""

    def __init__(self, kb: Any, lists: Any, type_by_context: bool = True, transliterated: Any = None,
                 typer: Callable[[OrgMention], str] = OrgTyper(None)) -> None:
        self.kb = kb
        self.lists = lists
        self.type_by_context = type_by_context
        self.transliterated = transliterated     # Korean transliterations of foreign names (or None)
        self.typer = typer                       # the one organisation typer (the rules by default)
        #: training (pipeline.entities.typer_train): every typed mention with its entity
        self.collect: list[tuple[Entity, OrgMention]] | None = None
        self.list_names = list_names(self.lists)
        #: place names a firm's name may begin with (美国PVH集团, US-based ...)
        self.places = frozenset(alias for e in self.kb.of_type("LOC") for _, alias in e.all_aliases()
                                if len(alias) >= 2)
        self.longest_place = max(map(len, self.places), default=0)

    def __call__(self, doc: Document) -> None:
        candidates = repair(doc, not_names(doc, doc.entities, self.lists, self.list_names))
        if self.transliterated is not None and is_on(TRANSLITERATIONS):
            candidates += self.transliterated.candidates(doc, candidates)
        doc.entities = select(candidates + compounds(doc, candidates))
        for i, entity in enumerate(doc.entities):
            if entity.source == "alias" or _from_text(entity):
                self._settle(doc, i)
        doc.renumber_entities()

    def _leading_place(self, name: str) -> str | None:
        """The place name ``name`` begins with (美国PVH集团 -> 美国), if any."""
        return next((name[:n] for n in range(min(self.longest_place, len(name) - 2), 1, -1)
                     if name[:n] in self.places), None)

    def _kb_names(self, name: str) -> Iterator[tuple[str, bool]]:
        """The forms of a found name to look up in the KB, in order, each with whether a place was
        taken off its start: as found, without its legal form, without a bracketed alias
        (埃克索维拉公司（Exovera）), without the place it begins with (美国PVH集团 -> PVH集团), the
        last two without their legal form too."""
        yield name, False
        yield orgtype.strip_legal_form(name), False
        bare = _BRACKET_TAIL.sub("", name)
        if bare != name and len(bare) >= 2:
            yield bare, False
            yield orgtype.strip_legal_form(bare), False
        place = self._leading_place(bare)
        if place is not None:
            rest = bare[len(place):].lstrip(" -")
            yield rest, True
            yield orgtype.strip_legal_form(rest), True

    def _settle(self, doc: Document, i: int) -> None:
        """The KB's type and canonical entity when the KB knows the name of ``doc.entities[i]``
        (``_kb_names``), else the organisation typer's type (:class:`OrgTyper`)."""
        entity = doc.entities[i]
        record = next((r for name, placed in self._kb_names(entity.text) for r in self.kb.lookup(name)
                       if not (placed and r.type == "GOV")), None)   # 美国商务部 is not 商务部
        if record is not None and (record.type in orgtype.ORG_TYPES) == (entity.type in orgtype.ORG_TYPES):
            entity.type = record.type
            entity.canonical = entity.canonical or record.canonical()
        elif entity.type in orgtype.ORG_TYPES:
            mention = self._mention(doc, i, record)
            entity.type = self.typer(mention)
            if self.collect is not None:
                self.collect.append((entity, mention))

    def _mention(self, doc: Document, i: int, record: Any) -> OrgMention:
        """What the typer reads of the organisation ``doc.entities[i]`` (``record``: a KB entity of
        its name that did not settle it)."""
        entity = doc.entities[i]
        context = self.type_by_context
        sentence = doc.sentence_at(entity.start)
        canonical = entity.canonical or (record.canonical() if record is not None else {})
        return OrgMention(
            text=entity.text,
            before=doc.text[max(0, entity.start - CONTEXT_CHARS):entity.start] if context else "",
            after=doc.text[entity.end:entity.end + CONTEXT_CHARS] if context else "",
            lang=(sentence.lang if sentence is not None else None) or "und",
            ner_type=entity.type,
            kb_type=record.type if record is not None else None,
            listed=bool(canonical.get("lists")),
            place_prefix=self._leading_place(_BRACKET_TAIL.sub("", entity.text)) is not None,
            partner_type=_bracket_partner(doc, i) if context else None)


def _bracket_partner(doc: Document, i: int) -> str | None:
    """The type of the name that ``doc.entities[i]`` stands in brackets with: the one before the
    bracket it is in (Ministry of Commerce (MOC): settled already, in text order), else a KB name
    in brackets right after it (산업안보국(BIS))."""
    entity = doc.entities[i]
    if i > 0 and _opens_bracket(doc.text[doc.entities[i - 1].end:entity.start]):
        return doc.entities[i - 1].type
    if i + 1 < len(doc.entities):
        after = doc.entities[i + 1]
        if after.source == "kb" and _opens_bracket(doc.text[entity.end:after.start]):
            return after.type
    return None


def _opens_bracket(gap: str) -> bool:
    """The text between two names is an opening bracket (with spaces)."""
    gap = gap.strip()
    return len(gap) == 1 and gap in _OPEN
