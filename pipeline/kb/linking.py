"""The KB entity a found name refers to: by an alias (as written, or without its legal form),
else across scripts (``pipeline.kb.xscript``). What the link stage and the events stage's
discovered targets share."""
from __future__ import annotations

from typing import Any

from ..entities import typer as orgtype


def kb_canonical(name: str, entity_type: str, shared: Any) -> dict[str, Any] | None:
    """The ``canonical`` of the KB entity ``name`` names, or None. Across scripts an organisation
    is never taken for a person nor a person for an organisation, and a person is found only by
    the kinds of :data:`PERSON_KINDS`."""
    from . import shared_kb, shared_xscript

    kb = shared_kb(shared)
    for form in (name, orgtype.strip_legal_form(name)):
        records = kb.lookup(form)
        if records:
            return records[0].canonical()
    person = entity_type == "PERSON"
    if not person and entity_type not in orgtype.ORG_TYPES:
        return None
    kinds = PERSON_KINDS if person else CROSS_SCRIPT_KINDS
    found = shared_xscript(shared).best(name, kinds=kinds)
    record = kb.get(found.entity_id) if found else None
    return record.canonical() if record is not None and (record.type == "PERSON") == person else None


#: the cross-script key kinds used for linking (English fuzzy matching is left to exact names)
CROSS_SCRIPT_KINDS = frozenset({"skeleton", "skeleton_zh", "sino", "hangul", "han", "pinyin", "letters"})
#: a person by the pinyin of a Chinese name, a Korean one (陈全国 = 천취안궈 = Chen Quanguo) or
#: the sound of a full name (세르게이 라브로프 = Sergei Lavrov)
PERSON_KINDS = frozenset({"letters", "hangul", "person"})
