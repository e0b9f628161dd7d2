"""``newsfacts kb lookup NAME [--json]``: the entities a name refers to, with their names in each
language and their list memberships."""
from __future__ import annotations

import argparse
import json
from typing import Any


def lookup(args: argparse.Namespace) -> int:
    from ..kb import load_kb, load_xscript

    kb = load_kb(args.kb or None)
    found: list[tuple[Any, str, float]] = [(e, "exact", 1.0) for e in kb.lookup_all(args.name)]
    if not found:
        candidates = load_xscript(kb).candidates(args.name, limit=args.limit)
        found = [(kb.get(c.entity_id), f"cross-script: {c.how}", c.score) for c in candidates]
    if args.json:
        for entity, how, score in found:
            print(json.dumps({**entity.to_dict(), "match": how, "score": round(score, 3)}, ensure_ascii=False))
    else:
        for entity, how, score in found:
            print(describe(entity, how, score))
    if not found:
        print(f"no entity found for {args.name!r}")
    return 0 if found else 1


def describe(entity: Any, how: str, score: float) -> str:
    lines = [f"{entity.id}  {entity.type}  {entity.country or '--'}  {entity.name}   ({how}, {score:.2f})"]
    for lang, label in (("en", "en"), ("zh-Hans", "zh"), ("zh-Hant", "zh-Hant"), ("ko", "ko")):
        names = ([entity.name] if lang == "en" else []) + entity.aliases.get(lang, [])
        if names:
            lines.append(f"  {label:8} {' | '.join(names[:8])}" + (" | ..." if len(names) > 8 else ""))
    for item in entity.lists:
        details = ", ".join(v for v in (item.get("entry", ""), item.get("citation", ""), item.get("date", "")) if v)
        status = "" if item.get("status", "listed") == "listed" else f" [{item['status']}]"
        lines.append(f"  list     {item['list']}{status}" + (f" ({details})" if details else ""))
    return "\n".join(lines)
