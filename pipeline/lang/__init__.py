"""Language packs, one folder per language (as ``spacy/lang/<code>/``).

A pack (:class:`pipeline.lang.pack.LanguagePack`) holds what is particular to one language: its
amount and date grammar (``patterns.py``), its sanction trigger grammar (``triggers.toml``), where
names stand in its trigger slots (``slots.py``), its word lists (``words.toml``: organisation
heads, legal forms, titles, context cues, particles...) and its default tokenizer. Stages
dispatch on a sentence's language (or a name's script) through :func:`get` and never name a
language themselves.

Adding a language: a folder ``pipeline/lang/<code>/`` with an ``__init__.py`` that defines
``PACK``, and one line in :data:`LANGUAGES` (or :func:`register` at run time).
"""
from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pack import CompoundReader, LanguagePack

#: language code -> module that defines ``PACK``
LANGUAGES: dict[str, str] = {
    "ko": "pipeline.lang.ko",
    "zh": "pipeline.lang.zh",
    "en": "pipeline.lang.en",
}


def register(code: str, module: str) -> None:
    """Add (or replace) the pack of ``code``; ``module`` must define ``PACK``."""
    LANGUAGES[code] = module
    get.cache_clear()


@lru_cache(maxsize=None)
def get(code: str) -> "LanguagePack | None":
    """The pack of a language code, or None for a language without one (imported on first use)."""
    module = LANGUAGES.get(code)
    return importlib.import_module(module).PACK if module else None


def packs() -> list["LanguagePack"]:
    """Every registered pack."""
    return [p for p in (get(code) for code in LANGUAGES) if p is not None]


@lru_cache(maxsize=None)
def for_script(script: str) -> "LanguagePack | None":
    """The pack whose names are written in ``script`` ("hangul", "han", "latin")."""
    return next((p for p in packs() if p.script == script), None)


def compound_reader(script: str) -> "CompoundReader | None":
    """The compound reader (``compounds.py``) of the pack whose names are written in ``script``,
    or None."""
    pack = for_script(script)
    return pack.compound_reader if pack is not None else None
