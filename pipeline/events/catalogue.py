"""The catalogue of sanction lists (configs/lists.toml) and a matcher for their names in text."""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .. import lang
from ..errors import ConfigError
from ..resources import resolve

DEFAULT_CATALOGUE = "configs/lists.toml"   # shipped with the package (pipeline.resources)


@dataclass(frozen=True)
class ListEntry:
    """One list or programme: its id, display name, keeper and names per language."""

    id: str
    name: str
    authority: str
    authorities: tuple[str, ...] = ()
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: a sanctions regime: its keepers' sanctions and bans are listings on it even when the text
    #: names no list (EU sanctions on North Korea are entries on the EU sanctions list)
    regime: bool = False
    #: countries whose sanctions, with no list named, are this regime's
    regime_of: tuple[str, ...] = ()
    #: how an act on this list is reported (impose -> add on a designation list)
    actions: dict[str, str] = field(default_factory=dict)
    #: words that, in a sentence naming no list, say the act is on this one ("investment" for
    #: the NS-CMIC order, 不可靠 for the Unreliable Entity List)
    cues: tuple[str, ...] = ()
    #: entries need a licence to be supplied: a listing brings no ban (Entity List, MEU, Unverified)
    licence: bool = False

    @property
    def all_authorities(self) -> frozenset[str]:
        return frozenset((self.authority, *self.authorities))


@dataclass(frozen=True)
class GenericTerm:
    """A word for "a blacklist" that names no list by itself ("블랙리스트", "黑名单")."""

    default: str
    by_authority: dict[str, str]
    invert: bool = False        # a white list: being put on it eases controls


@dataclass(frozen=True)
class ListMention:
    """A list name found in text; ``entry`` is None for a generic term not yet resolved."""

    start: int
    end: int
    entry: ListEntry | None
    generic: GenericTerm | None = None


class Catalogue:
    """Lists by id, and a matcher for their names (English case-insensitive, CJK as written)."""

    def __init__(self, entries: list[ListEntry], generics: list[GenericTerm],
                 generic_names: list[dict[str, tuple[str, ...]]]) -> None:
        self.entries = {e.id: e for e in entries}
        self.generics = generics
        self._by_name: dict[str, tuple[ListEntry | None, GenericTerm | None]] = {}
        for entry in entries:
            for lang_names in entry.names.values():
                for n in lang_names:
                    self._by_name.setdefault(_key(n), (entry, None))
        for entry in entries:                  # variants never take a name from another list
            for code, lang_names in entry.names.items():
                for n in lang_names:
                    for variant in _kind_variants(n, code):
                        self._by_name.setdefault(_key(variant), (entry, None))
        for term, names in zip(generics, generic_names):
            for lang_names in names.values():
                for n in lang_names:
                    self._by_name.setdefault(_key(n), (None, term))
        self._automaton = _automaton(self._by_name)

    def get(self, list_id: str) -> ListEntry | None:
        return self.entries.get(list_id)

    def regime_of(self, authority_id: str | None) -> ListEntry | None:
        """The sanctions regime ``authority_id`` keeps (``ListEntry.regime``), or the one whose
        country it is (``ListEntry.regime_of``), if any."""
        return next((e for e in self.entries.values() if e.regime and authority_id in e.all_authorities), None) \
            or next((e for e in self.entries.values() if authority_id in e.regime_of), None)

    def by_cue(self, text: str, start: int, end: int, side: str | None = None) -> ListEntry | None:
        """The list whose cue words (``ListEntry.cues``) occur in ``text[start:end]`` (the first in
        catalogue order; English cues on word boundaries, case-insensitive); with ``side`` (the
        acting country's prefix, "us", "cn"...), only a list that country keeps."""
        chunk = _fold(text[start:end])
        for entry in self.entries.values():
            if side is not None and side != country_of(entry.authority):
                continue
            for cue in entry.cues:
                key = _key(cue)
                at = chunk.find(key)
                while at >= 0:
                    before = chunk[at - 1] if at else " "
                    if not (key[0].isascii() and _is_word_char(before)):
                        return entry
                    at = chunk.find(key, at + 1)
        return None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[ListMention]:
        """All list mentions in ``text[start:end]``, leftmost-longest, with absolute offsets.
        English names match in any case and on word boundaries, CJK names as written; one
        Aho-Corasick pass over the text lower-cased with its whitespace read as spaces."""
        end = len(text) if end is None else end
        folded = _fold(text[start:end])            # only the window: a search costs its own length
        found = []
        for last, (name, latin_start, latin_end) in self._automaton.iter(folded):
            s, e = start + last - len(name) + 1, start + last + 1
            if latin_start and s > 0 and _is_word_char(text[s - 1]) or \
                    latin_end and e < len(text) and _is_word_char(text[e]):
                continue
            found.append((s, e, name))
        out, taken_to = [], start
        for s, e, name in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
            if s >= taken_to:
                entry, generic = self._by_name[name]
                out.append(ListMention(s, e, entry, generic))
                taken_to = e
        return out

    def resolve_generic(self, term: GenericTerm, authority_ids: set[str],
                        previous: ListEntry | None) -> ListEntry | None:
        """The list a generic term means: by authority, else the last named list, else default.
        A white list kept by an authority outside ``by_authority`` is no catalogued list."""
        for cid in authority_ids:
            if cid in term.by_authority:
                return self.entries.get(term.by_authority[cid])
        if term.invert and authority_ids - {None}:
            return None
        if previous is not None:
            return previous
        return self.entries.get(term.default) if term.default else None


#: canonical ids of countries (and their governments) -> the prefix of their agencies' ids
COUNTRIES = {"nf:united-states": "us", "nf:us-government": "us", "nf:china": "cn",
             "nf:cn-government": "cn", "nf:japan": "jp", "nf:jp-government": "jp",
             "nf:south-korea": "kr", "nf:kr-government": "kr", "nf:united-kingdom": "uk",
             "nf:uk-government": "uk", "nf:eu": "eu", "nf:european-union": "eu"}


def country_of(entity_id: str | None) -> str | None:
    """The country prefix an authority's canonical id belongs to (nf:us-bis -> "us",
    nf:china -> "cn"), None when it says none."""
    if not entity_id:
        return None
    if entity_id in COUNTRIES:
        return COUNTRIES[entity_id]
    prefix = entity_id.removeprefix("nf:").split("-")[0]
    return prefix if prefix in set(COUNTRIES.values()) | {"un"} else None


def shared_catalogue(shared: Any, path: str | Path | None = None) -> Catalogue:
    """The pipeline's one catalogue from ``path`` (the default when None), read on first use."""
    return shared.get(f"lists:{path}", lambda: load_catalogue(path))


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Read the list catalogue from TOML (configs/lists.toml by default): names and cues under the
    codes of the registered language packs."""
    with open(resolve(path or DEFAULT_CATALOGUE), "rb") as fh:
        data = tomllib.load(fh)
    codes = [p.code for p in lang.packs()]
    entries = [
        ListEntry(id=d["id"], name=d["name"], authority=d["authority"],
                  authorities=tuple(d.get("authorities", ())),
                  names={code: tuple(d.get(code, ())) for code in codes},
                  regime=bool(d.get("regime", False)), regime_of=tuple(d.get("regime_of", ())),
                  actions=dict(d.get("actions", {})),
                  cues=tuple(c for code in codes for c in d.get("cues", {}).get(code, ())),
                  licence=bool(d.get("licence", False)))
        for d in data.get("list", [])
    ]
    ids = [e.id for e in entries]
    if len(set(ids)) < len(ids):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        raise ConfigError(f"{path or DEFAULT_CATALOGUE}: list {', '.join(twice)} defined more than once")
    generics, generic_names = [], []
    for d in data.get("generic", []):
        generics.append(GenericTerm(default=d.get("default", ""),
                                    by_authority=dict(d.get("by_authority", {})),
                                    invert=bool(d.get("white_list", False))))
        generic_names.append({code: tuple(d.get(code, ())) for code in codes})
    return Catalogue(entries, generics, generic_names)


@functools.lru_cache(maxsize=None)
def _kind_words(code: str) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """Language ``code``'s words for a list, as a name's last word, and its words for a kind of
    party (``[lists]`` in its pack's ``words.toml``)."""
    pack = lang.get(code)
    words = pack.words.get("lists.words") if pack is not None else ()
    kinds = pack.words.get("lists.kinds") if pack is not None else ()
    spaced = pack is not None and pack.script != "han"
    if not words or not kinds:
        return None, ()
    gap = r"\s" if spaced else ""
    return re.compile(gap + "(" + "|".join(map(re.escape, words)) + ")$"), tuple(kinds)


def _kind_variants(name: str, code: str) -> list[str]:
    """``name`` with a word for a kind of party before its word for a list (군사 최종사용자 명단 ->
    군사 최종사용자 기업 명단, 军事最终用户清单 -> 军事最终用户企业清单)."""
    ending, kinds = _kind_words(code)
    m = ending.search(name) if ending is not None else None
    if not m or m.start() == 0:
        return []
    head, word = name[:m.start()], m.group(1)
    if m.group(0) != word:                     # written with spaces
        return [f"{head} {kind} {word}" for kind in kinds]
    return [v for kind in kinds for v in (f"{head}{kind}{word}", f"{head} {kind}{word}")]   # “军事最终用户”企业清单


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip()).lower()


def _automaton(names: Iterable[str]) -> Any:
    """An Aho-Corasick automaton of the names (keys as ``_key`` gives them): each word maps to
    (name, needs a word boundary before, needs one after) — Latin letters and digits need them."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for name in names:
        automaton.add_word(name, (name, bool(re.match(r"[a-z0-9]", name)), bool(re.search(r"[a-z0-9]$", name))))
    automaton.make_automaton()
    return automaton


def _fold(text: str) -> str:
    """``text`` lower-cased, whitespace and typographic quotes read as spaces, with the same length
    (offsets hold)."""
    lowered = text.lower()
    if len(lowered) != len(text):          # İ and a few others lower-case to two characters
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(_SPACES)


_SPACES = {ord(c): " " for c in "\t\n\r\x0b\x0c\u3000\xa0‘’“”「」『』"}   # a quoted list name is the name


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
