"""Which candidate is a target of a trigger: a logistic regression over features of the pair.

The trigger grammars and the old argument rules still say a lot (the argument region, object and
agent markers, appositions), but as *features*: the decision is learned from the gold events
(``newsfacts train --config configs/train/roles.toml``, model in ``models/events/roles.json``),
so that a rule that misleads on news weighs less instead of deciding alone. Features are
language-neutral; the words they look for come from the language packs (``[roles]`` tables).

The model (:class:`pipeline.events.linear.LinearModel`) is plain JSON: inference is a dot product.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lang
from ..entities.typer import titles
from ..lang.pack import words_pattern
from ..linear import bucket
from ..types import Document, Entity

_BUCKETS = (8, 20, 40, 80, 160)


@dataclass(frozen=True)
class _Cues:
    media: re.Pattern[str]
    speech_after: re.Pattern[str]
    source_before: re.Pattern[str]


@lru_cache(maxsize=1)
def cues() -> _Cues:
    packs = lang.packs()

    def rx(key: str) -> re.Pattern[str]:
        return re.compile(words_pattern(w for p in packs for w in p.words.get(f"roles.{key}")) or r"(?!x)x",
                          re.IGNORECASE)

    return _Cues(rx("media_heads"), rx("speech_after"), rx("source_before"))


@dataclass
class PairContext:
    """What the features of one trigger's candidates need (built once per trigger)."""

    lang: str
    action: str
    trigger: tuple[int, int]
    region: tuple[int, int]
    sentence: tuple[int, int]
    has_list: bool
    carried_list: bool
    authority: Entity | None
    rule_targets: set[int]              # ids (object identity) of the entities the rules chose
    object_marked: dict[int, bool]
    agent_marked: dict[int, bool]
    subject_marked: dict[int, bool]
    affiliation: dict[int, bool]
    list_name_part: dict[int, bool]
    reason: tuple[int, int] | None
    quotes: list[tuple[int, int]]
    aliases: set[str]                   # entity ids inside a bracket after another name
    group_of: dict[int, int] = field(default_factory=dict)     # id(entity) -> group size
    group_rule: set[int] = field(default_factory=set)           # in a group with a rule target
    in_block: set[int] = field(default_factory=set)
    headline: bool = False
    later: dict[int, int] = field(default_factory=dict)         # id(entity) -> sentences after
    continuation: set[int] = field(default_factory=set)         # in a sentence opening "These include"
    speakers: set[str] = field(default_factory=set)              # people who speak somewhere in the article
    side: str | None = None                                      # the acting country (authority, else list)
    list_sides: dict[str, str] = field(default_factory=dict)     # list id -> the country that keeps it
    official_of: dict[int, str] = field(default_factory=dict)     # id(person) -> country of the title before it


def speaks(text: str, e: Entity) -> bool:
    """A speech word within a few characters after ``e`` ("X said", X表示, X 대변인이 말했다)."""
    return bool(cues().speech_after.search(text[e.end:e.end + 12]))


def sourced(text: str, e: Entity) -> bool:
    """A source word right before ``e`` ("according to X", 据X)."""
    return bool(cues().source_before.search(text[max(0, e.start - 14):e.start]))


def _person_key(e: Entity) -> str:
    return str((e.canonical or {}).get("id") or e.text)


def speakers(doc: Document) -> set[str]:
    """The people an article quotes (a speech word right after a mention: "Raimondo said",
    王文斌表示, 대변인은 … 말했다): officials and spokespeople who speak of an act, seldom its
    targets."""
    return {_person_key(e) for e in doc.entities if e.type == "PERSON" and speaks(doc.text, e)}


def features(ctx: PairContext, e: Entity, text: str) -> dict[str, float]:
    """The features of candidate ``e`` for the trigger of ``ctx`` (name -> value)."""
    key = id(e)
    ts, te = ctx.trigger
    # the countries whose lists the knowledge base has the candidate on (a party China sanctioned
    # is seldom the target of a US act told beside it, and the other way round)
    sides = {ctx.list_sides.get(x.get("id", "")) for x in (e.canonical or {}).get("lists") or ()} - {None}
    before = e.end <= ts
    dist = ts - e.end if before else max(0, e.start - te)
    f: dict[str, float] = {
        "bias": 1.0,
        f"type={e.type}": 1.0, f"source={e.source}": 1.0, f"lang={ctx.lang}": 1.0,
        f"action={ctx.action}": 1.0, f"type={e.type}:action={ctx.action}": 1.0,   # a place is a target of a ban, not of a listing
        f"dist{bucket(dist, _BUCKETS)}": 1.0,
        f"{'before' if before else 'after'}:{ctx.lang}": 1.0,
        f"type={e.type}:{'before' if before else 'after'}:{ctx.lang}": 1.0,
    }
    flags = {
        "rule_target": key in ctx.rule_targets,
        "in_region": ctx.region[0] <= e.start and e.end <= ctx.region[1],
        "same_sentence": ctx.sentence[0] <= e.start and e.end <= ctx.sentence[1],
        "in_block": key in ctx.in_block,
        "in_group": key in ctx.group_of,
        "big_group": ctx.group_of.get(key, 0) >= 3,
        "object_marked": ctx.object_marked.get(key, False),
        "agent_marked": ctx.agent_marked.get(key, False),
        "subject_marked": ctx.subject_marked.get(key, False),
        "is_authority": ctx.authority is e,
        "affiliation": ctx.affiliation.get(key, False),
        "list_name_part": ctx.list_name_part.get(key, False),
        "in_reason": bool(ctx.reason and ctx.reason[0] <= e.start and e.end <= ctx.reason[1]),
        "in_quote": any(s < e.start and e.end < q for s, q in ctx.quotes),
        "alias": e.id in ctx.aliases,
        "kb": str((e.canonical or {}).get("id", "")).startswith("nf:"),
        "listed": bool((e.canonical or {}).get("lists")),
        "media": bool(cues().media.search(e.text)),
        "speech_after": speaks(text, e),
        "source_before": sourced(text, e),
        "has_list": ctx.has_list,
        "carried_list": ctx.carried_list,
        "headline": ctx.headline,
        "continuation": key in ctx.continuation,
        "title_after": bool(titles().search(text, e.end, min(len(text), e.end + 20))),
        "title_before": bool(titles().search(text[max(0, e.start - 12):e.start])),
        "speaker_in_article": e.type == "PERSON" and _person_key(e) in ctx.speakers,
        "listed_by_actor": ctx.side is not None and ctx.side in sides,
        "listed_by_others": ctx.side is not None and bool(sides) and ctx.side not in sides,
        # "US Commerce Secretary Gina Raimondo" in a US act; "美国国务卿蓬佩奥" in a Chinese one
        "official_of_actor": ctx.side is not None and ctx.official_of.get(key) == ctx.side,
        "official_of_others": ctx.side is not None and key in ctx.official_of and ctx.official_of[key] != ctx.side,
    }
    for name, on in flags.items():
        if on:
            f[name] = 1.0
    if key in ctx.rule_targets:
        f[f"rule_target:{ctx.lang}"] = 1.0
    if key in ctx.later:
        f[f"later={min(ctx.later[key], 3)}"] = 1.0
    if key in ctx.group_rule:
        f["group_has_rule_target"] = 1.0
    return f
