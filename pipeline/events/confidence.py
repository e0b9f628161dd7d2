"""How sure an event is: a linear model over what the extractor found, instead of hand constants.

Each merged event gets ``score`` = the probability, under a logistic regression
(:class:`pipeline.events.linear.LinearModel`, ``models/events/confidence.json``), that at least
one of its (target, action, list) tuples is right, from its features: the action, how its list was
found (named in the text, a generic "blacklist" resolved, carried from earlier sentences, the
article's list, the acting country's regime, a cue word), whether it names an authority, how many
targets and whether only a count, whether a date and how, how many sentences speak of it, where it
stands in the article and how long the article is (a one-sentence text says each act once),
whether a target noun introduced it. Events scored below the model's
threshold (chosen on held-out folds, :mod:`.train`) are dropped; without a model there is no
score and nothing is dropped.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..linear import bucket

if TYPE_CHECKING:
    from .assemble import Candidate


def features(c: "Candidate", lang: str, sentences: int) -> dict[str, float]:
    """The features of one merged event (its candidate group) in a text of ``sentences`` sentences."""
    f: dict[str, float] = {"bias": 1.0, f"action={c.action}": 1.0, f"list_via={c.list_via}": 1.0,
                           f"lang={lang}": 1.0, f"action={c.action}:list_via={c.list_via}": 1.0,
                           f"targets{bucket(len(c.targets), (1, 2, 6))}": 1.0,
                           f"evidence{bucket(len(c.evidence), (2, 3, 5))}": 1.0,
                           f"sentence{bucket(c.sentence, (1, 3, 8))}": 1.0,
                           f"text_sentences{bucket(sentences, (2, 4, 10))}": 1.0}
    for name, on in (("authority", c.authority is not None), ("count", c.count is not None),
                     ("count_only", c.count is not None and not c.targets),
                     ("dated", c.date is not None), ("weak_date", bool(c.date and c.date.get("weak"))),
                     ("reason", c.reason is not None), ("modal", c.modal), ("inherited", c.inherited),
                     ("anaphoric", c.anaphoric), ("authority_gov", c.authority is not None and c.authority.type == "GOV"),
                     ("authority_loc", c.authority is not None and c.authority.type == "LOC")):
        if on:
            f[name] = 1.0
    return f
