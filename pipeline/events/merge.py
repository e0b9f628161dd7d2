"""Merge candidates into events: one per (authority, list, action, date) with all targets.

Two candidates merge when their action and list are equal and their authority and date do not
contradict each other: an unknown authority or date unifies with a known one, and a date unifies
with a more precise one inside it ("2025-04" with "2025-04-04"), and a date inherited from an
earlier sentence (weak) yields to one stated with the action, a document's dateline to any other. A candidate without a list
merges with one that has it only when they share a target (a title "对余茂春采取反制措施" and the
body naming the 反制裁清单); two without any list merge only on a shared target, with no targets
at all, or with the same named authority. So a headline ("Additions to the
Entity List") and the body that dates it become one event, while listings on two different days
stay two. Bare candidates (no list, no target, no count: "禁止上述企业…", a noun use of
"sanctions") add evidence to the event at most ``carry`` sentences before them (the measures
taken under a listing; one about "these persons" that states a date dates an event whose date
was inherited), else to one with the same action, else they are dropped unless ``keep_bare``.
After the confidence model has kept the events, a ban on a list's parties that no listing on that
list names brings their listing (:func:`listings_of_bans`, scored as the ban), and a listing the
article says bars its parties brings their ban (:func:`bans_of_listings`, scored as the listing).
"""
from __future__ import annotations

from dataclasses import replace

from ..rules import nothing, rule
from ..types import Entity, Event
from .assemble import TARGET_TYPES, Candidate, _absorb, _cid, _dedupe
from ..lang.triggers import CAMEO
from .catalogue import COUNTRIES


def merge(candidates: list[Candidate], keep_bare: bool = False, carry: int = 3) -> list[Candidate]:
    """Merged candidates, in order of first mention."""
    groups: list[Candidate] = []
    for cand in (c for c in candidates if not c.bare):
        group = next((g for g in groups if _compatible(g, cand)), None)
        if group is None:
            groups.append(cand)
        else:
            _unify(group, cand)
    for cand in (c for c in candidates if c.bare):
        group = _host(groups, cand, carry)
        if group is not None:
            if cand.anaphoric and cand.date and not cand.date.get("weak") and (
                    group.date is None or group.date.get("weak")):
                group.date = cand.date      # "sanctions on these persons ... applicable on <date>"
            _absorb(group, cand)
        elif keep_bare:
            groups.append(cand)
    groups.sort(key=lambda c: c.trigger[0])
    return groups


@rule("events.listing_of_ban", off=nothing)
def listings_of_bans(groups: list[Candidate]) -> list[tuple[Candidate, Candidate]]:
    """A ban on a list's parties is what their listing brings (D9: the ban comes with a listing):
    parties an article says are banned under a list ("barred from buying U.S. technology under the
    Entity List", 禁止其从事…进出口 as 不可靠实体清单 measures) and that no listing on that list
    names are listed on it too, by the ban's authority, on its date (the act is the list's
    ``add``: ``impose`` for a countermeasure list). A ban on a country, or under a regime the
    article names no list of (EU sanctions on North Korea), lists nobody. Pairs (ban, listing)."""
    listed = {(g.list.id, _key(t)) for g in groups if g.action in ("add", "impose") and g.list is not None
              for t in g.targets}
    out: list[tuple[Candidate, Candidate]] = []
    for ban in groups:
        if ban.action != "ban" or ban.dealing or ban.list is None or ban.implied_list or ban.modal:
            continue
        targets = [t for t in ban.targets if t.type in TARGET_TYPES and (ban.list.id, _key(t)) not in listed]
        if targets:
            listed.update((ban.list.id, _key(t)) for t in targets)
            out.append((ban, replace(ban, action=ban.list.actions.get("add", "add"), targets=targets,
                                     evidence=list(ban.evidence))))
    return out


@rule("events.ban_of_listing", off=nothing)
def bans_of_listings(groups: list[Candidate], candidates: list[Candidate]) -> list[tuple[Candidate, Candidate]]:
    """A listing the article says bars its parties from trade, investment or entry is a ban on them too (D9).

    Read forwards (禁止入境, "banning Americans from investing in", 禁止…进出口 next to the
    listing): a ban whose sentence names or cues the listing's list, or one naming no list in the
    listing's sentence or the next or naming one of the listing's parties (禁止石平入境 a few
    sentences after the countermeasure on 石平), gives the listing's parties a ``ban`` on that list, with its
    authority, date and count. Not for a bar on dealing with the party (what a designation is),
    nor on a list whose entries need a licence (:attr:`ListEntry.licence`). Pairs (listing, ban)."""
    banned = {(g.list.id, _key(t)) for g in groups if g.action == "ban" and g.list is not None for t in g.targets}
    bans = [c for c in candidates if c.action == "ban" and not c.dealing and not c.modal]
    out: list[tuple[Candidate, Candidate]] = []
    for listing in groups:
        entry = listing.list
        if listing.action not in ("add", "impose") or entry is None or entry.licence or listing.modal:
            continue
        parties = {_key(t) for t in listing.targets}
        stated = any(b.list.id == entry.id and b.list_via in ("named", "cue") if b.list is not None
                     else 0 <= b.sentence - listing.sentence <= 1
                     or (bool(parties & {_key(t) for t in b.targets}) and _same_month(b, listing)) for b in bans)
        targets = [t for t in listing.targets if t.type in TARGET_TYPES and (entry.id, _key(t)) not in banned]
        if stated and targets:
            banned.update((entry.id, _key(t)) for t in targets)
            out.append((listing, replace(listing, action="ban", targets=targets, evidence=list(listing.evidence))))
    return out


def to_events(groups: list[Candidate], scores: list[float | None]) -> list[Event]:
    """Event records (E1, E2...) from merged candidates and their confidence (:mod:`.confidence`)."""
    events = []
    for i, (c, p) in enumerate(zip(groups, scores), 1):
        lst = None
        if c.list is not None:
            lst = {"id": c.list.id, "name": c.list.name, "authority": c.list.authority}
        events.append(Event(
            id=f"E{i}", action=c.action, authority=c.authority.id if c.authority else None,
            targets=[t.id for t in c.targets], list=lst, date=c.date, reason=c.reason,
            evidence=[{"start": s, "end": e} for s, e in sorted(set(c.evidence))],
            score=None if p is None else round(p, 3), count=c.count, cameo=CAMEO[c.action]))
        if c.date is not None:
            events[-1].date = {"value": c.date["value"], "precision": c.date["precision"]}
    return events


def _host(groups: list[Candidate], bare: Candidate, carry: int) -> Candidate | None:
    """The event a bare clause belongs to: the latest one at most ``carry`` sentences before it
    (the measures under a listing), else one with the same action (a headline's noun)."""
    before = [g for g in groups if g.sentence <= bare.sentence and bare.sentence - g.last <= carry]
    if before:
        return max(before, key=lambda g: g.last)
    return next((g for g in groups if g.action == bare.action and _compatible(g, bare, True)), None)


def _key(e: Entity | None) -> str | None:
    return None if e is None else (_cid(e) or e.text)


def _same_month(a: Candidate, b: Candidate) -> bool:
    """Neither states a date of its own, or both fall in the same month ("上个月中国禁止我入境" is
    an earlier round's ban, not this listing's)."""
    da, db = (c.date["value"][:7] if c.date and not c.date.get("weak") else None for c in (a, b))
    return da is None or db is None or da == db


def _same_side(ka: str, kb: str) -> bool:
    """Equal, or a country (美方, the Chinese government) and one of its agencies (nf:cn-mofcom)."""
    if ka == kb:
        return True
    for country, agency in ((ka, kb), (kb, ka)):
        prefix = COUNTRIES.get(country)
        if prefix and (agency.startswith(f"nf:{prefix}-") or COUNTRIES.get(agency) == prefix):
            return True
    return False


def _authority_key(c: Candidate) -> str | None:
    """The authority's id, with the keepers of the event's list counted as one (the Commerce
    Department and its BIS both keep the Entity List)."""
    key = _key(c.authority)
    if key and c.list is not None and key in c.list.all_authorities:
        return c.list.authority
    return key


def _compatible(a: Candidate, b: Candidate, ignore_list: bool = False) -> bool:
    """Same action; lists equal, or one missing with a shared target (a headline without the
    list); without any list, a shared target, no targets at all or the same named authority;
    authority and date not contradicting each other."""
    if a.action != b.action:
        return False
    ka, kb = _authority_key(a), _authority_key(b)
    if ka and kb and not _same_side(ka, kb):
        return False
    if not ignore_list:
        shared = bool({_key(t) for t in a.targets} & {_key(t) for t in b.targets})
        if a.list is not b.list and (a.list is not None and b.list is not None or not shared):
            return False
        if a.list is None and b.list is None and not (
                shared or not (a.targets or b.targets) or (ka and ka == kb)):
            return False
    if a.date and b.date:
        va, vb = a.date["value"], b.date["value"]
        if not (va.startswith(vb) or vb.startswith(va)):
            # an inherited date yields only for the same targets (or a sentence naming none)
            weak = a.date.get("weak") or b.date.get("weak")
            shared = bool({_key(t) for t in a.targets} & {_key(t) for t in b.targets})
            if not weak or (a.targets and b.targets and not shared):
                return False
    return True


def _unify(into: Candidate, other: Candidate) -> None:
    if into.authority is None or (other.authority is not None and _cid(into.authority) in COUNTRIES
                                  and _cid(other.authority) not in COUNTRIES):
        into.authority = other.authority           # the agency rather than the country
    if into.list is None:
        into.list = other.list
    if other.date and (into.date is None or into.date.get("weak") and not other.date.get("weak")
                       or into.date.get("dateline") and not other.date.get("dateline")
                       or into.date.get("weak") == other.date.get("weak")
                       and len(other.date["value"]) > len(into.date["value"])):
        into.date = other.date          # stated with the action beats inherited; precise beats vague
    into.targets = _dedupe(into.targets + other.targets, into.authority)
    if other.count:
        into.count = max(into.count or 0, other.count)   # the largest number the text gives
    into.carried_list = into.carried_list and other.carried_list
    into.implied_list = into.implied_list and other.implied_list
    into.modal = into.modal and other.modal
    _absorb(into, other)
