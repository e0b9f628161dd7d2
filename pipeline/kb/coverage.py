"""How many listed organisations of the MOFCOM/MFA announcements the gazetteer finds and links.

For every announcement text (``reference-docs/**.md``) and every organisation its YAML lists,
a name counts as found when the gazetteer yields a mention whose text is the listed Chinese (or
English) name, and as linked when that mention's canonical id is the KB id of the listed name.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .sources import MOFCOM, mofcom_entries


def mofcom_coverage(data: Path, kb_path: str = "") -> dict[str, Any]:
    """Found / linked counts over the organisations named in the MOFCOM reference texts."""
    from ..config import RunConfig
    from ..stages.base import Shared
    from ..stages.gazetteer import GazetteerConfig, GazetteerStage
    from ..types import Document, Sentence

    stage = GazetteerStage(GazetteerConfig(), Shared(RunConfig(kb=kb_path)))
    stage.setup()
    root = data / MOFCOM
    names_by_doc: dict[str, list[str]] = {}
    for entry in mofcom_entries(root):
        if entry.kind == "organization" and entry.zh:
            rel = entry.source.split(":", 1)[1].replace("sources/", "reference-docs/", 1)
            rel = rel.replace("unrealiable-entity-list", "unreliable-entity-list").rsplit(".", 1)[0] + ".md"
            names_by_doc.setdefault(rel, []).append(entry.zh[0])
    total = found = linked = 0
    missed: list[str] = []
    for rel, names in sorted(names_by_doc.items()):
        path = root / rel
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        doc = Document(text=text, sentences=[Sentence(0, len(text), "zh")])
        stage.process(doc)
        mentions = {(e.text, e.canonical["id"]) for e in doc.entities}
        for name in dict.fromkeys(names):
            if name not in text:
                continue
            total += 1
            ids = {i for t, i in mentions if t == name}
            expected = {r.id for r in stage.kb.lookup(name)}
            found += bool(ids)
            linked += bool(ids & expected)
            if not ids:
                missed.append(name)
    return {"organisations": total, "found": found, "linked": linked,
            "found_share": round(found / total, 4) if total else 0.0,
            "linked_share": round(linked / total, 4) if total else 0.0, "missed": missed}
