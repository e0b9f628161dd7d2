"""The alias index of a knowledge base, built once by ``newsfacts kb build`` and saved as JSON
beside ``entities.jsonl`` (``entities.index.json``), so that a worker loads it instead of
normalising 60,000 aliases again.

One row per alias key (the alias normalised, see ``normalize.key``): ``[key, ids, case rule,
forms, other ids]``. ``ids`` are the entities the pipeline may take the alias for (the gazetteer
looks for it in text, ``KnowledgeBase.lookup`` returns them), curated seeds first; ``other ids``
have the alias too but only ``kb lookup`` shows them. ``forms`` are the written forms, kept for
aliases whose case must match exactly (abbreviations), else null.

A list of 25,000 entries must not flood the output with false names, so an entity that does not
come from the curated seeds is taken for an alias only when the alias says who it is
(:func:`matchable`): a person by the full name, never a single word; no Latin alias of one
frequent English word (``Sunrise``, ``Delta``, ``Apex``: ``pipeline.kb.words``) or made of words
mostly written in lower case (``Global Trading``); no Latin alias under four characters; no
Chinese or Korean alias under three. A key a curated entity has
stays its own.

The file records the SHA-256 of the KB it was made from; a stale or missing index is rebuilt in
memory (a user's own KB works, only slower to load). It is JSON Lines: a header, then one row per
line after a line with every key, parsed only when the gazetteer meets its key (:class:`LazyRows`):
a worker reads the keys for its automaton at once and 70,000 rows in a few milliseconds instead of
parsing 5 MB of JSON at start.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from .normalize import key, script

ANY_CASE, INITIAL_CAPITAL, EXACT_CASE = 0, 1, 2
FORMAT = 3
_WORDS = re.compile(r"[A-Za-z]+")
#: legal forms and similar words that do not make a name specific (ignored by the common-word test)
_GENERIC = frozenset("co corp corporation company companies ltd limited llc inc gmbh jsc ojsc pjsc ooo sa ag "
                     "bv plc fze fzco llp lp pte pvt srl spa group holding holdings the of and".split())


@dataclass
class AliasIndex:
    rows: "list[list[Any]] | LazyRows"   # [key, ids, case rule, forms or None, other ids]
    lists: list[str]           # the list ids some entity has a membership of (the lists the KB covers)

    def keys(self) -> list[str]:
        """The alias key of each row, in row order (what the KB's automaton is built from)."""
        return self.rows.keys if isinstance(self.rows, LazyRows) else [row[0] for row in self.rows]


class LazyRows:
    """The rows of a saved index, each parsed from its JSON line on first access; their keys are
    read at once (one JSON array)."""

    def __init__(self, keys: list[str], lines: list[bytes]) -> None:
        self.keys = keys
        self._lines = lines
        self._parsed: dict[int, list[Any]] = {}

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, n: int) -> list[Any]:
        row = self._parsed.get(n)
        if row is None:
            row = self._parsed[n] = orjson.loads(self._lines[n])
        return row

    def __iter__(self) -> Any:
        return (self[n] for n in range(len(self._lines)))


def is_curated(entity: Any) -> bool:
    return any(s.startswith("seed:") for s in entity.sources)


def matchable(alias: str, entity: Any) -> bool:
    """Whether the gazetteer may look for ``alias`` of a list entity (not a curated one) in text."""
    from ..lang.casing import common_words
    from .words import frequent_words

    k = key(alias)
    scripts = {script(c) for c in k} - {"other"}
    if "han" in scripts or "hangul" in scripts:
        return len(k.replace(" ", "")) >= 3
    words = _WORDS.findall(alias)
    if not words or len(k) < 4:
        return False
    if entity.type == "PERSON" and len(k.split()) < 2:
        return False
    common = common_words()
    specific = [w for w in words if w.lower() not in _GENERIC]
    if not specific or all(w.lower() in common for w in specific):
        return False
    return not (len(specific) == 1 and " " not in k and specific[0].lower() in frequent_words())


def build_index(entities: Any, min_chars: int = 2) -> AliasIndex:
    """The index of KB entities (curated seeds take precedence on shared keys)."""
    ordered = sorted(entities, key=lambda e: (not is_curated(e), e.id))
    owners: dict[str, list[str]] = {}
    others: dict[str, list[str]] = {}
    forms: dict[str, list[str]] = {}
    curated_keys: set[str] = set()
    for entity in ordered:
        curated = is_curated(entity)
        for _, alias in entity.all_aliases():
            k = key(alias)
            if not k:
                continue
            usable = len(k) >= min_chars and (curated or (k not in curated_keys and matchable(alias, entity)))
            ids = (owners if usable else others).setdefault(k, [])
            if entity.id not in ids:
                ids.append(entity.id)
            if usable:
                curated_keys.update([k] if curated else [])
                forms.setdefault(k, []).append(alias.strip())
    rows = []
    for k in sorted(owners.keys() | others.keys()):
        fs = sorted(set(forms.get(k, [])))
        rule = case_rule(fs) if fs else ANY_CASE
        rows.append([k, owners.get(k, []), rule, fs if rule == EXACT_CASE else None,
                     [i for i in others.get(k, []) if i not in owners.get(k, [])]])
    return AliasIndex(rows, sorted({item["list"] for e in ordered for item in e.lists}))


def case_rule(forms: list[str]) -> int:
    """How strictly the case of the text must follow the alias (Latin aliases only)."""
    if not all(_is_latin_word(f) for f in forms):
        return ANY_CASE
    if all(len(f) <= 6 and sum(c.isupper() for c in f) >= 2 for f in forms):
        return EXACT_CASE
    if all(f[0].isupper() for f in forms):
        return INITIAL_CAPITAL
    return ANY_CASE


def _is_latin_word(text: str) -> bool:
    return text.isascii() and any(c.isalpha() for c in text) or \
        any(c.isalpha() for c in text) and all(script(c) in ("latin", "other") for c in text)


def kb_digest(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def index_path(kb_path: str | Path) -> Path:
    kb_path = Path(kb_path)
    return kb_path.with_name(kb_path.stem + ".index.json")


def save_index(index: AliasIndex, kb_path: str | Path, digest: str) -> Path:
    """Save the index beside the KB at ``kb_path``, made from the KB bytes with ``digest``."""
    path = index_path(kb_path)
    header = {"format": FORMAT, "kb_sha256": digest, "lists": index.lists, "rows": len(index.rows)}
    path.write_bytes(b"\n".join([orjson.dumps(header, option=orjson.OPT_SORT_KEYS), orjson.dumps(index.keys()),
                                  *(orjson.dumps(row) for row in index.rows)]) + b"\n")
    return path


def load_index(kb_path: str | Path, digest: str) -> AliasIndex | None:
    """The saved index of the KB at ``kb_path`` if it was made from these bytes, else None."""
    path = index_path(kb_path)
    if not path.exists():
        return None
    data = path.read_bytes()
    lines = data.split(b"\n")
    try:
        header = orjson.loads(lines[0])
        if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("kb_sha256") != digest:
            return None                      # an older format (one JSON document), or another KB's
        keys = orjson.loads(lines[1])
    except (orjson.JSONDecodeError, IndexError):
        return None                          # damaged
    rows = lines[2:-1] if lines[-1] == b"" else lines[2:]
    if header.get("rows") != len(rows) or len(keys) != len(rows):
        return None
    return AliasIndex(LazyRows(keys, rows), header["lists"])
