"""The KB entity a found name refers to: by an alias (as written, or without its legal form),
else across scripts (``pipeline.kb.xscript``). What the link stage and the events stage's
discovered targets share."""
from __future__ import annotations

from typing import Any

from ..entities import typer as orgtype


def kb_canonical(name: str, entity_type: str, shared: Any) -> dict[str, Any] | None:
    """The ``canonical`` of the KB entity ``name`` names, or None; organisations only are looked
    up across scripts, and never taken for a person."""
    from . import shared_kb, shared_xscript

    kb = shared_kb(shared)
    for form in (name, orgtype.strip_legal_form(name)):
        records = kb.lookup(form)
        if records:
            return records[0].canonical()
    if entity_type not in orgtype.ORG_TYPES:
        return None
    found = shared_xscript(shared).best(name, kinds=CROSS_SCRIPT_KINDS)
    record = kb.get(found.entity_id) if found else None
    return record.canonical() if record is not None and record.type != "PERSON" else None


#: the cross-script key kinds used for linking (English fuzzy matching is left to exact names)
CROSS_SCRIPT_KINDS = frozenset({"skeleton", "skeleton_zh", "sino", "hangul", "han", "pinyin", "letters"})
