"""What a language pack is, and how its data files are read.

``words.toml`` holds the pack's word lists: each list is written once, in one pack, and every
module that needs it reads it from there (:class:`Words`). ``triggers.toml`` holds the sanction
trigger grammar (:func:`load_grammar`): regular expressions as data, with ``<<NAME>>`` standing
for a fragment of the ``[fragments]`` table (or one the pack passes in), so that shared pieces are
written once too.
"""
from __future__ import annotations

import importlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Protocol, cast

from .rules import Rule
from .triggers import LIST_MASK, Grammar, Trigger, TriggerRule

if TYPE_CHECKING:
    from ..events.discover import EntityLookup
    from ..types import Document, Entity

_PLACEHOLDER = re.compile(r"<<([A-Z_]+)>>")


def alternation(words: Any) -> str:
    """A regex alternation of the words, escaped, longest first (so that the longest matches)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def words_pattern(words: Any) -> str:
    """A regex of the words: Latin ones on word boundaries, the others as written ("" for none);
    compile it with ``re.IGNORECASE`` for Latin words in any case."""
    words = list(words)
    other = [w for w in words if not w.isascii()]
    latin = [w for w in words if w.isascii()]
    return "|".join(([alternation(other)] if other else []) + ([rf"\b(?:{alternation(latin)})\b"] if latin else []))


@dataclass(frozen=True)
class Words:
    """The word lists of one pack, as read from its ``words.toml`` (dotted keys for tables)."""

    data: Mapping[str, Any]

    def get(self, key: str) -> tuple[str, ...]:
        """The list at ``key`` ("titles", "org.heads.FIRM"); empty when the pack has none."""
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, Mapping) or part not in node:
                return ()
            node = node[part]
        return tuple(node.split()) if isinstance(node, str) else tuple(node)

    def table(self, key: str) -> dict[str, tuple[str, ...]]:
        """The table at ``key`` as name -> list, in file order ("org.heads" -> {"FIRM": (...)})."""
        node: Any = self.data
        for part in key.split("."):
            node = node.get(part, {}) if isinstance(node, Mapping) else {}
        return {k: tuple(v) for k, v in node.items()}

    def value(self, key: str, default: Any = None) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, Mapping) or part not in node:
                return default
            node = node[part]
        return node


def load_words(folder: Path) -> Words:
    path = folder / "words.toml"
    return Words(tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {})


def load_grammar(folder: Path, lang: str, numbers: Mapping[str, int] | None = None,
                 fragments: Mapping[str, str] | None = None) -> Grammar:
    """The trigger grammar in ``folder/triggers.toml``; ``numbers`` (number words for counts) and
    ``fragments`` come from the pack when they are computed rather than written."""
    data = tomllib.loads((folder / "triggers.toml").read_text(encoding="utf-8"))
    frags = {"LIST": LIST_MASK, **data.get("fragments", {}), **(fragments or {})}

    def expand(pattern: str) -> str:
        for _ in range(4):          # fragments may hold fragments
            pattern = _PLACEHOLDER.sub(lambda m: frags[m.group(1)], pattern)
        return pattern

    rules = tuple(TriggerRule(re.compile(expand(r["pattern"]), re.IGNORECASE), r["action"],
                              r.get("bare_action"), **{f: True for f in r.get("flags", [])})
                  for r in data["rule"])
    fields: dict[str, Any] = {}
    for name, value in data["grammar"].items():
        if isinstance(value, str):
            fields[name] = re.compile(expand(value))
        elif isinstance(value, list):
            fields[name] = tuple(re.compile(expand(v)) for v in value)
        else:
            fields[name] = value
    return Grammar(lang=lang, rules=rules, numbers=numbers if numbers is not None else dict(data.get("numbers", {})),
                   **fields)


class SlotReader(Protocol):
    """A pack's ``slots.py``: where names that no stage recognised stand in its sentences (target
    discovery, :mod:`pipeline.events.discover`). Both return the entities they added to ``doc``."""

    def slot_names(self, doc: Document, mtext: str, trig: Trigger, region: tuple[int, int],
                   look: EntityLookup) -> list[Entity]:
        """Names in the object slot of ``trig`` (``region``: its argument region; ``mtext``: the
        text with list names and titles masked)."""
        ...

    def line_names(self, doc: Document, start: int, end: int, mtext: str, look: EntityLookup,
                   appendix: bool, script: str | None) -> list[Entity] | None:
        """Names in ``text[start:end]``, a line that goes on about the last act (``appendix``: under
        a heading naming its list; ``script``: the line's dominant script), or None when the pack
        does not read such a line."""
        ...


class CompoundReader(Protocol):
    """A pack's ``compounds.py``: the rest of a name that a place begins in its script (the entity
    layer's rule ``resolve.place_begins_headed_name`` asks the pack of the script that follows the
    place), and where a name before a bracket begins (the linker's aliases). It may also define ``dated_name(doc, date, hi)`` for names a date begins
    (``resolve.date_begins_name``)."""

    def headed_tail(self, doc: Document, place: Entity, hi: int, taken: Any,
                    orgs: dict[int, Entity]) -> tuple[int, str] | None:
        """Where the name ``place`` begins ends (before ``hi``) and its type, or None;
        ``taken``: the other candidates (a :class:`pipeline.spans.SpanIndex`), ``orgs``: the
        organisations found, by start."""
        ...

    def name_start(self, text: str, lo: int, end: int, max_chars: int, words: int = 1) -> int | None:
        """Where the name in this script that ends at ``end`` begins (not before ``lo``): the name
        before a bracketed alias, 华为（Huawei）; ``words``: how many words the alias has (a
        script that spaces its words may take as many)."""
        ...


@dataclass(frozen=True)
class LanguagePack:
    """Everything particular to one language.

    code:      ISO 639-1 code of the sentences this pack handles
    script:    the script its names are written in ("hangul", "han", "latin"): names are typed
               by the pack of their script whatever the sentence's language
    tokenizer: the default tokenizer backend (see ``pipeline.tokenizers``)
    patterns:  the MONEY/DATE/PERCENT/QUANTITY grammar for its sentences
    range_sep: what joins two dates or amounts into a range
    folder:    where its data files are
    slots:     the module that reads names in its trigger slots (a :class:`SlotReader`), if any
    compounds: the module that reads names a place begins (a :class:`CompoundReader`), if any
    sample:    a short phrase its tokenizer is warmed up on (the first call loads lazy parts)
    """

    code: str
    script: str
    tokenizer: str
    patterns: tuple[Rule, ...]
    range_sep: re.Pattern[str]
    folder: Path
    numbers: Mapping[str, int] | None = None
    fragments: Mapping[str, str] = field(default_factory=dict)
    slots: str | None = None
    compounds: str | None = None
    sample: str = "sample"

    @cached_property
    def words(self) -> Words:
        return load_words(self.folder)

    @cached_property
    def grammar(self) -> Grammar | None:
        """The sanction trigger grammar (read on first use); None for a pack without
        ``triggers.toml`` (its sentences give no events)."""
        if not (self.folder / "triggers.toml").exists():
            return None
        return load_grammar(self.folder, self.code, self.numbers, self.fragments)

    @cached_property
    def compound_reader(self) -> CompoundReader | None:
        """The pack's reader of names a place begins (imported on first use), if it has one."""
        return cast(CompoundReader, importlib.import_module(self.compounds)) if self.compounds else None

    @cached_property
    def slot_reader(self) -> SlotReader | None:
        """The pack's reader of names in trigger slots (imported on first use), if it has one."""
        return cast(SlotReader, importlib.import_module(self.slots)) if self.slots else None
