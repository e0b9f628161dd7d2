"""MOFCOM's lists as parsed by the xyna registry (``cn.json``): Export Control Control List
(管控名单), Unreliable Entity List and Watch List (关注名单), with Chinese names and dates."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

from ..normalize import script
from ..sources import ListEntry, membership

#: the registry's list ids -> ours (its "watchlist" is the 管控名单, its "attention list" the 关注名单)
XYNA_LISTS = {"cn-export-control-watchlist": "cn-export-control-list",
              "cn-unreliable-entity-list": "cn-unreliable-entity-list",
              "cn-attention-list": "cn-watch-list"}
#: sentence fragments the registry's parser left in some names: the announcement's words
#: before a name (its country, "参与对台湾地区军售的"), the enumeration's tail after one
_PREFIX = re.compile(r"^(?:参与对台湾地区军售的)?(?:美国|日本|加拿大|英国|台湾地区|台湾)?(?=..)")
_FRAGMENT = re.compile(r"等\d*家|等外国实体|及其分支机构")
#: entries of the registry that are no party's name (half of a name the parser split)
_BROKEN = frozenset({"空间与安全集团"})


def entries(path: Path) -> Iterator[ListEntry]:
    label = f"xyna:{Path(path).parent.name or Path(path).name}"
    for rec in json.loads(Path(path).read_text(encoding="utf-8")):
        list_id = XYNA_LISTS.get(rec.get("list_id", ""))
        names = [_PREFIX.sub("", n.strip()) for n in [rec.get("entity_name", "")] + list(rec.get("aliases") or [])]
        names = [n for n in names if n and n not in _BROKEN and not _FRAGMENT.search(n)]
        zh = [n for n in names if any(script(c) == "han" for c in n)]
        en = [n for n in names if n not in zh]
        if list_id is None or not names:
            continue
        listed = membership(list_id, entry=rec.get("id", ""), date=rec.get("date_added", ""),
                            authority="cn-mofcom", source=label)
        yield ListEntry(zh, en, "organization", "", label, [listed], firm=True)
