"""Find triggers sentence by sentence and fill their arguments from the entities around them.

One *candidate* per trigger. Arguments:

- list: the nearest list mention in the sentence; for a list-bound trigger without one (add to,
  列入, 올리다), the list named in the last ``carry`` sentences, else no candidate;
- authority: a GOV entity of the sentence that keeps the list, else the GOV subject of the
  trigger, else (ban/restrict/suspend) a FIRM subject, else (impose) a country that keeps a
  regime and opens the sentence as its subject (中国宣布制裁…), else an entity anywhere in the document
  whose canonical id keeps the list, else, for an act that announces its parties by a forward
  reference and names no party before its verb ("The Chinese side decides to sanction the
  following..."), the government body that was the subject of the sentence before, else none;
- names in a dateline or credit ((서울=연합뉴스) 김기자 =, 新华社北京…电（记者…）, "SEOUL (Reuters) --")
  take no part: neither authority nor target;
- targets: FIRM/UNIVERSITY/ORG/PERSON entities (GOV when marked as an object) in the
  trigger's argument region, without the authority, the reason and aliases in brackets (with a
  role model, also names of the next ``FOLLOW`` sentences: "They are as follows: A, B", whose
  sentences join the act's evidence);
- date: the DATE in the sentence (preceding the trigger first), else the nearest preceding DATE
  in the document, else none;
- reason, count: from the language's patterns (count from a QUANTITY entity when one has a
  target unit).

A sentence without a trigger continues the last candidate when it opens with a continuation cue
(이 중에는, 其中, These...) or follows an appendix heading that names the list (附件：反制清单).
"""
from __future__ import annotations

import bisect
import functools
import builtins
import re
from dataclasses import dataclass, field, replace
from typing import Iterable

from .. import lang
from ..entities import typer as orgtype
from ..kb.normalize import simplified
from ..lang import scripts
from ..lang.pack import words_pattern
from ..lang.triggers import LIST_MASK, TITLE_MASK, Grammar, Trigger
from ..spans import SpanIndex
from ..types import Document, Entity, Sentence
from . import dates as date_model
from . import enumeration, roles
from .catalogue import Catalogue, ListEntry, ListMention, country_of
from .discover import EntityLookup, inside
from .linear import LinearModel
from ..rules import declare, false, is_on, nothing, rule, true

TARGET_TYPES = frozenset({"FIRM", "UNIVERSITY", "ORG", "PERSON"})
#: putting on a white list lifts controls, taking off one restricts
INVERTED = {"add": "lift", "remove": "restrict"}
#: actions that can be taken against a whole country (sanctions on Russia, 일본에 대한 수출 규제)
COUNTRY_ACTIONS = frozenset({"impose", "restrict", "lift", "ban", "suspend"})
_TITLE = re.compile(r"《[^《》]{1,80}》")
_OPEN = "（("
#: in an appendix line, what follows the sex of a listed person describes them
_DESCRIPTION = re.compile(r"[，,]\s*[男女]\s*[，,]")
_ROLE_BRACKET = re.compile(r"[（(][^（）()]{1,60}?(?:创始人|总裁|首席\w{1,4}官|主席|总监|董事|经理|官员|议员|部长|"
                           r"负责人|主任|顾问|雇员|founder|CEO|president|chairman|director|officer)[^（）()]{0,20}[）)]",
                           re.IGNORECASE)
_DOC_REF = re.compile(r"\s*(?:的)?(?:公告|号|令|决定|通知)")
#: a date when a measure takes effect (9日起生效, 16일부터 효력, effective...) is not when it was decided
_EFFECTIVE = re.compile(r"\s*(?:起|開始|开始)?\s*(?:生效|施行|實施|实施|正式实施)|\s*(?:부터|자로)\s*(?:효력|발효|시행)"
                        r"|,?\s*(?:when|on which)?\s*(?:it|the rule|the order)?\s*(?:takes|took) effect")
_COORD = re.compile(r"\s*(?:和|及|与|、|,|，|and|or|或)\s*")
#: a document's dateline: its date on a labelled header line
_DATELINE = re.compile(r"(?:^|\n)[ \t]*(?:Publication date|Date|Dated|发布日期|发文日期|【发文日期】)[ \t]*[:：]?[ \t]*\Z",
                       re.IGNORECASE)
#: actions that are about sanctions only where the text speaks of them (a ban on smoking is not)
CONTEXT_ACTIONS = frozenset({"ban", "restrict", "suspend", "investigate"})
#: actions that, by a regime's keeper, put their targets on its list
REGIME_ACTIONS = frozenset({"impose", "ban", "lift"})
ARTICLE_LIST = declare("events.article_list",
                       "An act that names no list acts on the list the article speaks of (named last before it).")
REGIME_LIST = declare("events.regime_list",
                      "Sanctions by a regime's keeper or its country, naming no list, are on the regime's list.")
DEFINITE_ACT = declare("events.definite_act",
                       "An act named with a definite word and no list of its own (the ban, 该禁令, 이번 제재) is the last "
                       "act of its kind told on a list, a few sentences before.")
LIST_CUE = declare("events.list_cue", "Cue words say which list an act naming none is on (investment -> NS-CMIC).")
#: actions that, with no list in sight, act on the list the article speaks of
LISTING_ACTIONS = frozenset({"add", "remove", "impose", "ban"})
#: sentences after a trigger's own whose names may still be its targets ("These included A and B")
FOLLOW = 3
_APPENDIX = re.compile(r"\s*(?:附件?|附表|Annex|Appendix|Attachment)\s*\d*\s*[：:]", re.IGNORECASE)


@dataclass
class Candidate:
    """One trigger with its arguments, before merging."""

    action: str
    trigger: tuple[int, int]
    sentence: int
    list: ListEntry | None = None
    authority: Entity | None = None
    targets: builtins.list[Entity] = field(default_factory=builtins.list)   # ("list" is the field above)
    date: dict | None = None
    reason: dict | None = None
    count: int | None = None
    evidence: builtins.list[tuple[int, int]] = field(default_factory=builtins.list)
    modal: bool = False
    carried_list: bool = False
    last: int = -1                 # index of the last sentence that contributed
    anaphoric: bool = False        # its object is "the above" (上述企业, these entities)
    implied_list: bool = False     # the list is the authority's regime, named nowhere (EU sanctions)
    dealing: bool = False          # a ban on others dealing with the parties (禁止…与其进行交易)
    entry: bool = False            # a ban on entering a country (禁止入境, 입국 금지, travel ban)
    list_via: str = "none"         # how the list was found: named, generic, carried, anaphor, context, regime, cue
    inherited: bool = False        # a target noun's frame (제재 대상에는) that took another act's

    def __post_init__(self) -> None:
        self.last = max(self.last, self.sentence)

    @property
    def bare(self) -> bool:
        """No list, no target, no count (or one about "the above"): a measure clause or a noun
        use of 制裁/sanctions; a bar on dealing with the parties is a measure clause too."""
        return (self.list is None or self.dealing) and not self.targets and (self.count is None or self.anaphoric)


@dataclass
class Masked:
    """The document text with list names (■) and titles of laws (□) masked, and the mentions."""

    text: str
    mentions: list[ListMention]


def mask(doc: Document, catalogue: Catalogue) -> Masked:
    """Mask list mentions and 《titles》; a 《》 that is exactly a list name stays a mention."""
    chars = list(doc.text)
    titles = [(m.start(), m.end()) for m in _TITLE.finditer(doc.text)]
    mentions = []
    for m in catalogue.find(doc.text):
        inside = next(((s, e) for s, e in titles if s < m.start and m.end < e), None)
        if inside and (inside[0] + 1, inside[1] - 1) != (m.start, m.end):
            continue
        mentions.append(m)
    for s, e in titles:
        chars[s + 1:e - 1] = TITLE_MASK * (e - s - 2)
    for m in mentions:
        chars[m.start:m.end] = LIST_MASK * (m.end - m.start)
    return Masked("".join(chars), mentions)


class Assembler:
    """Builds candidates for one document with the grammars of its sentences' languages."""

    def __init__(self, catalogue: Catalogue, grammars: dict[str, Grammar], carry: int = 3,
                 keep_modal: bool = False, discover: bool = True, role_model: LinearModel | None = None,
                 collect: list | None = None, date_model: LinearModel | None = None) -> None:
        self.catalogue = catalogue
        #: list id -> the country that keeps it (us, cn, eu...)
        self._list_sides = {e.id: side for e in catalogue.entries.values() if (side := country_of(e.authority))}
        self.grammars = grammars
        self.carry = carry
        self.keep_modal = keep_modal
        self.discover = discover
        self.roles = role_model
        self.date_model = date_model
        self.collect = collect
        self._previous_subject: Entity | None = None   # the GOV subject of the sentence before

    def candidates(self, doc: Document) -> list[Candidate]:
        masked = mask(doc, self.catalogue)
        text, mtext = doc.text, masked.text
        dates = _Dates(text, sorted((e for e in doc.entities if e.type == "DATE" and (e.norm or {}).get("value")
                                     and mtext[e.start] != TITLE_MASK), key=lambda e: e.start))
        secondary = _bracketed_aliases(text, doc.entities)
        self._quantities = SpanIndex((e for e in doc.entities if e.type == "QUANTITY"), _extent)
        by_sentence = _SentenceEntities(doc)
        self._look = EntityLookup(doc)
        self._speakers = roles.speakers(doc)
        mention_starts = [m.start for m in masked.mentions]
        out: list[Candidate] = []
        last_list: tuple[ListEntry, int] | None = None
        appendix: ListEntry | None = None
        subject: Entity | None = None
        grammars = [self.grammars.get(sent.lang) or self.grammars.get(doc.lang)
                    or self._grammar_of_script(text[sent.start:sent.end]) for sent in doc.sentences]
        specific = [[m.entry for m in masked.mentions[bisect.bisect_left(mention_starts, s.start):
                                                      bisect.bisect_left(mention_starts, s.end)] if m.entry]
                    for s in doc.sentences]
        first = next((lists[0] for lists in specific if lists), None)
        self._named: list[ListEntry] = []     # the lists named so far, in order
        self._last_listed: dict[str, tuple[ListEntry, int]] = {}   # action -> the list of its last act, sentence
        self._context: list[ListEntry | None] = []   # the list the document speaks of at each sentence
        for lists in specific:
            self._context.append(lists[-1] if lists else (self._context[-1] if self._context else first))
        self._quoted = [_quotes(text, sent) for sent in doc.sentences]
        self._credits = [m.span() for m in _credits().finditer(text)]
        self._triggers = [[] if g is None else
                          [t for t in g.triggers(mtext, sent.start, sent.end)   # quoted speech is an
                           if not any(s < t.start and t.end < e for s, e in quoted)]  # opinion
                          for g, sent, quoted in zip(grammars, doc.sentences, self._quoted)]
        self._starts = [sent.start for sent in doc.sentences]
        for si, sent in enumerate(doc.sentences):
            g = grammars[si]
            if g is None:
                subject = None
                continue
            mentions = masked.mentions[bisect.bisect_left(mention_starts, sent.start):
                                       bisect.bisect_left(mention_starts, sent.end)]
            ents = [e for e in by_sentence.get(si) if e.end <= sent.end
                    and e.type != "DATE" and not _masked(mtext, e) and e.id not in secondary
                    and not self._credited(e)]
            self._previous_subject, subject = subject, _gov_subject(g, text, ents)
            triggers = self._triggers[si]
            specific = [m.entry for m in mentions if m.entry]
            heading = bool(specific) and _is_heading(text, sent, mentions, ents)
            if heading:
                appendix = specific[0]     # 附：被列入不可靠实体清单的外国实体, 反制清单
                for c in out:              # the decision above lists its targets there
                    if c.list is None and c.action in ("add", "impose") and c.targets:
                        c.list = appendix
            if not triggers:
                if not heading and out and (appendix or g.continuation.match(text[sent.start:sent.end])):
                    target = _last_with_list(out, appendix) if appendix else out[-1]
                    if target is not None:
                        self._continue(target, doc, g, si, ents, mtext, appendix is not None)
                if specific:
                    last_list = (specific[-1], si)
                self._named += specific
                continue
            if not heading:
                appendix = None
            owned = _assign(mentions, triggers, g.list_after)
            here: list[Candidate] = []
            described: set[str] = set()           # lists named only to describe a noun here
            for trig, (lo, hi) in zip(triggers, _regions(triggers, sent)):
                frame = _frame(out, here) if trig.rule.inherit or _follows_up(text, sent) \
                    or _also().search(mtext, max(sent.start, trig.start - 16), trig.start) else None
                cand = self._candidate(doc, g, si, sent, trig, lo, hi, owned[id(trig)], ents,
                                       dates, mtext, last_list, frame)
                if cand is not None:
                    here.append(cand)
                    if cand.list is not None and _describing(g, mtext, cand):
                        described.add(cand.list.id)
                    elif cand.list is not None and not cand.implied_list:
                        last_list = (cand.list, si)
                    if cand.list is not None:
                        self._last_listed[cand.action] = (cand.list, si)
            out.extend(here)
            if specific and (last_list is None or last_list[1] != si) and specific[-1].id not in described:
                last_list = (specific[-1], si)
            self._named += specific
        _companions(out)
        out += _joint_acts(self.catalogue, doc, self._look, out)
        if self.date_model is not None or self.collect is not None:
            self._dates(doc, out, dates.dates)
        return out

    def _credited(self, e: Entity) -> bool:
        """The entity is inside a dateline or credit (:func:`_credits`)."""
        return any(s <= e.start and e.end <= t for s, t in self._credits)

    def _grammar_of_script(self, chunk: str) -> Grammar | None:
        """The grammar of the pack whose script has the most letters in ``chunk`` (a sentence
        whose language was not identified)."""
        script = scripts.dominant(chunk)
        pack = lang.for_script(script) if script else None
        return self.grammars.get(pack.code) if pack is not None else None

    def _dates(self, doc: Document, cands: list[Candidate], dates: list[Entity]) -> None:
        """Each act's date chosen among the dates around it by the date model (:mod:`.dates`);
        with ``collect`` set, the candidates and their features are recorded for training."""
        starts = [s.start for s in doc.sentences]
        sentence_of = {id(d): si for d in dates
                       if (si := bisect.bisect_right(starts, d.start) - 1) >= 0 and d.start < doc.sentences[si].end}
        dated = set(sentence_of.values())
        first_end = min((d.end for d in dates), default=None)
        by_value: dict[str, Entity] = {}
        for d in dates:
            by_value.setdefault(str(d.norm["value"]), d)
        triggers = sorted(t.start for ts in self._triggers for t in ts)
        for c in cands:
            sent = doc.sentences[c.sentence]
            rule_value = (c.date or {}).get("value")
            context = {
                "lang": sent.lang, "sentence_of": sentence_of, "triggers": triggers,
                "dated_sentence": c.sentence in dated,
                "earlier_dates": first_end is not None and first_end <= sent.start,
                "rule_pick": by_value.get(str(rule_value)) if rule_value is not None else None,
                "effective": lambda d: bool(_EFFECTIVE.match(doc.text, d.end)),
                "listed_earlier": _listed_earlier(c, str(doc.meta.get("published") or "")),
            }
            options = date_model.candidates(doc, dates, c.sentence, context["rule_pick"])
            if self.date_model is None:
                scored = [(o, date_model.features(doc, c.sentence, c.trigger, o, context)) for o in options]
            else:
                best, scored = date_model.choose(self.date_model, doc, c.sentence, c.trigger, options, context)
                c.date = None if best.value is None else {
                    **best.value, "weak": best.kind != "date" or sentence_of[id(best.entity)] != c.sentence}
            if self.collect is not None:
                self.collect.append({"kind": "date", "action": c.action, "targets": [(t.start, t.end) for t in c.targets],
                                     "options": [((o.value or {}).get("value"), f) for o, f in scored]})

    # -- one trigger -------------------------------------------------------------------------
    def _candidate(self, doc: Document, g: Grammar, si: int, sent: Sentence, trig: Trigger,
                   lo: int, hi: int, mentions: list[ListMention], ents: list[Entity],
                   dates: _Dates, mtext: str,
                   last_list: tuple[ListEntry, int] | None, frame: Candidate | None = None) -> Candidate | None:
        if g.negated(mtext, trig, lo, hi):
            return None
        modal = g.modal(mtext, trig, lo, hi) or doc.text[sent.start:sent.end].rstrip().endswith(("?", "？"))
        if modal and not self.keep_modal:
            return None
        rule = trig.rule
        if rule.inherit:
            return self._inherited(doc, g, si, sent, trig, lo, hi, mentions, ents, dates, mtext, frame)
        region = _argument_region(g, mtext, trig, lo, hi)
        reason = _reason(doc.text, mtext, g, sent, trig)
        authority = self._authority(doc, g, trig, ents, mentions, rule.action)
        auth_ids = {_cid(authority)} if authority else set()
        def kept(carried_entry: ListEntry | None) -> ListEntry | None:
            """A list carried to this act, if its authority may act on it."""
            return carried_entry if carried_entry is None or authority is None \
                else _kept_by(self.catalogue, authority, carried_entry, self._named)

        previous = kept(last_list[0] if last_list and si - last_list[1] <= self.carry else None)
        context = kept(self._context[si])
        mention = _nearest(mentions, trig)
        entry, carried, action = None, False, rule.action
        via, unbound = "none", False
        if mention is not None and mention.entry is not None:
            entry, via = mention.entry, "named"
        elif mention is not None:                      # 블랙리스트, blacklist, 화이트리스트
            entry, via = self.catalogue.resolve_generic(mention.generic, auth_ids, previous), "generic"
            if mention.generic.invert:                 # on a white list = fewer controls
                action = INVERTED.get(action, action)
        elif rule.generic and self.catalogue.generics:
            entry, via = self.catalogue.resolve_generic(self.catalogue.generics[0], auth_ids, previous), "generic"
        elif rule.list_bound or rule.carry:
            if g.indefinite_list and g.indefinite_list.search(mtext, trig.end, hi):
                entry = None                           # "added X to a list of companies"
            elif previous is not None:
                entry, carried, via = previous, True, "carried"
            elif last_list is not None and g.list_anaphor and \
                    g.list_anaphor.search(mtext, max(lo, trig.start - 12), min(hi, trig.end + 12)):
                entry, carried, via = kept(last_list[0]), True, "anaphor"  # 被列入名单的实体 / added to the list
            elif context is not None and is_on(ARTICLE_LIST):
                entry, carried, via = context, True, "context"   # the list the article is about
            elif rule.list_bound:
                unbound = True                         # only a cue word can still name its list
        if entry is None and action in self._last_listed and si - self._last_listed[action][1] <= self.carry \
                and _definite().search(doc.text, max(sent.start, trig.start - 12), trig.start) \
                and is_on(DEFINITE_ACT):
            entry, carried, via = self._last_listed[action][0], True, "anaphor"   # "the ban", 该禁令, 이번 제재
        if entry is None and rule.bare_action is not None:
            action = rule.bare_action
        if entry is None and action in LISTING_ACTIONS and is_on(LIST_CUE):
            acting = _cid(authority) if authority is not None else None
            side = country_of(acting) or (country_of(self._context[si].authority) if self._context[si] else None)
            entry = self.catalogue.by_cue(doc.text, sent.start, sent.end, side)   # an investment ban
            carried = carried or entry is not None
            via = "cue" if entry is not None else via
        if unbound and entry is None:
            return None
        implied = entry is None and action in REGIME_ACTIONS and authority is not None
        if implied and is_on(REGIME_LIST):     # no list named nor cued: EU sanctions are the EU list's
            entry = self.catalogue.regime_of(_cid(authority))
            via = "regime" if entry is not None else via
        if entry is None and action in LISTING_ACTIONS and context is not None and is_on(ARTICLE_LIST):
            entry, carried, via = context, True, "context"   # "sanctioned" in an article about the SDN list
        if entry is None and authority is None and action in REGIME_ACTIONS:
            actor = _discourse_actor(g, mtext, self._previous_subject, ents, lo, hi, trig)
            entry = self.catalogue.regime_of(_cid(actor)) if actor is not None else None
            authority, implied, via = (actor, True, "regime") if entry is not None else (None, implied, via)
        if entry is None and authority is None and frame is not None and frame.list is not None \
                and si - frame.last <= FOLLOW_UP_REACH:
            entry, authority, carried, via = frame.list, frame.authority, True, "carried"   # 이에 따라…
        if entry is not None:
            action = entry.actions.get(action, action)   # "sanctioned" on the SDN list is a listing
        if authority is None and entry is not None:
            authority = _document_authority(doc, entry)
        new: list[Entity] = []
        if self.discover and action != "investigate":
            new = _discover(doc, g, mtext, trig, region, self._look)
            gone = inside(new, ents)
            ents = [e for e in ents if e.id not in gone] + new
        if rule.line:
            region = (doc.text.rfind("\n", 0, trig.start) + 1, region[1])
        targets = [e for e in ents if region[0] <= e.start and e.end <= region[1]
                   and e is not authority and (e in new or _is_target(g, doc.text, e, action))
                   and not _part_of_list_name(mtext, e) and not _affiliation(doc.text, e, ents)
                   and not (reason and reason["start"] <= e.start and e.end <= reason["end"])]
        if trig.passive and g.together is not None:    # "X was added ... together with Y"
            m = g.together.search(mtext, trig.end, hi)
            if m:
                targets += [e for e in ents if m.end() <= e.start and e.end <= _clause_end(doc.text, m.end(), hi)
                            and e.type in TARGET_TYPES]
        if g.definite_firm is not None:                # "the San Diego-based company"
            antecedent = _antecedent(doc, g, mtext, trig, region)
            targets += [antecedent] if antecedent is not None else []
        targets = self._choose(doc, g, sent, trig, action, region, entry, carried, authority, targets,
                               ents, reason, mtext, si)
        targets = _dedupe(targets, authority)
        anaphoric = bool(g.anaphor and g.anaphor.search(doc.text, *region))
        if entry is None and (action in CONTEXT_ACTIONS or rule.carry) and not anaphoric \
                and g.sanction_cue is not None and not _sanction_context(doc, g, si, mtext):
            return None                  # 신기술로 지정, an antitrust probe: no sanction in sight
        dealing = action == "ban" and bool(_dealing().search(simplified(doc.text[trig.end:min(hi, trig.end + 40)])))
        barred_entry = action == "ban" and bool(_entry().search(doc.text[max(lo, trig.start - 12):min(hi, trig.end + 20)]))
        cand = Candidate(action=action, trigger=(trig.start, trig.end), sentence=si, list=entry, dealing=dealing,
                         entry=barred_entry,
                         authority=authority, targets=targets,
                         date=_date(doc.text, dates, sent, trig), reason=reason,
                         count=_count(doc, g, sent, region, reason, self._quantities),
                         evidence=[(sent.start, sent.end), *self._naming(doc, si, targets)],
                         modal=modal, carried_list=carried,
                         implied_list=implied and entry is not None,
                         anaphoric=anaphoric, list_via=via if entry is not None else "none")
        return cand

    @rule("events.target_noun_frame")
    def _inherited(self, doc: Document, g: Grammar, si: int, sent: Sentence, trig: Trigger, lo: int,
                   hi: int, mentions: list[ListMention], ents: list[Entity], dates: list[Entity],
                   mtext: str, frame: Candidate | None) -> Candidate | None:
        """A noun that introduces the targets of the act told before it ("제재 대상에는", "制裁对象包括",
        "the sanctioned individuals"): the act, list, authority and date of that frame, or, with
        no frame before it, a listing on the list the sentence names."""
        mention = _nearest(mentions, trig)
        entry = mention.entry if mention is not None else None
        if frame is None and entry is None:
            return None
        action = frame.action if frame is not None else "add"
        entry = entry or (frame.list if frame is not None else None)
        authority = frame.authority if frame is not None else None
        # the nouns name the targets that follow them, a predicate (대상이 됐다) those before it
        region = (sent.start, trig.start) if trig.passive else (trig.end, sent.end)
        new = _discover(doc, g, mtext, trig, region, self._look) if self.discover else []
        ents = ents + [e for e in new if e not in ents]
        listed = [e for e in ents if region[0] <= e.start and e.end <= region[1] and e.type in TARGET_TYPES
                  and e is not authority and not _affiliation(doc.text, e, ents)]
        targets = self._choose(doc, g, sent, trig, action, region, entry, True, authority, listed, ents,
                               None, mtext, si)
        date = _date(doc.text, dates, sent, trig)
        if frame is not None and (date is None or date.get("weak")):
            date = frame.date
        return Candidate(action=action, trigger=(trig.start, trig.end), sentence=si, list=entry,
                         authority=authority, targets=_dedupe(targets, authority), date=date,
                         evidence=[(sent.start, sent.end)], carried_list=True, inherited=True,
                         list_via="inherited" if entry is not None else "none")

    def _choose(self, doc: Document, g: Grammar, sent: Sentence, trig: Trigger, action: str,
                region: tuple[int, int], entry: ListEntry | None, carried: bool, authority: Entity | None,
                rule_targets: list[Entity], ents: list[Entity], reason: dict | None, mtext: str,
                si: int) -> list[Entity]:
        """The targets of a trigger: every name of its sentence, of the enumerations it is part of
        and of the item block its line announces is a candidate, scored by the role model
        (:mod:`.roles`) with the rules' own choice among the features; without a model, the rules'
        choice. With ``collect`` set, each candidate's features are recorded for training."""
        text = doc.text
        pool = [e for e in ents if e.type in TARGET_TYPES | {"GOV", "LOC"}]
        pool += [e for e in rule_targets if e not in pool]
        later: dict[int, int] = {}                # id(entity) -> sentences after the trigger's
        clause = _subordinate_clause(g, text, mtext, sent, trig, self._triggers[si])
        if clause is not None:                    # 欧盟制裁宣布后，中国宣布…制裁: its parties are in its clause
            pool = [e for e in pool if e.end <= clause]
        stop = sent.end if clause is None else sent.start
        for k in range(si + 1, min(len(doc.sentences), si + 1 + FOLLOW) if clause is None else si + 1):
            if self._triggers[k]:
                break                              # the next act's sentence begins its own frame
            stop = doc.sentences[k].end
        blocks: list[tuple[int, int]] = []
        for line in doc.sentences[si:] if clause is None else ():
            heading = enumeration.is_heading(doc, line.start, line.end)
            if line.start >= stop and not (heading and line.start <= stop + 2):
                break
            found = enumeration.block(doc, line.end) if heading else None
            if found is not None:
                stop = max(stop, found.end)
                blocks.append((found.start, found.end))
        starts = self._starts
        for e in self._look.near(sent.end, stop):
            if sent.end <= e.start and e.end <= stop and e.type in TARGET_TYPES and not _masked(mtext, e) \
                    and e not in pool and not self._credited(e):
                pool.append(e)
                later[id(e)] = bisect.bisect_right(starts, e.start) - 1 - si
        in_block = {id(e) for e in pool if any(a <= e.start < b for a, b in blocks)}
        if not pool or self.roles is None and self.collect is None:
            return rule_targets
        rule_ids = {id(e) for e in rule_targets}
        group_of: dict[int, int] = {}
        group_rule: set[int] = set()
        groups = enumeration.groups(doc, pool, min(sent.start, region[0]), max(stop, region[1]))
        for grp in groups:
            hit = any(id(m) in rule_ids for m in grp.members)
            for m in grp.members:
                group_of[id(m)] = len(grp.members)
                if hit:
                    group_rule.add(id(m))
        ctx = roles.PairContext(
            lang=g.lang, action=action, trigger=(trig.start, trig.end), region=region,
            sentence=(sent.start, sent.end), has_list=entry is not None, carried_list=carried,
            authority=authority, rule_targets=rule_ids,
            object_marked={id(e): _object_marked(g, text, e) for e in pool},
            agent_marked={id(e): bool(g.agent_before and g.agent_before.search(text[max(0, e.start - 30):e.start]))
                          for e in pool},
            subject_marked={id(e): bool(g.subject_after and g.subject_after.match(text[e.end:e.end + 12]))
                            and (e.end <= trig.start or not g.object_after)   # SVO: a subject precedes its verb
                            for e in pool},
            affiliation={id(e): _affiliation(text, e, ents) for e in pool},
            list_name_part={id(e): _part_of_list_name(mtext, e) for e in pool},
            reason=(reason["start"], reason["end"]) if reason else None,
            quotes=self._quoted[si], aliases=_bracketed_aliases(text, pool),
            group_of=group_of, group_rule=group_rule, in_block=in_block, headline=si == 0 and len(doc.sentences) > 1,
            later=later,
            continuation={id(e) for e in pool if (x := doc.sentence_at(e.start)) is not None
                          and g.continuation.match(text[x.start:x.end])},
            speakers=self._speakers,
            side=country_of(_cid(authority)) or (self._list_sides.get(entry.id) if entry is not None else None),
            list_sides=self._list_sides, official_of=_officials(text, pool, ents))
        feats = [(e, roles.features(ctx, e, text)) for e in pool]
        if self.collect is not None:
            self.collect.append({"kind": "role", "action": action, "trigger": (trig.start, trig.end),
                                 "pairs": [(e.start, e.end, f) for e, f in feats]})
        if self.roles is None:
            return rule_targets
        model = self.roles
        probs = {id(e): model.probability(f) for e, f in feats}
        chosen = [e for e in pool if probs[id(e)] >= model.threshold]
        for grp in groups:
            mean = sum(probs[id(m)] for m in grp.members) / len(grp.members)
            if mean >= model.threshold:       # an enumeration stands or falls together
                chosen += [m for m in grp.members if m not in chosen and probs[id(m)] >= model.threshold / 3]
        return sorted(chosen, key=lambda e: e.start)

    def _naming(self, doc: Document, si: int, targets: list[Entity]) -> list[tuple[int, int]]:
        """The sentences after sentence ``si`` that name some of ``targets`` ("They are as
        follows: A, B"): they speak of the act too."""
        later = {k for t in targets if (k := bisect.bisect_right(self._starts, t.start) - 1) > si}
        return [(doc.sentences[k].start, doc.sentences[k].end) for k in sorted(later)]

    def _authority(self, doc: Document, g: Grammar, trig: Trigger, ents: list[Entity],
                   mentions: list[ListMention], action: str) -> Entity | None:
        """The GOV keeper of a mentioned list, else the GOV (or FIRM, for bans) subject."""
        keepers = {a for m in mentions if m.entry for a in m.entry.all_authorities}
        for e in ents:
            if e.type == "GOV" and _cid(e) in keepers:
                return e
        text = doc.text
        if g.agent_before is not None:               # 被美国政府列入 / added by the Commerce Department
            for e in ents:
                if e.type == "GOV" and g.agent_before.search(text[max(0, e.start - 30):e.start]) \
                        and (0 <= trig.start - e.end <= 6 or 0 <= e.start - trig.end <= 12):
                    return e
        before = [e for e in ents if e.end <= trig.start
                  and (not _object_marked(g, text, e) or _coordinated_subject(text, e))
                  and not (g.agent_before and g.agent_before.search(text[max(0, e.start - 30):e.start]))]
        before = _main_clause(text, doc.sentence_at(trig.start), trig, before)
        firm_acts = action in ("ban", "restrict", "suspend") and g.subject_after is not None
        for e in before:                             # the first subject: a body, or a firm cutting off
            if e.type == "GOV" or firm_acts and e.type == "FIRM" and g.subject_after.match(text[e.end:trig.start]):
                return e
        return _country_subject(self.catalogue, g, text, before, ents, action) or _announcer(text, ents)

    # -- sentences that go on about the last candidate ---------------------------------------
    @rule("events.continuation")
    def _continue(self, cand: Candidate, doc: Document, g: Grammar, si: int,
                  ents: list[Entity], mtext: str, appendix: bool) -> None:
        """A sentence that goes on about the last act (이 중에는, 其中, These..., an appendix line
        under a heading naming its list) adds its names, reason and count to it."""
        sent = doc.sentences[si]
        m = _DESCRIPTION.search(doc.text, sent.start, sent.end)   # （一）X（En），男，Y公司创始人
        end = m.start() if m else sent.end
        new = _line_names(doc, g, sent.start, end, mtext, self._look, appendix) if self.discover else []
        gone = inside(new, ents)
        ents = [e for e in ents if e.id not in gone] + new
        extra = [e for e in ents if e.type in TARGET_TYPES and e is not cand.authority and e.end <= end
                 and not _affiliation(doc.text, e, ents)]
        cand.targets = _dedupe(cand.targets + extra, cand.authority)
        if cand.reason is None:
            for pattern in g.reasons:
                m = pattern.search(mtext, sent.start, sent.end)
                if m:
                    cand.reason = _span(doc.text, *m.span("r"))
                    break
        if cand.count is None:
            cand.count = _count(doc, g, sent, (sent.start, sent.end), None, self._quantities)
        cand.evidence.append((sent.start, sent.end))
        cand.last = max(cand.last, si)


# -- helpers ---------------------------------------------------------------------------------
def _gov_subject(g: Grammar, text: str, ents: list[Entity]) -> Entity | None:
    """The first government body of a sentence that stands as a subject (``subject_after``)."""
    if g.subject_after is None:
        return None
    return next((e for e in sorted(ents, key=lambda e: e.start) if e.type == "GOV"
                 and g.subject_after.match(text[e.end:e.end + 100])
                 and not (g.agent_before and g.agent_before.search(text[max(0, e.start - 30):e.start]))), None)


@rule("events.announcer")
def _announcer(text: str, ents: list[Entity]) -> Entity | None:
    """An act told with no acting body ("X will be added to China's sanctions list, its Ministry
    of Commerce said", 据商务部, 상무부는 …라고 밝혔다) is the act of the government body the
    sentence quotes: a speech word right after it, or a source word right before it."""
    return next((e for e in ents if e.type == "GOV" and (roles.speaks(text, e) or roles.sourced(text, e))), None)


@rule("events.joint_act", off=lambda catalogue, doc, look, cands: [])
def _joint_acts(catalogue: Catalogue, doc: Document, look: EntityLookup, cands: list[Candidate]) -> list[Candidate]:
    """Two countries that act together ("Seoul and Washington sanctioned...", 미국과 영국은 …
    제재했다) each act on their own regime: an act on its authority's regime gets a twin by a
    country or body coordinated right after that authority, on the partner's regime."""
    out: list[Candidate] = []
    for c in cands:
        own = catalogue.regime_of(_cid(c.authority)) if c.authority is not None else None
        if own is None or c.list is None or c.list.id != own.id:
            continue
        joined = _conjunct().match(doc.text, c.authority.end)
        partner = next((e for e in look.near(c.authority.start, c.authority.end) if e.type in ("LOC", "GOV") and (
            joined is not None and 0 <= e.start - joined.end() <= 1          # the authority and X
            or e.end <= c.authority.start <= e.end + 6 and _conjunct().fullmatch(   # X and the authority
                doc.text[e.end:c.authority.start].rstrip()))), None)
        entry = catalogue.regime_of(_cid(partner)) if partner is not None else None
        if entry is not None and entry.id != c.list.id:
            out.append(replace(c, authority=partner, list=entry, targets=list(c.targets), evidence=list(c.evidence)))
    return out


@rule("events.describing_mention", off=false)
def _describing(g: Grammar, mtext: str, cand: Candidate) -> bool:
    """A list named in a phrase that describes a noun and lists nobody (유엔 제재 대상에 오른 북한
    기업에 수출했다: "firms on the UN list") is no list the next sentences go on about: a later
    "명단에 올랐다" keeps the list of the act the article tells."""
    start, end = cand.trigger
    return not cand.targets and g.adnominal is not None and bool(g.adnominal.match(mtext, start, end + 8))


@functools.lru_cache(maxsize=None)
def _packs_regex(key: str, flags: int = 0) -> re.Pattern[str]:
    """The regular expressions every language pack gives under ``key`` (``words.toml``), as one."""
    patterns = [p for pack in lang.packs() for p in pack.words.get(key)]
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x", flags)


def _subordinate() -> re.Pattern[str]:
    """A subordinate clause of time that closes before the main clause (the packs'
    ``events.subordinate``: 欧盟制裁宣布后，…, 미국이 제재한 이후, …, "After the EU acted, ...")."""
    return _packs_regex("events.subordinate")


@rule("events.subordinate_clause")
def _subordinate_clause(g: Grammar, text: str, mtext: str, sent: Sentence, trig: Trigger,
                        triggers: list[Trigger]) -> int | None:
    """Where the subordinate clause of time that holds the trigger ends (欧盟制裁宣布后，| 中国…;
    "After the EU sanctioned X, | China ..."): the act told there has its parties inside it, not
    in the main clause's act or the sentences after. None when the trigger is in no such clause,
    when the main clause tells no act of its own (被列入清单后，美国政府即可…) or when the clause
    names its parties as "these firms" (the list is elsewhere)."""
    for m in _subordinate().finditer(text, sent.start, sent.end):
        opened = max([sent.start] + [text.rfind(c, sent.start, m.start()) + 1 for c in ",，;；"])
        if opened <= trig.start and trig.end <= m.end() and not _CLAUSE_MARK.search(text, trig.end, m.end() - 1):
            main_act = any(t.start >= m.end() for t in triggers)
            anaphoric = g.anaphor is not None and g.anaphor.search(mtext, sent.start, m.end())
            return m.end() if main_act and not anaphoric else None
    return None


_CLAUSE_MARK = re.compile(r"[,，;；]")


@rule("events.main_clause", off=lambda text, sent, trig, before: before)
def _main_clause(text: str, sent: Sentence | None, trig: Trigger, before: list[Entity]) -> list[Entity]:
    """The subject of an act is in its own clause: names inside a subordinate clause of time
    that closes before the trigger (欧盟制裁宣布后，中国外交部宣布…制裁) are not its subject,
    when a government body stands after the clause."""
    if sent is None:
        return before
    end = None
    for m in _subordinate().finditer(text, sent.start, trig.start):
        end = m.end()
    if end is None:
        return before
    main = [e for e in before if e.start >= end]
    return main if any(e.type == "GOV" for e in main) else before


@rule("events.country_subject")
def _country_subject(catalogue: Catalogue, g: Grammar, text: str, before: list[Entity], ents: list[Entity],
                     action: str) -> Entity | None:
    """Sanctions whose subject is a country that keeps a regime (中国宣布制裁…, "China sanctioned
    ...", 중국이 …에 대해 제재를 단행했다) are that country's: the first name of the sentence is the
    country, marked as its subject."""
    if action != "impose" or g.subject_after is None or not before:
        return None
    first = before[0]
    end = first.end
    joined = _conjunct().match(text, end)             # "Seoul and Washington sanctioned...": the first's
    if joined:
        partner = next((e for e in ents if e.type == "LOC" and 0 <= e.start - joined.end() <= 1), None)
        end = partner.end if partner is not None else end
    return first if first.type == "LOC" and catalogue.regime_of(_cid(first)) is not None \
        and g.subject_after.match(text[end:end + 100]) else None


@rule("events.carry_by_keeper", off=lambda catalogue, authority, previous, named: previous)
def _kept_by(catalogue: Catalogue, authority: Entity, previous: ListEntry, named: list[ListEntry]) -> ListEntry | None:
    """A list carried from earlier sentences to an act whose authority keeps lists must be one it
    keeps: the last such list named so far (被OFAC认定的八家公司 after a sentence on the Entity
    List is on the Treasury's NS-CMIC list), else none."""
    keeper = _cid(authority)
    if not keeper or keeper in previous.all_authorities \
            or not any(keeper in e.all_authorities for e in catalogue.entries.values()):
        return previous
    return next((e for e in reversed(named) if keeper in e.all_authorities), None)


@rule("events.discourse_actor")
def _discourse_actor(g: Grammar, mtext: str, previous: Entity | None, ents: list[Entity], lo: int, hi: int,
                     trig: Trigger) -> Entity | None:
    """An act that announces its parties by a forward reference (``Grammar.forward``: "The Chinese
    side decides to sanction the following...", 决定对以下…), names no party before its trigger and
    found no list is taken by the government body the sentence before had as its subject (and is
    on that body's sanctions regime, if it keeps one)."""
    if previous is None or g.forward is None or not g.forward.search(mtext, lo, hi) \
            or any(lo <= e.start and e.end <= trig.start for e in ents if e.type != "QUANTITY"):
        return None
    return previous


@rule("events.slot_names", off=nothing)
def _discover(doc: Document, g: Grammar, mtext: str, trig: Trigger,
              region: tuple[int, int], look: EntityLookup) -> list[Entity]:
    """Entities for the names in the trigger's object slot that no stage recognised, as the pack
    of the grammar's language reads the slot (its ``slots.py``)."""
    pack = lang.get(g.lang)
    reader = pack.slot_reader if pack is not None else None
    return reader.slot_names(doc, mtext, trig, region, look) if reader is not None else []


def _line_names(doc: Document, g: Grammar, start: int, end: int, mtext: str, look: EntityLookup,
                appendix: bool) -> list[Entity]:
    """Entities for the names of a line that goes on about the last act, as the grammar's pack
    reads it, else as the pack of the line's script does (a Latin appendix line)."""
    script = scripts.dominant(doc.text[start:end])
    for pack in (lang.get(g.lang), lang.for_script(script) if script else None):
        reader = pack.slot_reader if pack is not None else None
        found = reader.line_names(doc, start, end, mtext, look, appendix, script) if reader is not None else None
        if found is not None:
            return found
    return []


def _credits() -> re.Pattern[str]:
    """A news dateline or credit, whose names (the reporter, the agency, the city) take no part in
    an act (the packs' ``events.credits``: (서울=연합뉴스) 김기자 =, 新华社北京…电（记者…）, "SEOUL,
    June 27 (Yonhap) --"); ``^`` is the start of a line."""
    return _packs_regex("events.credits", re.MULTILINE)


@functools.lru_cache(maxsize=None)
def _packs_words(key: str, template: str = "{}") -> re.Pattern[str]:
    """The words every language pack lists under ``key`` (``words.toml``) as one alternation put
    in ``template`` at ``{}``, case-insensitive; a pattern that matches nothing when none lists any."""
    words = words_pattern(w for p in lang.packs() for w in p.words.get(key))
    return re.compile(template.replace("{}", f"(?:{words})"), re.IGNORECASE) if words else re.compile(r"(?!x)x")


def _definite() -> re.Pattern[str]:
    """A definite word right before an act's noun (the packs' ``events.definite``: the, 该, 이번)."""
    return _packs_words("events.definite", r"{}\s*$")


def _also() -> re.Pattern[str]:
    """Words that make an act one more of the act told before ("also sanctioned", 也被制裁; the
    packs' ``events.also``): it is on that act's list."""
    return _packs_words("events.also", r"{}\s*(?:被|been|were|was|be)?\s*$")


@functools.lru_cache(maxsize=1)
def _dealing() -> re.Pattern[str]:
    """Words of a bar on dealing with a party (the packs' ``events.dealing``; Chinese ones in
    simplified characters, searched in the text read as simplified)."""
    words = [w for p in lang.packs() for w in p.words.get("events.dealing")]
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!x)x",
                      re.IGNORECASE)


def _entry() -> re.Pattern[str]:
    """Words of a ban on entering a country (the packs' ``events.entry``)."""
    return _packs_words("events.entry")


#: sentences between a listing and the bar it brings ("... added to the list. The listing bars them ...")
COMPANION_REACH = 2


@rule("events.companion_ban")
def _companions(cands: list[Candidate]) -> None:
    """A bar the article states with a listing (禁止其从事进出口活动, "banned from buying", 거래
    금지) is a ban of its own on the listed parties (conventions, D9): a ban in the listing's
    sentence or up to ``COMPANION_REACH`` sentences after it that names no party of its own takes
    the listing's targets, list and date; and a listing whose parties the ban of its own sentence
    took (对X冻结…；禁止…) gets them back. A bar on others dealing with the parties (禁止…与其进行
    交易, "prohibits transactions with") comes with every freeze and is no ban of its own."""
    listings = [c for c in cands if c.action in ("add", "impose")]
    for ban in (c for c in cands if c.action == "ban" and not c.dealing):
        host = next((c for c in reversed(listings) if 0 <= ban.sentence - c.sentence <= COMPANION_REACH
                     and c.trigger[0] < ban.trigger[0] and (c.targets or c.sentence == ban.sentence)), None)
        if host is None or host.list is not None and ban.list is not None and host.list is not ban.list:
            continue
        named = host.targets or _named_after(cands, host)
        if ban.entry:                      # an entry ban bars the persons, not the bodies listed with them
            named = [e for e in named if e.type == "PERSON"]
        if not ban.targets and named:
            ban.targets = list(named)
            ban.date = host.date if ban.date is None or ban.date.get("weak") else ban.date
        elif ban.targets and not host.targets and host.sentence == ban.sentence:
            host.targets = list(ban.targets)
        else:
            continue
        ban.list = ban.list or host.list
        ban.authority = ban.authority or host.authority


def _named_after(cands: list[Candidate], host: Candidate) -> list[Entity]:
    """The parties of an act told without them, named by the target nouns that follow it (制裁对象
    包括…, "the sanctioned individuals are"): the targets of the act's inherited frames."""
    return [e for c in cands if c.inherited and c.list is host.list and c.action == host.action
            and 0 < c.sentence - host.sentence <= COMPANION_REACH for e in c.targets]


@rule("events.definite_firm")
def _antecedent(doc: Document, g: Grammar, mtext: str, trig: Trigger,
                region: tuple[int, int]) -> Entity | None:
    """The firm "the California company" / "the San Diego-based firm" in the argument region
    refers to: the last firm named before it."""
    m = g.definite_firm.search(mtext, *region)
    if m is None or any(e.start < m.end() and m.start() < e.end and e.type in TARGET_TYPES
                        for e in doc.entities):
        return None                                   # "the Huawei company" names its firm
    before = [e for e in doc.entities if e.type == "FIRM" and e.end <= m.start()]
    return max(before, key=lambda e: e.end, default=None)


def _cid(e: Entity | None) -> str | None:
    if e is None:
        return None
    return (e.canonical or {}).get("id") or None


def _masked(mtext: str, e: Entity) -> bool:
    """Inside a title of a law, or entirely inside a list name."""
    span = mtext[e.start:e.end]
    return TITLE_MASK in span or set(span) <= {LIST_MASK}


def _bracketed_aliases(text: str, entities: Iterable[Entity]) -> set[str]:
    """Ids of entities inside the brackets right after another entity: 华为（Huawei）, X (BIS)."""
    ents = [e for e in entities if e.type != "DATE"]
    index = SpanIndex(ents, _extent)
    out = set()
    for e in ents:
        j = e.end
        while j < len(text) and text[j] == " ":
            j += 1
        if j >= len(text) or text[j] not in _OPEN:
            continue
        closes = [c for c in (text.find("）", j + 1, j + 122), text.find(")", j + 1, j + 122)) if c >= 0]
        close = min(closes, default=-1)     # 全角 and ASCII brackets get mixed: （Lockheed)
        if close < 0 or close - j > 120:
            continue
        out.update(o.id for o in index.inside(j + 1, close) if o is not e)
    lo, hi = min((e.start for e in ents), default=0), max((e.end for e in ents), default=0)
    for m in _ROLE_BRACKET.finditer(text, max(0, lo - 100), hi + 100):  # 帕尔默·卢基（安杜里尔公司创始人）: a descriptor
        out.update(o.id for o in index.inside(m.start() + 1, m.end() - 1))
    return out


def _is_heading(text: str, sent: Sentence, mentions: list[ListMention], ents: list[Entity]) -> bool:
    """A line that introduces an enumeration of a list's members: 附件：反制清单, 出口管制管控名单
    （2025年1月2日）, 被列入不可靠实体清单的外国实体 — short, unterminated, naming no target."""
    if any(e.type in TARGET_TYPES for e in ents):
        return False
    line = text[sent.start:sent.end].strip()
    if _APPENDIX.match(line):
        return True
    rest = text[sent.start:sent.end]
    for m in sorted(mentions, key=lambda m: -m.start):
        rest = rest[:m.start - sent.start] + rest[m.end - sent.start:]
    if len(re.sub(r"附件|附表|Annex|Appendix|Attachment|[\W\d年月日_]", "", rest)) <= 2:
        return True
    return len(line) <= 40 and not re.search(r"[。.!?！？；;]$", line)


def _last_with_list(cands: list[Candidate], entry: ListEntry) -> Candidate | None:
    """The last act on ``entry`` whose parties an appendix lists: a listing before a ban (the ban
    that came with it takes them as its companion, :func:`_companions`)."""
    on_list = [c for c in cands if c.list is entry]
    return next((c for c in reversed(on_list) if c.action != "ban"), on_list[-1] if on_list else None)


def _regions(triggers: list[Trigger], sent: Sentence) -> list[tuple[int, int]]:
    """For each trigger, the stretch of the sentence between its neighbours."""
    out = []
    for i, t in enumerate(triggers):
        lo = triggers[i - 1].end if i else sent.start
        hi = triggers[i + 1].start if i + 1 < len(triggers) else sent.end
        out.append((lo, hi))
    return out


def _argument_region(g: Grammar, mtext: str, trig: Trigger, lo: int, hi: int) -> tuple[int, int]:
    if g.clause_break is not None:     # 将X列入 / 制裁X: both sides, within the clause
        cuts = [m.end() for m in g.clause_break.finditer(mtext, lo, trig.start)]
        lo = cuts[-1] if cuts else lo
        m = g.clause_break.search(mtext, trig.end, hi)
        hi = m.start() if m else hi
    if not g.object_after:
        if g.adnominal is not None and g.adnominal.match(mtext[trig.start:trig.end + 8]):
            return trig.end, hi        # 명단에 오른 X: the modified noun is the target
        return lo, trig.start          # verb-final: arguments precede the verb
    if g.clause_break is not None:
        return lo, hi
    if trig.passive:
        return lo, trig.start
    m = g.attribution.search(mtext, trig.end, hi) if g.attribution is not None else None
    return trig.end, (m.start() if m else hi)


_QUOTE = re.compile(r"“[^”]{12,}”|\"[^\"]{12,}\"")


#: sentences back the act a follow-up sentence (:func:`_follows_up`) continues may stand
FOLLOW_UP_REACH = 4


def _follow_up_words() -> re.Pattern[str]:
    return _packs_words("events.follow_up", r"[\s\-–—•▲]*{}")


@rule("events.follow_up", off=false)
def _follows_up(text: str, sent: Sentence) -> bool:
    """The sentence opens with a word that tells what an act brings (이에 따라, 据此, "As a
    result", the packs' ``events.follow_up``): an act in it with no list and no acting body of
    its own is the last act's, on that act's list (이에 따라 A와 B의 자산이 동결됐다)."""
    return bool(_follow_up_words().match(text, sent.start, sent.end))


def _frame(out: list[Candidate], here: list[Candidate]) -> Candidate | None:
    """The act a target noun refers to: the last told on a list that is no ban, else the last on a
    list, else the last."""
    told = [*reversed(here), *reversed(out)]          # the latest first
    return next((c for c in told if c.list is not None and c.action != "ban"),
                next((c for c in told if c.list is not None), told[0] if told else None))


_SENTENCE_START = re.compile(r"(?:^|[。！？!?.\n])[\s\"“'‘]*$")


def _conjunct() -> re.Pattern[str]:
    """A conjunction right after a name (the packs' ``enumeration.conjunctions``: and, 和, 과)."""
    return _packs_words("enumeration.conjunctions", r"\s*{}")


def _coordinated_subject(text: str, e: Entity) -> bool:
    """A government body that opens its sentence joined to another by a conjunction
    (美國國務院及財政部…宣布制裁, 미국 국무부와 재무부는, The State Department and the Treasury): the subject,
    not one of the objects an enumeration lists."""
    return e.type == "GOV" and bool(_SENTENCE_START.search(text, max(0, e.start - 4), e.start)) \
        and bool(_conjunct().match(text, e.end))


_FR_VOLUME = re.compile(r"(\d{2,3})\s*FR\b")


def _listed_earlier(c: Candidate, published: str) -> bool:
    """Most of a listing's targets are on its list in the KB since a year before the article's
    (the membership's date, else its Federal Register citation: volume 84 is 1935 + 84 = 2019): an
    old listing the article recalls ("Huawei, on the Entity List"), which the gold leaves undated."""
    if c.list is None or c.action not in ("add", "impose") or not c.targets or not published[:4].isdigit():
        return False
    earlier = 0
    for t in c.targets:
        years = []
        for ref in (t.canonical or {}).get("lists") or ():
            if ref.get("id") != c.list.id:
                continue
            date, volume = str(ref.get("date") or ""), _FR_VOLUME.match(str(ref.get("citation") or ""))
            years.append(int(date[:4]) if date[:4].isdigit() else 1935 + int(volume.group(1)) if volume else 9999)
        earlier += bool(years) and min(years) < int(published[:4])
    return earlier * 2 > len(c.targets)


def _officials(text: str, pool: list[Entity], ents: list[Entity]) -> dict[int, str]:
    """The persons of ``pool`` that a title follows or precedes with a country's body or name
    right before it (미 상무장관 러몬도, US Commerce Secretary Gina Raimondo, 美国国务卿蓬佩奥):
    id(person) -> that country."""
    out: dict[int, str] = {}
    titles = orgtype.titles()
    for person in (e for e in pool if e.type == "PERSON"):
        for e in ents:
            gap = text[e.end:person.start] if e.end <= person.start else ""
            country = country_of(_cid(e)) if e.type in ("LOC", "GOV") and 0 < len(gap) <= 24 else None
            if country and titles.search(gap) and "\n" not in gap:
                out[id(person)] = country
    return out


def _quotes(text: str, sent: Sentence) -> list[tuple[int, int]]:
    """Spans of quoted speech ("…", “…”) in a sentence: an opinion, not a reported action."""
    return [m.span() for m in _QUOTE.finditer(text, sent.start, sent.end)]


_CLAUSE_END = re.compile(r"[,;，；]")


def _clause_end(text: str, start: int, hi: int) -> int:
    m = _CLAUSE_END.search(text, start, hi)
    return m.start() if m else hi


def _object_marked(g: Grammar, text: str, e: Entity) -> bool:
    before = text[max(0, e.start - 12):e.start]
    if g.agent_before is not None and g.agent_before.search(before):
        return False
    if g.object_before is not None and g.object_before.search(before):
        return True
    if g.object_after_entity is None:
        return False
    title = _TITLE_AFTER.match(text, e.end, e.end + 16)      # 마코 루비오 상원의원을: the title carries the particle
    return bool(g.object_after_entity.match(text[e.end:e.end + 12])
                or title and g.object_after_entity.match(text[title.end():title.end() + 12]))


_GENERIC_NOUN = frozenset({"기업", "회사", "기관", "업체", "단체", "정부", "계열사", "企业", "公司", "机构", "实体",
                           "交流", "合作", "交易", "活动", "投资", "贸易", "往来",
                           "company", "companies", "firm", "firms", "entity", "entities", "government"})
#: a title between an organisation and a person's name: the organisation only says who the person is
_TITLE_AFTER = re.compile(r"\s*(?:前|现任|现|原|전|현)?\s*\S{0,4}?(?:" + orgtype.titles().pattern + r")\s*")
_TITLE_OF = re.compile(r"(?:" + orgtype.titles().pattern + r")s?\s+(?:of|at)\s+(?:the\s+)?$", re.IGNORECASE)
_APPOSITION = re.compile(r",\s*(?:[\w-]+\s+){0,3}")


@rule("events.affiliation", off=false)
def _affiliation(text: str, e: Entity, ents: list[Entity]) -> bool:
    """``e`` is an organisation that a title and a person follow (哈德逊研究所董事会主席萨拉·斯特恩,
    里根基金会前执行主任约翰·希布斯奇): it describes the person, who is the target."""
    if e.type not in orgtype.ORG_TYPES:
        return False
    m = _TITLE_AFTER.match(text, e.end)
    if m is not None and any(p.type == "PERSON" and p.start == m.end() for p in ents):
        return True
    of = _TITLE_OF.search(text, max(0, e.start - 60), e.start)    # "Kim, general manager of X"
    return of is not None and any(p.type == "PERSON" and p.end <= of.start()
                                  and _APPOSITION.fullmatch(text, p.end, of.start()) for p in ents)
_BEFORE_LIST = re.compile(r"\s*(?:기업|企业|companies)?\s*[（(]?\s*■")


@rule("events.list_name_part", off=false)
def _part_of_list_name(mtext: str, e: Entity) -> bool:
    """중국 군산복합체 기업(NS-CMIC) 명단: the words before a list's short name belong to it."""
    return bool(_BEFORE_LIST.match(mtext, e.end))


def _is_target(g: Grammar, text: str, e: Entity, action: str) -> bool:
    """Firms, universities, organisations, persons, never as the agent (signed by X, 被X);
    a government body (or, for measures against a country, a country) only as a marked object,
    in Korean and Chinese also closed on its right (对美国国会前议员X is about X)."""
    if g.agent_before is not None and g.agent_before.search(text[max(0, e.start - 30):e.start]):
        return False
    if e.text.strip().lower() in _GENERIC_NOUN:      # a model's "기업" is no name
        return False
    if e.type in TARGET_TYPES:
        return True
    if e.type == "LOC" and g.country_object is not None:     # sanctions on Russia, 对美国
        if action not in COUNTRY_ACTIONS or not g.country_object.search(text[max(0, e.start - 12):e.start]):
            return False
    elif not (e.type == "GOV" or e.type == "LOC" and action in COUNTRY_ACTIONS) \
            or not _object_marked(g, text, e):
        return False
    close = g.object_close or g.object_after_entity
    return close is None or bool(close.match(text[e.end:e.end + 12]))


def _dedupe(targets: list[Entity], authority: Entity | None) -> list[Entity]:
    """One entity per canonical id (or surface text), never the authority."""
    seen, out = set(), []
    auth = _cid(authority) or (authority.text if authority else None)
    for e in targets:
        key = _cid(e) or e.text
        if key in seen or key == auth:
            continue
        seen.add(key)
        out.append(e)
    return out


def _distance(m: ListMention, trig: Trigger) -> int:
    return max(m.start - trig.end, trig.start - m.end, 0)


def _assign(mentions: list[ListMention], triggers: list[Trigger],
            list_after: bool) -> dict[int, list[ListMention]]:
    """Each list mention belongs to the nearest trigger on the side where the language puts
    the verb (before the list in "add X to the list"/列入, after it in "명단에 올렸다"), else
    to the nearest trigger."""
    owned: dict[int, list[ListMention]] = {id(t): [] for t in triggers}
    for m in mentions:
        side = [t for t in triggers if (t.end <= m.start if list_after else t.start >= m.end)]
        owner = min(side or triggers, key=lambda t: _distance(m, t))
        owned[id(owner)].append(m)
    return owned


def _nearest(mentions: list[ListMention], trig: Trigger) -> ListMention | None:
    return min(mentions, key=lambda m: _distance(m, trig), default=None)


def _document_authority(doc: Document, entry: ListEntry) -> Entity | None:
    """An entity anywhere in the document whose canonical id keeps ``entry``."""
    keepers = entry.all_authorities
    return next((e for e in doc.entities if _cid(e) in keepers), None)




@rule("events.sanction_context", off=true)
def _sanction_context(doc: Document, g: Grammar, si: int, mtext: str) -> bool:
    """The sentence, the one before it or the document's first line speaks of sanctions or
    export controls (``Grammar.sanction_cue``; a list name, masked as ■, counts)."""
    spans = [(doc.sentences[si].start, doc.sentences[si].end)]
    if si > 0:
        spans.append((doc.sentences[si - 1].start, doc.sentences[si - 1].end))
    first = doc.text.find("\n")
    spans.append((0, first if first > 0 else min(len(doc.text), 200)))
    return any("■" in mtext[a:b] or g.sanction_cue.search(doc.text, a, b) for a, b in spans)


def _date(text: str, dates: _Dates, sent: Sentence, trig: Trigger) -> dict | None:
    """See :func:`_pick_date`; the value is marked ``weak`` when it came from an earlier
    sentence (the merge lets it yield to a date stated with the action)."""
    date, weak = _pick_date(text, dates, sent, trig)
    return None if date is None else {**date, "weak": weak}


def _pick_date(text: str, dates: _Dates, sent: Sentence, trig: Trigger) -> tuple[dict | None, bool]:
    """Same sentence (before the trigger first), else the nearest preceding DATE, else the
    document's dateline when nothing precedes (``_DATELINE``), else None.
    A date that names a document (4月4日公告) is not the date of the action; of coordinated
    dates (2025年4月4日和9日) the first, complete one counts."""
    inside = [d for d in dates.index.inside(sent.start, sent.end)
              if not _DOC_REF.match(text, d.end) and not _EFFECTIVE.match(text, d.end)]
    before = [d for d in inside if d.end <= trig.start]
    after = [d for d in inside if d.start >= trig.end]
    if before:
        i = len(before) - 1
        while i > 0 and _COORD.fullmatch(text[before[i - 1].end:before[i].start]):
            i -= 1
        pick = before[i]
    elif after:
        pick = after[0]
    else:
        earlier = dates.last_before(sent.start, 4)
        if not earlier:
            # a title before the document's dateline (an order's title, then "Publication date: ...")
            dateline = dates.dateline()
            return ({"value": str(dateline.norm["value"]), "precision": dateline.norm.get("precision", "day"),
                     "dateline": True} if dateline is not None else None), True
        pick = earlier[-1]
        # "2025年 第1号" right after "2025年01月02日": the precise date it agrees with says more
        year = str((pick.norm or {}).get("value"))
        if len(year) == 4:
            pick = next((d for d in reversed(earlier[-4:-1])
                         if str(d.norm["value"]).startswith(year)), pick)
    norm = pick.norm or {}
    weak = pick.end <= sent.start
    value, precision = str(norm["value"]), norm.get("precision", "day")
    month = dates.month_right_before(pick.start)
    if precision == "year" and month is not None:      # "July" + "last year": July of that year
        value, precision = f"{value}-{str(month.norm['value'])[5:7]}", "month"
    return {"value": value, "precision": precision}, weak


def _span(text: str, start: int, end: int) -> dict:
    while end > start and text[end - 1] in " \t,，、:：.。；;":
        end -= 1
    while start < end and text[start] in " \t,，、":
        start += 1
    return {"start": start, "end": end, "text": text[start:end]}


def _reason(text: str, mtext: str, g: Grammar, sent: Sentence, trig: Trigger) -> dict | None:
    best = None
    for pattern in g.reasons:
        for m in pattern.finditer(mtext, sent.start, sent.end):
            s, e = m.span("r")
            if e <= s:
                continue
            dist = max(s - trig.end, trig.start - e, 0)
            if best is None or dist < best[0]:
                best = (dist, s, e)
        if best is not None:
            break
    return _span(text, best[1], best[2]) if best else None


@functools.lru_cache(maxsize=1)
def _target_units() -> frozenset[str]:
    """Units of a count of targets (the packs' ``target_units``: 44개 기관, 11家, 28 entities)."""
    return frozenset(w for p in lang.packs() for w in p.words.get("target_units"))


def _count(doc: Document, g: Grammar, sent: Sentence, region: tuple[int, int],
           reason: dict | None, quantities: SpanIndex[Entity]) -> int | None:
    """The number of targets the text gives in the argument region (the largest: a total
    includes its parts): QUANTITY entities with a target unit, else the count pattern."""
    lo, hi = region
    def outside_reason(s: int, e: int) -> bool:
        return not (reason and reason["start"] <= s and e <= reason["end"])
    found = [int(norm["value"]) for q in quantities.inside(lo, hi)
             if q.type == "QUANTITY" and lo <= q.start and q.end <= hi
             and str((norm := q.norm or {}).get("unit", "")).lower() in _target_units()
             and isinstance(norm.get("value"), (int, float)) and outside_reason(q.start, q.end)]
    if not found:
        found = [n for m in g.count.finditer(doc.text, lo, hi)
                 if outside_reason(*m.span()) and (n := g.number(m.group("n")))]
    return max(found) if found else None      # "60 Chinese among 77 in all": the total


def _absorb(into: Candidate, other: Candidate) -> None:
    into.evidence.extend(other.evidence)          # duplicates go in merge.to_events (sorted set)
    into.last = max(into.last, other.last)
    if into.count is None:
        into.count = other.count
    if into.reason is None:
        into.reason = other.reason


def _extent(e: Entity) -> tuple[int, int]:
    return e.start, e.end


class _SentenceEntities:
    """The document's entities by sentence, in list order, found without a scan of the whole
    list per sentence; entities that the stage adds as it goes (discovered targets, appended to
    ``doc.entities``) join the sentence they lie in when a later sentence asks."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.starts = [s.start for s in doc.sentences]
        self.buckets: list[list[Entity]] = [[] for _ in doc.sentences]
        self.seen = 0

    def get(self, si: int) -> list[Entity]:
        """Entities that start in sentence ``si`` (the caller checks where they end)."""
        for e in self.doc.entities[self.seen:]:
            i = bisect.bisect_right(self.starts, e.start) - 1
            if i >= 0 and e.start < self.doc.sentences[i].end:
                self.buckets[i].append(e)
        self.seen = len(self.doc.entities)
        return self.buckets[si]


class _Dates:
    """The document's dates in text order, with the look-ups :func:`_pick_date` makes."""

    def __init__(self, text: str, dates: list[Entity]) -> None:
        self.text = text
        self.dates = dates
        self.index = SpanIndex(dates, _extent)
        self._dateline: list[Entity | None] = []

    def last_before(self, pos: int, n: int) -> list[Entity]:
        """The last ``n`` dates (in text order) that end by ``pos`` and not in an "effective" phrase."""
        out: list[Entity] = []
        i = bisect.bisect_left(self.dates, pos, key=lambda d: d.start) - 1
        while i >= 0 and len(out) < n:
            d = self.dates[i]
            if d.end <= pos and not _EFFECTIVE.match(self.text, d.end):
                out.append(d)
            i -= 1
        return out[::-1]

    def dateline(self) -> Entity | None:
        """The first date written on a labelled header line (``_DATELINE``), once per document;
        the label is looked for on the date's own line, in the 200 characters before it."""
        if not self._dateline:
            self._dateline.append(next((d for d in self.dates
                                        if _DATELINE.search(self.text, max(0, d.start - 200), d.start)), None))
        return self._dateline[0]

    def month_right_before(self, pos: int) -> Entity | None:
        """The first month-precise date that only white space separates from ``pos``."""
        gap = pos
        while gap > 0 and self.text[gap - 1].isspace():
            gap -= 1
        return next((d for d in self.index.overlapping(gap - 1, pos) if gap <= d.end <= pos
                     and (d.norm or {}).get("precision") == "month"), None)
