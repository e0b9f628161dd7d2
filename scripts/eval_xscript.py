"""Precision and recall of the cross-script name matcher on name pairs from the KB itself.

Pairs: every Korean alias and every Chinese alias (simplified and traditional) of the KB's
organisations and curated people, with the entity it names. Entities are split by a hash of
their id: one third is ``test``, the rest ``dev`` (thresholds are chosen on dev only). For a
split, the matcher is built from the KB with the held-out names removed (Korean names when Korean
pairs are scored, Chinese names, both forms, when Chinese pairs are), so it must find each entity
from its other names; one entity in five of the split is removed from the KB altogether and its
names must find nothing (what precision has to survive). A pair is right when the matcher's one
best candidate is its entity.

    python scripts/eval_xscript.py --split dev [--json]
"""
from __future__ import annotations

import argparse
import copy
import hashlib
import json
import sys
from collections import Counter

from pipeline.kb import load_kb
from pipeline.kb.normalize import key
from pipeline.kb.xscript import CrossScriptMatcher, mention_script


VERBOSE = False


def split_of(entity_id: str) -> tuple[str, bool]:
    """(split, absent): a third of the entities is test; one in five of each split is absent."""
    h = int(hashlib.sha1(entity_id.encode()).hexdigest(), 16)
    return ("test" if h % 3 == 0 else "dev"), (h // 3) % 5 == 0


def pairs(entities: list, split: str) -> list[dict]:
    out = []
    for e in entities:
        if e.type == "LOC" or (e.type == "PERSON" and not any(s.startswith("seed:") for s in e.sources)):
            continue
        which, absent = split_of(e.id)
        if which != split:
            continue
        for lang, script in (("ko", "hangul"), ("zh-Hans", "han"), ("zh-Hant", "han")):
            for alias in e.aliases.get(lang, []):
                if len(alias.replace(" ", "")) >= 2 and not (lang == "zh-Hant" and key(alias) == alias) \
                        and mention_script(alias) == script:
                    out.append({"entity": e.id, "absent": absent, "lang": lang, "script": script, "name": alias})
    return out


def held_out(entities: list, split: str, langs: tuple[str, ...]) -> list:
    """The KB without the names in ``langs`` of the split's entities, and without its absent ones."""
    out = []
    for e in entities:
        which, absent = split_of(e.id)
        if which == split:
            if absent:
                continue
            e = copy.deepcopy(e)
            for lang in langs:
                e.aliases[lang] = []
        out.append(e)
    return out


def evaluate(split: str) -> dict:
    entities = list(load_kb())
    result: dict = {"split": split, "by_script": {}}
    totals = Counter()
    for langs, script in ((("ko",), "hangul"), (("zh-Hans", "zh-Hant"), "han")):
        matcher = CrossScriptMatcher.build(held_out(entities, split, langs))
        counts = Counter()
        for pair in (p for p in pairs(entities, split) if p["lang"] in langs):
            found = matcher.best(pair["name"], pair["script"])
            kind = "negative" if pair["absent"] else "positive"
            counts[kind] += 1
            if VERBOSE and found is not None and found.entity_id != pair["entity"]:
                print(f"{pair['name']} -> {found.entity_id} ({found.how} {found.score}) gold {pair['entity']}"
                      f"{' (absent)' if pair['absent'] else ''}", file=sys.stderr)
            if found is not None:
                counts["answered"] += 1
                counts["right" if not pair["absent"] and found.entity_id == pair["entity"] else "wrong"] += 1
                counts[f"how:{found.how}"] += 1
        result["by_script"][script] = _scores(counts)
        totals.update(counts)
    result["all"] = _scores(totals)
    return result


def _scores(c: Counter) -> dict:
    return {"pairs": c["positive"] + c["negative"], "positive": c["positive"], "negative": c["negative"],
            "answered": c["answered"], "right": c["right"], "wrong": c["wrong"],
            "precision": round(c["right"] / c["answered"], 3) if c["answered"] else None,
            "recall": round(c["right"] / c["positive"], 3) if c["positive"] else None,
            "how": {k[4:]: v for k, v in sorted(c.items()) if k.startswith("how:")}}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--split", choices=("dev", "test"), default="dev")
    p.add_argument("--json", action="store_true")
    p.add_argument("-v", "--verbose", action="store_true", help="print the wrong answers")
    args = p.parse_args()
    global VERBOSE
    VERBOSE = args.verbose
    result = evaluate(args.split)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print(f"split {args.split}")
    for name, s in [*result["by_script"].items(), ("all", result["all"])]:
        print(f"  {name:7} pairs {s['pairs']:5} (negative {s['negative']:4})  answered {s['answered']:5}  "
              f"right {s['right']:5}  P {s['precision']}  R {s['recall']}  {s['how']}", file=sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
