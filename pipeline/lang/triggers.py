"""What a trigger grammar is, and the language-independent matching over one sentence.

A grammar is data: regular expressions over the *masked* sentence text (list names replaced
by ``■``, titles of laws in 《》 by ``□``, so that 制裁 in 《反外国制裁法》 or "sanctions" in
"Sanctions List" never fire). Offsets in the masked text equal offsets in the original.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

LIST_MASK = "■"
TITLE_MASK = "□"

#: actions, and how the catalogue maps them to CAMEO (163 impose embargo/sanctions, 085 ease
#: economic sanctions, 090 investigate)
CAMEO = {"add": "163", "impose": "163", "ban": "163", "restrict": "163",
         "remove": "085", "lift": "085", "suspend": "085", "investigate": "090"}


@dataclass(frozen=True)
class TriggerRule:
    """A trigger pattern. ``action`` applies when a list is in reach, ``bare_action`` otherwise.

    ``list_bound``: the action only makes sense with a list (add to / 列入 / 올리다); without
    one in the sentence the list comes from the discourse, else there is no event.
    ``generic``: the word itself means "put on a blacklist" (blacklisted, 拉黑).
    ``passive``: the pattern itself is passive (its target precedes it).
    ``carry``: without a list in reach, a list named in the last sentences applies if there is
    one (designate / 지정 after a sentence about the SDN list), else ``bare_action``.
    ``line``: its object is the whole line before it, across sentence cuts (a Federal Register
    order title "A, address; B, address; Order Denying Export Privileges").
    ``inherit``: a noun that introduces the targets of the act told before it ("제재 대상에는",
    "制裁对象包括", "the sanctioned individuals"): the act, list and date are that act's.
    """

    pattern: re.Pattern[str]
    action: str
    bare_action: str | None = None
    list_bound: bool = False
    generic: bool = False
    passive: bool = False
    carry: bool = False
    line: bool = False
    inherit: bool = False


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    rule: TriggerRule
    passive: bool


@dataclass(frozen=True)
class Grammar:
    """The trigger grammar of one language."""

    lang: str
    rules: tuple[TriggerRule, ...]
    negation_before: re.Pattern[str]      # searched in the text just before the trigger
    negation_after: re.Pattern[str]       # matched at the text just after the trigger
    modal_before: re.Pattern[str]
    modal_after: re.Pattern[str]
    reasons: tuple[re.Pattern[str], ...]  # each with a group "r"
    continuation: re.Pattern[str]         # a sentence that goes on about the last event
    count: re.Pattern[str]                # groups "n" (number) and "u" (unit)
    object_after: bool                    # are objects after the verb (en) or before (ko)?
    passive_cue: re.Pattern[str] | None = None   # matched just before a trigger: passive
    subject_after: re.Pattern[str] | None = None  # text after an entity that marks a subject
    object_before: re.Pattern[str] | None = None  # text before an entity that marks an object
    object_after_entity: re.Pattern[str] | None = None  # text after an entity marking an object
    anaphor: re.Pattern[str] | None = None      # "the above" (上述, 해당, these) in an object
    definite_firm: re.Pattern[str] | None = None  # "the California company": a firm named before
    country_object: re.Pattern[str] | None = None  # before a country the measure is against
    object_close: re.Pattern[str] | None = None  # after a GOV/LOC object: it is a whole NP
    agent_before: re.Pattern[str] | None = None  # marks the agent of a passive (被, by the)
    list_anaphor: re.Pattern[str] | None = None  # "the list", 名单, 명단: the list named before
    clause_break: re.Pattern[str] | None = None  # bounds the argument region (zh: ，not before 以及)
    attribution: re.Pattern[str] | None = None   # ends an object (", chief executive X said")
    indefinite_list: re.Pattern[str] | None = None  # "a list of...": some list not catalogued
    together: re.Pattern[str] | None = None     # "together with Y" after a passive trigger
    list_after: bool = True               # the list usually follows its verb (add to / 列入 X)
    adnominal: re.Pattern[str] | None = None   # matched at the trigger: its target follows it
    sanction_cue: re.Pattern[str] | None = None  # words of sanctions and export controls (context)
    forward: re.Pattern[str] | None = None      # an object that announces parties named after it (the following)
    numbers: dict[str, int] = field(default_factory=dict)
    window: int = 24                      # characters searched for negation/modality

    def triggers(self, masked: str, start: int, end: int) -> list[Trigger]:
        """Non-overlapping triggers in ``masked[start:end]``, leftmost first, longest wins."""
        found: list[Trigger] = []
        for rule in self.rules:
            for m in rule.pattern.finditer(masked, start, end):
                s, e = m.span("t") if "t" in rule.pattern.groupindex else m.span()
                passive = rule.passive or bool(
                    self.passive_cue and self.passive_cue.search(masked, max(start, s - 20), s))
                found.append(Trigger(s, e, rule, passive))
        found.sort(key=lambda t: (t.start, -(t.end - t.start)))
        out: list[Trigger] = []
        for t in found:
            if not out or t.start >= out[-1].end:
                out.append(t)
        return out

    def negated(self, masked: str, trig: Trigger, lo: int, hi: int) -> bool:
        before = masked[max(lo, trig.start - self.window):trig.start]
        after = masked[trig.end:min(hi, trig.end + self.window)]
        return bool(self.negation_before.search(before) or self.negation_after.match(after))

    def modal(self, masked: str, trig: Trigger, lo: int, hi: int) -> bool:
        before = masked[max(lo, trig.start - self.window * 2):trig.start]
        after = masked[trig.end:min(hi, trig.end + self.window)]
        return bool(self.modal_before.search(before) or self.modal_after.match(after))

    def number(self, token: str) -> int | None:
        """An integer from digits or a number word of this language."""
        token = token.strip().lower()
        if token.isdigit():
            return int(token)
        return self.numbers.get(token)


def compile_rules(specs: list[tuple]) -> tuple[TriggerRule, ...]:
    """Build rules from ``(regex, action, bare_action, flags...)`` tuples (flags as strings)."""
    rules = []
    for regex, action, bare, *flags in specs:
        rules.append(TriggerRule(re.compile(regex, re.IGNORECASE), action, bare,
                                 list_bound="list" in flags, generic="generic" in flags,
                                 passive="passive" in flags, carry="carry" in flags,
                                 line="line" in flags))
    return tuple(rules)
