"""Cross-language linking inside a document: aliases in parentheses, coreferent mentions.

1. ``Hikvision(海康威視)``, ``화웨이(华为)``, ``中国科学院 (CAS)``: a name followed by another name in
   parentheses (another script, or an abbreviation of it) names one entity. The side that is not
   an entity yet becomes one (source "alias").
2. Later mentions of a name discovered that way become entities too.
3. Every organisation and person mention gets a ``canonical`` value: the KB's when one mention of
   its group is in the KB, else a document-level id ``doc:<slug or hash>`` shared by mentions
   with the same normalised name (legal form aside) or linked by a parenthesis. A government body
   named without its country (商務部, 상무부, Treasury Department) is the one the article last named
   with it (美國商務部); a name without its generic words (카스퍼스키 after 카스퍼스키랩) and a one-word
   surname join the full name.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from typing import Any

from . import typer as orgtype
from .. import lang
from ..lang.rules import trim
from ..kb.build import slug
from ..kb.matcher import boundary_ok
from ..kb.normalize import key, normalize, script
from ..kb.xscript import generic_tail_removed, mention_script
from ..spans import GrowingSpanIndex
from ..types import Document, Entity
from ..rules import false, nothing, rule

LINKABLE = orgtype.NAME_TYPES | {"LOC"}
_PAREN = re.compile(r"[ \t]?[(（]([^()（）\n]{1,80})[)）]")
_ABBREV = re.compile(r"[A-Z][A-Za-z0-9&.\-]{1,11}")
_OF = re.compile(r"\b(?:of|the|for|and|de)\s*$")
_BAD_INNER = re.compile(r"[:：;；。!?！？，、]|^\d+$|^[\d\s.,%年月日-]+$")


class Linker:
    """Links names to the KB or to document-level ids (see the module docstring)."""

    def __init__(self, kb: Any, shared: Any, max_outer_chars: int = 24) -> None:
        self.kb = kb
        self.shared = shared
        self.max_outer_chars = max_outer_chars

    def __call__(self, doc: Document) -> None:
        groups = _Groups()
        norm = normalize(doc.text)
        spans = GrowingSpanIndex(doc.entities, _extent)   # doc.entities as this stage adds to it
        discovered = self._discover(doc, groups, spans)
        self._later_mentions(doc, norm, discovered, groups, spans)
        self._assign(doc, groups)
        doc.renumber_entities()

    # -- 1. parentheses -------------------------------------------------------------------
    def _discover(self, doc: Document, groups: "_Groups", spans: GrowingSpanIndex[Entity]) -> list[Entity]:
        """Link ``outer(inner)`` pairs; returns the entities of the pairs."""
        found: list[Entity] = []
        for sent in doc.sentences:
            for m in _PAREN.finditer(doc.text, sent.start, sent.end):
                inner_s, inner_e = trim(doc.text, m.start(1), m.end(1))
                paren = m.start() + (1 if doc.text[m.start()] in " \t" else 0)
                outer = _entity_ending(spans, paren, m.start())
                inner = _entity_at(spans, inner_s, inner_e)
                if outer is None and inner is None:
                    continue
                if _covered(spans, inner_s, inner_e) and inner is None:
                    continue
                if inner is not None and inner.type == "LOC" and (outer is None or outer.type != "LOC"):
                    continue  # 삼성반도체(중국), Intel (Dalian): a place that qualifies a name
                if outer is None:
                    outer = self._outer_from_text(doc, m.start(), sent.start, inner, spans)
                if outer is None or not _alias_pair(outer.text, doc.text[inner_s:inner_e]):
                    continue
                if inner is None:
                    inner = doc.add_entity(Entity(id="", text=doc.text[inner_s:inner_e], type=outer.type,
                                                  start=inner_s, end=inner_e, source="alias",
                                                  score=min(outer.score or 0.8, 0.8)))
                groups.union(outer, inner)
                found += [outer, inner]
        return found

    def _outer_from_text(self, doc: Document, paren: int, lo: int, inner: Entity,
                         spans: GrowingSpanIndex[Entity]) -> Entity | None:
        """The name written right before a parenthesis whose content is a known entity."""
        end = paren
        start = _name_start(doc.text, lo, end, self.max_outer_chars, _words(inner.text))
        if start is None or _covered(spans, start, end):
            return None
        return doc.add_entity(Entity(id="", text=doc.text[start:end], type=inner.type, start=start,
                                     end=end, source="alias", score=min(inner.score or 0.8, 0.8)))

    # -- 2. later mentions ----------------------------------------------------------------
    @rule("link.later_mentions")
    def _later_mentions(self, doc: Document, norm: str, discovered: list[Entity], groups: "_Groups",
                        spans: GrowingSpanIndex[Entity]) -> None:
        """Later mentions of a name that a bracket pair made known become entities of its group."""
        names = {key(e.text): e for e in discovered if len(e.text) >= 2}
        present = _names_by_sentence(norm, list(names), doc.sentences)
        for si, sent in enumerate(doc.sentences):
            for name in present.get(si, ()):
                source = names[name]
                pos = norm.find(name, sent.start, sent.end)
                while pos != -1:
                    end = pos + len(name)
                    if boundary_ok(doc.text, pos, end, sent.start, sent.end) and not _covered(spans, pos, end):
                        mention = doc.add_entity(Entity(id="", text=doc.text[pos:end], type=source.type,
                                                        start=pos, end=end, source="alias",
                                                        score=min(source.score or 0.8, 0.8)))
                        groups.union(source, mention)
                    pos = norm.find(name, end, sent.end)

    # -- 3. canonical ids -----------------------------------------------------------------
    def _assign(self, doc: Document, groups: "_Groups") -> None:
        names = [e for e in doc.entities if e.type in orgtype.NAME_TYPES or groups.has(e)]
        by_key: dict[str, Entity] = {}
        for e in names:
            k = _coref_key(e.text)
            if k in by_key:
                groups.union(by_key[k], e)
            else:
                by_key[k] = e
        _link_short_forms(names, groups)
        _link_surnames(names, groups)
        for members in groups.sets(names):
            kb_ids = [m.canonical for m in members if _is_kb(m.canonical)]
            shared = kb_ids[0] if kb_ids else self._kb_canonical(members) or self._country_body(members) \
                or self._cross_script(members) or doc_canonical(members)
            for m in members:
                if not _is_kb(m.canonical):
                    m.canonical = dict(shared)
        for short, qualified in _bare_bodies(names):
            short.canonical = dict(qualified.canonical)

    @rule("link.cross_script")
    def _cross_script(self, members: list[Entity]) -> dict[str, Any] | None:
        """A KB entity named in another script (헌팅턴잉걸스 -> Huntington Ingalls Industries,
        陈全国 -> Chen Quanguo): ``pipeline.kb.linking`` for the name mentions of the group."""
        from ..kb.linking import kb_canonical

        return next((c for m in members if m.type in orgtype.NAME_TYPES
                     if (c := kb_canonical(m.text, m.type, self.shared)) is not None), None)

    @rule("link.country_body")
    def _country_body(self, members: list[Entity]) -> dict[str, Any] | None:
        """A country's name before the name of a government body the KB knows as that country's
        (``U.S. Treasury Department``, ``United States Department of Commerce``, ``미국 국토안보부``)
        is that body."""
        for m in members:
            if m.type != "GOV":
                continue
            for cut in _country_cuts(m.text):
                country = next((e for e in self.kb.lookup(m.text[:cut]) if e.type == "LOC" and e.country), None)
                if country is None:
                    continue
                body = next((e for e in self.kb.lookup(m.text[cut:].strip()) if e.type == "GOV"), None)
                if body is not None and body.country == country.country:
                    return body.canonical()
        return None

    def _kb_canonical(self, members: list[Entity]) -> dict[str, Any] | None:
        for m in members:
            for name in (m.text, orgtype.strip_legal_form(m.text)):
                records = self.kb.lookup(name)
                if records:
                    return records[0].canonical()
        return None


class _Groups:
    """Union-find over entities (by object identity)."""

    def __init__(self) -> None:
        self._parent: dict[int, int] = {}
        self._items: dict[int, Entity] = {}

    def _find(self, i: int) -> int:
        while self._parent.get(i, i) != i:
            i = self._parent[i]
        return i

    def has(self, e: Entity) -> bool:
        return id(e) in self._items

    def union(self, a: Entity, b: Entity) -> None:
        self._items[id(a)], self._items[id(b)] = a, b
        ra, rb = self._find(id(a)), self._find(id(b))
        if ra != rb:
            self._parent[rb] = ra

    def sets(self, entities: list[Entity]) -> list[list[Entity]]:
        out: dict[int, list[Entity]] = {}
        for e in entities:
            out.setdefault(self._find(id(e)), []).append(e)
        return list(out.values())


def _is_kb(canonical: dict[str, Any] | None) -> bool:
    return bool(canonical) and str(canonical.get("id", "")).startswith("nf:")


def doc_canonical(members: list[Entity]) -> dict[str, Any]:
    """A document-level id and names for a group of mentions not in the KB."""
    ordered = sorted(members, key=lambda e: e.start)
    written = [(m.text, mention_script(m.text)) for m in ordered]
    names: dict[str, str] = {}
    for text, in_script in written:
        names.setdefault(_written_lang(in_script), text)
    latin = next((text for text, in_script in written if in_script == "latin"), None)
    base = slug(orgtype.strip_legal_form(latin)) if latin else ""
    if not base or base == "x":
        base = hashlib.sha1(_coref_key(ordered[0].text).encode()).hexdigest()[:10]
    return {"id": f"doc:{base}", "name": latin or ordered[0].text, "names": names}


def _written_lang(in_script: str) -> str:
    """The language a name written in ``in_script`` is given under: its pack's code (the script
    itself where no pack writes in it)."""
    pack = lang.for_script(in_script)
    return pack.code if pack is not None else in_script


def _coref_key(text: str) -> str:
    """Mentions with the same key corefer: normalised, legal form and punctuation dropped."""
    return re.sub(r"[\s.,·'\"-]", "", key(orgtype.strip_legal_form(text)))


@rule("link.short_form_joins_full_name")
def _link_short_forms(names: list[Entity], groups: _Groups) -> None:
    """``카스퍼스키`` after ``카스퍼스키랩``, ``Huawei`` after ``Huawei Technologies``, ``海康`` ...: a
    later mention that is an earlier organisation's name without its generic words (Lab, 랩,
    Technologies, 科技) names that organisation."""
    first: dict[str, Entity] = {}
    for e in sorted(names, key=lambda e: e.start):
        whole = _coref_key(e.text)
        if e.type in orgtype.ORG_TYPES:
            short = _coref_key(generic_tail_removed(e.text))
            if len(short) >= 3 and short != whole:
                first.setdefault(short, e)
        match = first.get(whole)
        if match is not None and match.start < e.start:
            groups.union(match, e)


@rule("link.surname_joins_full_name")
def _link_surnames(names: list[Entity], groups: _Groups) -> None:
    """``Raimondo`` after ``Gina Raimondo``, ``라브로프`` after ``세르게이 라브로프``: a one-word
    PERSON in Latin letters or Hangul joins the earlier full name it ends, or whose later words it
    is one of (모메니 after 에스칸다르 모메니 칼라가리: a surname of two words)."""
    by_surname: dict[str, list[Entity]] = {}      # the full names by their later words, in list order
    for f in names:
        if f.type == "PERSON" and " " in f.text.strip():
            for word in dict.fromkeys(f.text.split()[1:]):
                by_surname.setdefault(word, []).append(f)
    for e in names:
        if e.type == "PERSON" and " " not in e.text.strip() and mention_script(e.text) != "han":
            match = next((f for f in by_surname.get(e.text, ()) if f.start < e.start), None)
            if match is not None:
                groups.union(match, e)


@rule("link.bare_body_takes_qualified_name", off=nothing)
def _bare_bodies(names: list[Entity]) -> list[tuple[Entity, Entity]]:
    """``商務部`` after ``美國商務部``, ``상무부`` after ``중국 상무부``, ``Treasury Department`` after
    ``U.S. Treasury Department``: a government body named without its country is the body the
    article last named with it (a KB entity), not the one its bare name means on its own; before
    any such mention (a lead that says 商务部 and names 美国商务部 further down), the first one after."""
    out = []
    gov = [e for e in sorted(names, key=lambda e: e.start) if e.type == "GOV"]
    for order in (gov, gov[::-1]):        # the last mention before, then the first one after
        by_tail: dict[str, Entity] = {}   # each ending of a KB-linked GOV mention -> the nearest one
        taken = {id(e) for e, _ in out}
        for e in order:
            name = key(e.text).strip()
            match = by_tail.get(name)
            if match is not None and match.canonical != e.canonical and _qualifies(match.text, e.text):
                if id(e) not in taken:
                    out.append((e, match))
            elif _is_kb(e.canonical):
                by_tail.update((name[i:], e) for i in range(1, len(name) - 1))
    return out


def _country_cuts(text: str) -> list[int]:
    """Where a country's name may end at the start of ``text``: after one of its first three
    words, or, written without spaces (美国财政部), after one to four Han or Hangul letters."""
    cuts = [m.start() for m in re.finditer(r"\s", text)][:3]
    if not cuts and not text[:1].isascii():
        cuts = list(range(1, min(5, len(text) - 1)))
    return [c for c in cuts if c < len(text) - 1]


def _qualifies(qualified: str, body: str) -> bool:
    """``qualified`` is ``body`` with words before it (美國 商務部, U.S. Treasury Department), not
    after a preposition (Council of the EU)."""
    q, b = key(qualified).strip(), key(body).strip()
    prefix = q[:-len(b)] if len(b) >= 2 and q.endswith(b) else ""
    if not prefix.strip() or (b[0].isascii() and prefix[-1].isalnum()):
        return False
    return not _OF.search(prefix)


@rule("link.alias_in_brackets", off=false)
def _alias_pair(outer: str, inner: str) -> bool:
    """``outer(inner)`` names one thing: another script, or an abbreviation of ``outer``."""
    if not inner or _BAD_INNER.search(inner) or len(inner) > 80:
        return False
    if inner[0].islower() and " " in inner:
        return False
    if mention_script(outer) != mention_script(inner):
        return True
    if _ABBREV.fullmatch(inner) and sum(c.isupper() for c in inner) >= 2 and len(inner) < len(outer):
        return True
    return len(inner) < len(outer) and _subsequence(inner.replace(" ", ""), outer)


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def _entity_ending(spans: GrowingSpanIndex[Entity], paren: int, space_start: int) -> Entity | None:
    """The name entity that ends right before the parenthesis (a space between allowed)."""
    ends = {paren, space_start}
    best = None
    for e in spans.overlapping(space_start - 1, paren):
        if e.end in ends and e.type in LINKABLE and (best is None or e.end - e.start > best.end - best.start):
            best = e
    return best


def _entity_at(spans: GrowingSpanIndex[Entity], s: int, e: int) -> Entity | None:
    return next((x for x in spans.overlapping(s, e) if x.start == s and x.end == e and x.type in LINKABLE), None)


def _covered(spans: GrowingSpanIndex[Entity], s: int, e: int) -> bool:
    return bool(spans.overlapping(s, e))


def _extent(e: Entity) -> tuple[int, int]:
    return e.start, e.end


def _names_by_sentence(norm: str, names: list[str], sentences: list[Any]) -> dict[int, list[str]]:
    """For each sentence (by index), the ``names`` that occur in ``norm`` starting inside it, in
    the order of ``names``: one Aho-Corasick pass instead of a search per sentence and name."""
    if not names:
        return {}
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for i, name in enumerate(names):
        automaton.add_word(name, i)
    automaton.make_automaton()
    starts = [s.start for s in sentences]
    found: dict[int, set[int]] = {}
    for last, i in automaton.iter(norm):
        si = bisect.bisect_right(starts, last - len(names[i]) + 1) - 1
        if si >= 0:
            found.setdefault(si, set()).add(i)
    return {si: [names[i] for i in sorted(ids)] for si, ids in found.items()}


#: words of a Latin name that a rendering in another script does not spell out word for word
_FUNCTION_WORDS = frozenset({"the", "of", "and"})


def _words(name: str) -> int:
    """How many words a rendering of the Latin ``name`` in a spaced script may have (its legal
    form and function words aside); 1 for a name in another script."""
    if not name.isascii():
        return 1
    words = re.findall(r"[A-Za-z0-9&-]+", orgtype.strip_legal_form(name))
    return max(1, sum(1 for w in words if w.lower() not in _FUNCTION_WORDS))


def _name_start(text: str, lo: int, end: int, max_chars: int, words: int = 1) -> int | None:
    """Start of the name that ends at ``end``, as the pack of its last letter's script reads it
    (``name_start`` in ``lang/<code>/compounds.py``: a Korean word, Chinese characters back to a
    function word, capitalised English words); None when shorter than two characters."""
    if end <= lo:
        return None
    reader = lang.compound_reader(script(text[end - 1]))
    i = reader.name_start(text, lo, end, max_chars, words) if reader is not None else None
    return i if i is not None and end - i >= 2 else None
