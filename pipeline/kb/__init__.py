"""The multilingual entity knowledge base: loading, sharing, matching.

Stages share one KB (and one matcher) per pipeline process through ``self.shared``::

    from ..kb import shared_kb, shared_matcher
    kb = shared_kb(self.shared)                 # KnowledgeBase: .get(id), .lookup(name)
    matcher = shared_matcher(self.shared)       # Matcher over all aliases (one automaton)
    xscript = shared_xscript(self.shared)       # names across scripts: mention -> candidates

Both load the KB named by ``run.kb`` in the config (default ``models/kb/entities.jsonl``).
Nothing heavy is imported here.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .store import DEFAULT_KB, KBEntity, KnowledgeBase, load_kb

if TYPE_CHECKING:
    from .matcher import Matcher
    from .readings import PersonReadings
    from .xscript import CrossScriptMatcher

__all__ = ["DEFAULT_KB", "KBEntity", "KnowledgeBase", "load_kb", "load_xscript", "shared_kb", "shared_matcher",
           "shared_readings", "shared_xscript"]


def shared_kb(shared: Any) -> KnowledgeBase:
    """The pipeline's one KnowledgeBase (``run.kb``, else the default KB), loaded on first use."""
    return shared.get("kb", lambda: load_kb(getattr(shared.run, "kb", "") or None))


def shared_matcher(shared: Any) -> "Matcher":
    """The pipeline's one alias matcher over that KB, built on first use."""
    from .matcher import Matcher

    return shared.get("kb-matcher", lambda: Matcher(shared_kb(shared)))


def shared_xscript(shared: Any) -> "CrossScriptMatcher":
    """The pipeline's one cross-script name matcher over that KB (``pipeline.kb.xscript``)."""
    return shared.get("kb-xscript", lambda: load_xscript(shared_kb(shared)))


def shared_readings(shared: Any) -> "PersonReadings":
    """The KB's Chinese people by the reading of their names (``pipeline.kb.readings``)."""
    from .readings import PersonReadings

    return shared.get("kb-readings", lambda: PersonReadings.build(shared_xscript(shared), shared_kb(shared)))


def load_xscript(kb: KnowledgeBase) -> "CrossScriptMatcher":
    """The cross-script matcher saved beside the KB's file when it was made from that file, else
    one built from the KB (slower: pypinyin, hanja and the romaniser run over every name)."""
    from .xscript import CrossScriptMatcher, xscript_path

    if kb.path is not None:
        saved = CrossScriptMatcher.load(xscript_path(kb.path), kb.digest)
        if saved is not None:
            return saved
    return CrossScriptMatcher.build(kb)
