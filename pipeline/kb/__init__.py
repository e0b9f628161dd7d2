"""The multilingual entity knowledge base: loading, sharing, matching.

Stages share one KB (and one matcher) per pipeline process through ``self.shared``::

    from ..kb import shared_kb, shared_matcher
    kb = shared_kb(self.shared)                 # KnowledgeBase: .get(id), .lookup(name)
    matcher = shared_matcher(self.shared)       # Matcher over all aliases (one automaton)

Both load ``models/kb/entities.jsonl`` unless a path is given. Nothing heavy is imported here.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .store import DEFAULT_KB, KBEntity, KnowledgeBase, load_kb

if TYPE_CHECKING:
    from .matcher import Matcher

__all__ = ["DEFAULT_KB", "KBEntity", "KnowledgeBase", "load_kb", "shared_kb", "shared_matcher"]


def shared_kb(shared: Any, path: str = "") -> KnowledgeBase:
    """The pipeline's one KnowledgeBase for ``path`` (default KB when empty), loaded on first use."""
    return shared.get(f"kb:{path}", lambda: load_kb(path or None))


def shared_matcher(shared: Any, path: str = "") -> "Matcher":
    """The pipeline's one alias matcher over the KB at ``path``, built on first use."""
    from .matcher import Matcher

    return shared.get(f"kb-matcher:{path}", lambda: Matcher(shared_kb(shared, path)))
