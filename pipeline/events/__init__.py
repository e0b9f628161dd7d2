"""Sanction events: who put whom on which list, when and why (the ``events`` stage's engine).

Pipeline: :mod:`.catalogue` (configs/lists.toml) finds list names; :mod:`pipeline.lang` packs hold the trigger grammars (``triggers.toml``); :mod:`.assemble` turns each trigger into a candidate with
its arguments, across sentences where needed; :mod:`.merge` makes one event per (authority,
list, action, date).

Decisions (and why):

- **Authority.** ``event.authority`` is always an entity id of the document (the contract), never
  a made-up one. When the text names the list but not who acts, the authority is the entity in
  the document whose canonical id keeps that list (e.g. a mention of 商务部 for the Unreliable
  Entity List), else null. The keeper implied by the catalogue is still given, as a canonical
  id, in ``event.list.authority`` (e.g. "nf:us-bis" for the Entity List): users who need a
  value get one, and it is visibly the catalogue's, not the text's.
- **Negation** (未被列入, was not added, 올리지 않았다) gives no event. **Removal wording**
  (명단에서 제외, removed from, 移出) is ``remove``, never ``add``.
- **Modality**: a planned, proposed or possible action (could add, plans to, 拟, 考虑, 계획이다,
  검토, 예정) gives no event by default, because users screen against these facts; with
  ``keep_modal = true`` it gives one with half the score.
- **Date**: the DATE in the trigger's sentence (the one before the trigger first), else the
  nearest DATE before the sentence, else none. The publication date is not used as a fallback:
  a guess must not look like a fact.
- **Action by presence of a list**: designate/지정 is ``add`` with a list and ``impose`` without;
  revoke/解除/해제 is ``remove`` with a list and ``lift`` without. 采取反制措施 / countermeasures
  under the Anti-Foreign Sanctions Law are ``impose`` (the verb says so), with the list
  cn-countermeasure-list when the text names 反制清单.
- **CAMEO**: 163 (impose embargo, boycott or sanctions) for add, impose, ban, restrict; 085
  (ease economic sanctions, boycott, embargo) for remove, lift, suspend; 090 (investigate).
- **Count**: the largest number of targets the text gives for the event (44개 기관, 33家实体).
- **Arguments across sentences**: a list named up to ``carry`` sentences earlier (or any time
  earlier when the text says "the list", 名单, 명단) applies to an "add to"/列入 without one; a
  sentence opening with 이 중에는/其中/These goes on about the last event; an appendix line
  (附件：反制清单, 1. X（English）) adds its names to the event with that list, and gives its list
  to a decision above it that named none.
- **Merging** is tolerant where the text is vague and strict where it is not: see :mod:`.merge`.
  A date inherited from an earlier sentence yields to a date stated with the action.
- **Discovered targets** (:mod:`.discover`, and each pack's ``slots.py`` for where the slot is):
  names in a trigger's object slot or an appendix that no earlier stage recognised become entities
  (``source="rule"``, no canonical id), because official texts list targets the knowledge base
  and the models have never seen.
- **White lists** (화이트리스트, 白名单): being put on one is ``lift``, being taken off ``restrict``.
- **Not events**: quoted speech, questions, requests and applications (移除的申请), negated and
  planned actions.
"""
from __future__ import annotations

from ..types import Document, Event
from .assemble import Assembler
from .catalogue import Catalogue, load_catalogue
from . import confidence
from .merge import bans_of_listings, listings_of_bans, merge, to_events
from .linear import LinearModel

__all__ = ["EventExtractor", "load_catalogue", "Catalogue"]


class EventExtractor:
    """Extracts merged sanction events from a Document with sentences and entities."""

    def __init__(self, catalogue: Catalogue, carry: int = 3, keep_modal: bool = False,
                 keep_bare: bool = False, discover: bool = True, role_model: LinearModel | None = None,
                 collect: list | None = None, date_model: LinearModel | None = None,
                 confidence_model: LinearModel | None = None, keep_all: bool = False) -> None:
        from .. import lang

        grammars = {p.code: p.grammar for p in lang.packs() if p.grammar is not None}
        self.assembler = Assembler(catalogue, grammars, carry=carry, keep_modal=keep_modal,
                                   discover=discover, role_model=role_model, collect=collect,
                                   date_model=date_model)
        self.keep_bare = keep_bare
        self.carry = carry
        self.confidence = confidence_model
        self.keep_all = keep_all
        self.collect = collect

    def __call__(self, doc: Document) -> list[Event]:
        candidates = self.assembler.candidates(doc)
        groups = merge(candidates, keep_bare=self.keep_bare, carry=self.carry)
        feats = [confidence.features(g, doc.lang, len(doc.sentences)) for g in groups]
        if self.confidence is not None:       # a planned act, kept on request, counts half (keep_modal)
            scores = [self.confidence.probability(f) * (0.5 if g.modal else 1.0) for f, g in zip(feats, groups)]
            # a text shorter than every text the model learnt from keeps its events, scored
            learnt = len(doc.sentences) >= self.confidence.meta.get("min_sentences", 0)
            floor = self.confidence.threshold if learnt and not self.keep_all else 0.0
            kept = [i for i, p in enumerate(scores) if p >= floor]
            groups, feats, scores = [groups[i] for i in kept], [feats[i] for i in kept], [scores[i] for i in kept]
        else:
            scores = [None] * len(groups)
        listing = {id(ban): new for ban, new in listings_of_bans(groups)}
        ban = {id(listed): new for listed, new in bans_of_listings(groups, candidates)}
        kept_groups, kept_scores, kept_feats, derived = [], [], [], []
        for group, score, feat in zip(groups, scores, feats):
            for event in (group, listing.get(id(group)), ban.get(id(group))):
                if event is not None:          # a derived listing or ban is scored as what it came from
                    kept_groups.append(event)
                    kept_scores.append(score)
                    kept_feats.append(feat)
                    derived.append(event is not group)
        if self.collect is not None:        # a derived listing is scored, never learnt from
            self.collect.append({"kind": "events", "features": kept_feats, "derived": derived})
        return to_events(kept_groups, kept_scores)
