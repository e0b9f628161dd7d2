"""The learned organisation typer: FIRM, UNIVERSITY, GOV or ORG from features of a mention.

The rules of :mod:`.typer` (the name's head words and legal forms, then cue words around it) stay,
but as *features*, next to what they miss: the name's last characters or words, the type the
NER model (or the rule that built the name) gave, whether the knowledge base knows the name as
something else or an official list has it, titles, speech verbs and media words around it. (Not
which of the two found the name: names built by rules are wrong spans so often in the training
data that their source became a vote for ORG over any head, 武汉市青山区房产管理局 included.) A multinomial logistic
regression (:class:`pipeline.linear.SoftmaxModel`, ``models/typer/typer.json``, trained by
``newsfacts train --config configs/train/typer.toml``) weighs them; without a model file the
rules decide alone. :class:`OrgTyper` is the one entry point (the resolve stage calls it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import lang
from ..kb.normalize import normalize, script
from ..lang.pack import words_pattern
from ..linear import Features, SoftmaxModel, bucket, load_softmax
from . import typer

#: Characters on each side of a mention that the features read.
CONTEXT_CHARS = typer.CONTEXT_CHARS
_CJK_LENGTHS = (2, 3, 4, 5, 7, 11)
_LATIN_LENGTHS = (1, 2, 3, 4, 5)
_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9&'.-]*")


@dataclass(frozen=True)
class OrgMention:
    """What the typer knows of one organisation mention."""

    text: str
    before: str                  # text before it (the last CONTEXT_CHARS characters count)
    after: str                   # text after it (the first CONTEXT_CHARS characters count)
    lang: str                    # its sentence's language
    ner_type: str                # the type its candidate came with (NER model, compound rule)
    kb_type: str | None = None   # the type of a KB entity of that name that did not settle it
    listed: bool = False         # an official list has it (canonical "lists")
    place_prefix: bool = False   # it begins with a place name (美国商务部, US-based ...)
    partner_type: str | None = None   # the type of the name it stands in brackets with


@dataclass(frozen=True)
class _Cues:
    media: re.Pattern[str]
    speech_after: re.Pattern[str]
    source_before: re.Pattern[str]


def _pack_words(key: str) -> re.Pattern[str]:
    """The words of every pack's list ``key``, Latin ones on word boundaries, case ignored."""
    return re.compile(words_pattern(w for p in lang.packs() for w in p.words.get(key)) or r"(?!x)x", re.IGNORECASE)


@lru_cache(maxsize=1)
def cues() -> _Cues:
    """Media words, speech verbs and source phrases of the packs (``[roles]`` lists)."""
    return _Cues(_pack_words("roles.media_heads"), _pack_words("roles.speech_after"),
                 _pack_words("roles.source_before"))


def _shape(name: str) -> str:
    scripts = {script(c) for c in name} - {"other"}
    return scripts.pop() if len(scripts) == 1 else "mixed" if scripts else "none"


def _name_features(name: str, f: Features) -> None:
    """Words and characters of the name itself."""
    shape = _shape(name)
    f[f"script={shape}"] = 1.0
    if shape in ("latin", "none"):
        words = [w.lower().strip(".'") for w in _LATIN_WORD.findall(name)]
        f[f"words{bucket(len(words), _LATIN_LENGTHS)}"] = 1.0
        if words:
            f[f"last_word={words[-1]}"] = 1.0
            f[f"first_word={words[0]}"] = 1.0
        if name.isupper() and " " not in name:
            f["acronym"] = 1.0
        return
    compact = normalize(name).replace(" ", "")
    f[f"chars{bucket(len(compact), _CJK_LENGTHS)}"] = 1.0
    for n in (1, 2, 3):
        if len(compact) > n:
            f[f"last{n}={compact[-n:]}"] = 1.0
    if " " in name.strip():
        f[f"last_word={normalize(name.split()[-1])}"] = 1.0


def features(m: OrgMention) -> Features:
    """The named features of a mention (name -> value)."""
    name = m.text.strip()
    before, after = m.before[-CONTEXT_CHARS:], m.after[:CONTEXT_CHARS]
    by_name = typer.by_name(name) or "none"
    by_context = typer.by_context(before, after) or "none"
    rule = typer.rule_type(name, m.ner_type, before, after)
    f: Features = {
        "bias": 1.0,
        f"lang={m.lang}": 1.0,
        f"ner={m.ner_type}": 1.0, f"ner={m.ner_type}|{m.lang}": 1.0,
        f"name={by_name}": 1.0, f"name={by_name}|{m.lang}": 1.0,
        f"context={by_context}": 1.0,
        f"rule={rule}": 1.0, f"rule={rule}|ner={m.ner_type}": 1.0,
        f"kb={m.kb_type or 'none'}": 1.0,
    }
    if m.partner_type:
        f[f"partner={m.partner_type}"] = 1.0
    window = f"{before} {after}".lower()
    for typ, words in typer.tables().cues:
        if any(w in window for w in words):
            f[f"cue={typ}"] = 1.0
    flags = {
        "listed": m.listed,
        "place_prefix": m.place_prefix,
        "legal_form": typer.strip_legal_form(name) != name,
        "media_name": bool(cues().media.search(name)),
        "speech_after": bool(cues().speech_after.search(after[:12])),
        "source_before": bool(cues().source_before.search(before[-14:])),
        "university_word": bool(typer.tables().university_words.search(name)),
    }
    f.update({k: 1.0 for k, on in flags.items() if on})
    title = typer.titles().search(after[:12])
    if title is not None:
        f[f"title_after={title.group().lower()}"] = 1.0
        f["title_after"] = 1.0
    _name_features(name, f)
    return f


class OrgTyper:
    """The one organisation typer: the learned model when there is one, else the rules."""

    def __init__(self, model: SoftmaxModel | None = None) -> None:
        self.model = model

    @classmethod
    def load(cls, path: str | Path | None) -> "OrgTyper":
        """The typer with the model at ``path`` (rules alone for None, "none" or a missing file)."""
        if not path or str(path) == "none":
            return cls(None)
        from ..resources import resolve

        return cls(load_softmax(resolve(path)))

    def __call__(self, mention: OrgMention) -> str:
        if self.model is None:
            return typer.rule_type(mention.text.strip(), mention.ner_type, mention.before, mention.after)
        return self.model.best(features(mention))
