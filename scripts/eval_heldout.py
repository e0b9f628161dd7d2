#!/usr/bin/env python
"""Score the default pipeline on the held-out real texts (corpus/gold/heldout-real.gold.jsonl).

    .venv/bin/python scripts/eval_heldout.py [--keep DIR] [--errors N] [--json FILE] [--links]

The gold stores no text: each document is rebuilt from ../shared/data by scripts/heldout_text.py.
The script writes the texts to a temporary newsfacts input JSONL (id, text, published), runs
``newsfacts run`` with the default config, converts the gold to newsfacts gold JSONL and runs
``newsfacts eval`` on it, then prints its own breakdown, per language and type:

- entities, strict (same span and type) and lenient (overlapping span, same type, one-to-one);
- norms: of the gold entities that carry a norm and were found (lenient), the share whose
  predicted norm has the same value (value/min/max/start/end), currency and precision
  (``approx`` and ``unit`` reported apart);
- events: (target, action, list, month) tuples and the same without the month, a predicted
  target matching a gold target when its span overlaps any mention of that target (gold
  ``same_as`` chains); and (action, list, month) frames, which also cover events whose targets
  are only counted ("adding 36 entities");
- linking: of the sanction-relevant organisations (gold FIRM/UNIVERSITY/GOV that are an event's
  target or authority, with their ``same_as`` mentions), how many were found and carry one
  canonical id over all their mentions, and how many a KB id (``--links`` lists them);
- the most informative errors per language (mis-normalised, mis-typed, missed, spurious).

Exits 0 with the reason when the shared data is absent.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from heldout_text import DATA, load_text  # noqa: E402

GOLD = REPO / "corpus" / "gold" / "heldout-real.gold.jsonl"
NEWSFACTS = str(REPO / ".venv" / "bin" / "newsfacts")
LANGS = ("ko", "zh", "en")
NUMERIC = {"MONEY", "DATE", "PERCENT", "QUANTITY"}
CORE_KEYS = ("value", "min", "max", "currency", "precision", "start", "end")


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def same_norm(gold: dict, pred: dict | None, keys=CORE_KEYS) -> bool:
    """Gold and predicted norms agree on every key of ``keys`` that the gold norm has."""
    if not pred:
        return False
    for k in keys:
        if k not in gold:
            continue
        g, p = gold[k], pred.get(k)
        if isinstance(g, dict):
            if not isinstance(p, dict) or not same_norm(g, p):
                return False
        elif isinstance(g, (int, float)) and not isinstance(g, bool):
            if not isinstance(p, (int, float)) or abs(g - p) > 1e-6 * max(1.0, abs(g)):
                return False
        elif g != p:
            return False
    return True


def match(gold: list[dict], pred: list[dict], strict: bool) -> dict[int, int]:
    """One-to-one gold index -> pred index, same type, exact span (strict) or largest overlap."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if p["type"] != g["type"]:
                continue
            if strict and (p["start"], p["end"]) == (g["start"], g["end"]):
                pairs.append((10**9, i, j))
            elif not strict and overlap(g, p):
                pairs.append((overlap(g, p), i, j))
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def month(date: dict | None) -> str | None:
    if not date:
        return None
    value = date.get("value") or (date.get("start") or {}).get("value")
    return value[:7] if value else None


def target_tuples(rec: dict, text_spans: dict[str, list[dict]], with_date: bool) -> list[tuple]:
    out = []
    for ev in rec.get("events", []):
        lst = (ev.get("list") or {}).get("id")
        for t in ev.get("targets", []):
            key = (ev["action"], lst, month(ev.get("date")) if with_date else None)
            out.append((text_spans.get(t, []), key))
    return out


def score_targets(gold_t: list[tuple], pred_t: list[tuple]) -> int:
    used: set[int] = set()
    tp = 0
    for spans, key in gold_t:
        for j, (pspans, pkey) in enumerate(pred_t):
            if j in used or pkey != key:
                continue
            if any(overlap(a, b) for a in spans for b in pspans):
                used.add(j)
                tp += 1
                break
    return tp


def frames(rec: dict) -> list[tuple]:
    return sorted({(ev["action"], (ev.get("list") or {}).get("id"), month(ev.get("date")))
                   for ev in rec.get("events", [])}, key=str)


def gold_chains(rec: dict) -> dict[str, list[dict]]:
    """Entity id -> spans of every mention in its same_as chain."""
    root = {e["id"]: e.get("same_as", e["id"]) for e in rec["entities"]}
    by_root: dict[str, list[dict]] = defaultdict(list)
    for e in rec["entities"]:
        by_root[root[e["id"]]].append(e)
    return {e["id"]: by_root[root[e["id"]]] for e in rec["entities"]}


def excerpt(text: str, start: int, end: int, width: int = 22) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    return (text[a:start] + "[" + text[start:end] + "]" + text[end:b]).replace("\n", " ")


def build_inputs(gold: list[dict], workdir: Path) -> tuple[Path, Path, dict[str, str]]:
    texts = {}
    inp, gold_out = workdir / "input.jsonl", workdir / "gold.jsonl"
    with inp.open("w", encoding="utf-8") as fi, gold_out.open("w", encoding="utf-8") as fg:
        for rec in gold:
            text = load_text(rec["source"])
            texts[rec["id"]] = text
            row = {"id": rec["id"], "text": text}
            if rec.get("published"):
                row["published"] = rec["published"]
            fi.write(json.dumps(row, ensure_ascii=False) + "\n")
            ents = [{"id": e["id"], "text": text[e["start"]:e["end"]], "type": e["type"], "start": e["start"],
                     "end": e["end"], "source": "gold", **({"norm": e["norm"]} if "norm" in e else {})}
                    for e in rec["entities"]]
            evs = [{"id": ev["id"], "type": "sanction", "action": ev["action"], "authority": ev["authority"],
                    "targets": ev["targets"], "list": ev["list"], "date": ev["date"]} for ev in rec["events"]]
            meta = {"published": rec["published"]} if rec.get("published") else {}
            fg.write(json.dumps({"id": rec["id"], "lang": rec["lang"], "text": text, "meta": meta,
                                 "entities": ents, "events": evs}, ensure_ascii=False) + "\n")
    return inp, gold_out, texts


def evaluate(gold: list[dict], preds: dict[str, dict], texts: dict[str, str], n_errors: int) -> dict:
    ent = defaultdict(lambda: [0, 0, 0, 0])  # (lang, type) -> strict tp, lenient tp, n_pred, n_gold
    norm = defaultdict(lambda: [0, 0, 0])  # (lang, type) -> normed found, core right, all keys right
    ev = defaultdict(lambda: [0, 0, 0, 0, 0, 0, 0, 0, 0])
    errors: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for rec in gold:
        lang, text = rec["lang"], texts[rec["id"]]
        pred = preds.get(rec["id"], {})
        pents = [e for e in pred.get("entities", []) if e.get("type")]
        gents = rec["entities"]
        strict, lenient = match(gents, pents, True), match(gents, pents, False)
        for t in {e["type"] for e in gents} | {e["type"] for e in pents}:
            for key in ((lang, t), ("all", t)):
                c = ent[key]
                c[0] += sum(1 for i in strict if gents[i]["type"] == t)
                c[1] += sum(1 for i in lenient if gents[i]["type"] == t)
                c[2] += sum(1 for e in pents if e["type"] == t)
                c[3] += sum(1 for e in gents if e["type"] == t)
        for i, g in enumerate(gents):
            tag = excerpt(text, g["start"], g["end"])
            if i in lenient:
                p = pents[lenient[i]]
                if "norm" in g:
                    core = same_norm(g["norm"], p.get("norm"))
                    full = core and same_norm(g["norm"], p.get("norm"), ("approx", "unit")) and \
                        bool(g["norm"].get("approx")) == bool((p.get("norm") or {}).get("approx"))
                    for key in ((lang, g["type"]), ("all", g["type"])):
                        norm[key][0] += 1
                        norm[key][1] += core
                        norm[key][2] += full
                    if not core:
                        errors[lang].append((0, f"MIS-NORMALISED {g['type']} {tag}  gold={json.dumps(g['norm'], ensure_ascii=False)} "
                                                f"pred={json.dumps(p.get('norm'), ensure_ascii=False)}"))
                continue
            others = [p for p in pents if overlap(g, p)]
            if others:
                j = max(range(len(pents)), key=lambda j: overlap(g, pents[j]))
                p = pents[j]
                if j in lenient.values():
                    errors[lang].append((3, f"ABSORBED {g['type']} into another gold entity's predicted span "
                                            f"{p['text']!r} ({p['type']}) {tag}"))
                else:
                    errors[lang].append((1, f"MIS-TYPED {g['type']}->{p['type']} {tag}  pred span={p['text']!r}"))
            else:
                rank = 2 if g["type"] in {"FIRM", "UNIVERSITY", "GOV", "PERSON", "MONEY", "DATE", "PERCENT"} else 3
                errors[lang].append((rank, f"MISSED {g['type']} {tag}"))
        matched_pred = set(lenient.values())
        for j, p in enumerate(pents):
            if j not in matched_pred and not any(overlap(p, g) for g in gents):
                errors[lang].append((4, f"SPURIOUS {p['type']} {excerpt(text, p['start'], p['end'])}"))
        chains = gold_chains(rec)
        pspans = {e["id"]: [e] for e in pents}
        for with_date, off in ((True, 0), (False, 3)):
            gt, pt = target_tuples(rec, chains, with_date), target_tuples(pred, pspans, with_date)
            tp = score_targets(gt, pt)
            for key in (lang, "all"):
                ev[key][off] += tp
                ev[key][off + 1] += len(pt)
                ev[key][off + 2] += len(gt)
        gf, pf = frames(rec), frames(pred)
        for key in (lang, "all"):
            ev[key][6] += len(set(gf) & set(pf))
            ev[key][7] += len(pf)
            ev[key][8] += len(gf)
        for f in sorted(set(gf) - set(pf), key=str):
            errors[lang].append((1, f"EVENT MISSED {rec['id']} action={f[0]} list={f[1]} month={f[2]}"))
        for f in sorted(set(pf) - set(gf), key=str):
            errors[lang].append((3, f"EVENT SPURIOUS {rec['id']} action={f[0]} list={f[1]} month={f[2]}"))
    return {"entities": ent, "norms": norm, "events": ev, "linking": linking(gold, preds, texts),
            "errors": {k: dedupe(v)[:n_errors] for k, v in errors.items()}}


def linking(gold: list[dict], preds: dict[str, dict], texts: dict[str, str]) -> dict:
    """Sanction-relevant organisations (gold FIRM/UNIVERSITY/GOV that are an event's target or
    authority, with all their ``same_as`` mentions): per language, how many chains were found
    (a predicted entity overlaps a mention), and of those how many carry one canonical id over
    all their found mentions (``linked``), and how many a KB id (``nf:``); plus the pairs
    (gold text -> canonical id) to read."""
    out: dict = defaultdict(lambda: [0, 0, 0, 0])   # lang -> chains, found, linked, kb
    pairs: list[str] = []
    for rec in gold:
        pents = [e for e in preds.get(rec["id"], {}).get("entities", [])]
        chains = gold_chains(rec)
        relevant = {x for ev in rec.get("events", []) for x in [*ev["targets"], ev.get("authority")] if x}
        seen: set[str] = set()
        for eid in sorted(relevant):
            chain = chains.get(eid, [])
            if not chain or chain[0]["type"] not in ("FIRM", "UNIVERSITY", "GOV") or chain[0]["id"] in seen:
                continue
            seen.add(chain[0]["id"])
            ids = {(p.get("canonical") or {}).get("id") for g in chain for p in pents if overlap(g, p)}
            found = bool(ids)
            linked = found and len(ids) == 1 and None not in ids
            for lang in (rec["lang"], "all"):
                c = out[lang]
                c[0] += 1
                c[1] += found
                c[2] += linked
                c[3] += linked and next(iter(ids)).startswith("nf:")
            name = texts[rec["id"]][chain[0]["start"]:chain[0]["end"]]
            pairs.append(f"{rec['lang']} {chain[0]['type']:10} {name} -> {sorted(map(str, ids))}")
    return {"counts": dict(out), "pairs": pairs}


def dedupe(errors: list[tuple[int, str]]) -> list[str]:
    """One line per kind and entity text (with its count), taken in turn from each error class
    (kind and type, best rank first) so that one frequent class does not fill the list."""
    seen: dict[str, list] = {}
    for rank, msg in sorted(errors, key=lambda x: x[0]):
        kind = " ".join(msg.split(" ")[:2])
        key = kind + "|" + (msg.split("[", 1)[1].split("]", 1)[0] if "[" in msg else msg)
        if key in seen:
            seen[key][2] += 1
        else:
            seen[key] = [rank, kind, 1, msg]
    classes: dict[tuple, list[str]] = defaultdict(list)
    for rank, kind, n, msg in seen.values():
        classes[(rank, kind)].append(msg if n == 1 else f"{msg}  (x{n})")
    queues = [classes[k] for k in sorted(classes)]
    out = []
    while any(queues):
        for q in queues:
            if q:
                out.append(q.pop(0))
    return out


def report(res: dict) -> dict:
    out: dict = {"entities": {}, "norms": {}, "events": {}}
    print(f"{'lang':4} {'type':10} {'gold':>5} {'pred':>5} {'strict P/R/F1':>20} {'lenient P/R/F1':>20}")
    for (lang, t), (st, le, npred, ngold) in sorted(res["entities"].items()):
        s, l_ = prf(st, npred, ngold), prf(le, npred, ngold)
        out["entities"][f"{lang}/{t}"] = {"gold": ngold, "pred": npred, "strict": s, "lenient": l_}
        print(f"{lang:4} {t:10} {ngold:5} {npred:5}   {s[0]:.2f}/{s[1]:.2f}/{s[2]:.2f}     {l_[0]:.2f}/{l_[1]:.2f}/{l_[2]:.2f}")
    for group, types in (("MONEY+DATE+PERCENT", {"MONEY", "DATE", "PERCENT"}),
                         ("FIRM+UNIVERSITY+GOV+PERSON", {"FIRM", "UNIVERSITY", "GOV", "PERSON"})):
        for lang in (*LANGS, "all"):
            c = [sum(v[k] for (lg, t), v in res["entities"].items() if lg == lang and t in types) for k in range(4)]
            f = prf(c[1], c[2], c[3])
            out["entities"][f"{lang}/{group}"] = {"gold": c[3], "pred": c[2], "lenient": f, "strict": prf(c[0], c[2], c[3])}
            print(f"{lang:4} {group:27} lenient F1 {f[2]:.3f} (P {f[0]:.3f} R {f[1]:.3f}, gold {c[3]}, pred {c[2]})")
    print("\nnorm accuracy (gold entities with a norm that were found, lenient):")
    for (lang, t), (n, core, full) in sorted(res["norms"].items()):
        out["norms"][f"{lang}/{t}"] = {"found": n, "core": core / n if n else 0, "full": full / n if n else 0}
        print(f"{lang:4} {t:9} found {n:4}  value/currency/precision right {core / n if n else 0:.3f}  incl. approx+unit {full / n if n else 0:.3f}")
    for lang in (*LANGS, "all"):
        c = [sum(v[k] for (lg, t), v in res["norms"].items() if lg == lang and t in {"MONEY", "DATE", "PERCENT"}) for k in range(3)]
        out["norms"][f"{lang}/MONEY+DATE+PERCENT"] = c[1] / c[0] if c[0] else 0
        print(f"{lang:4} MONEY+DATE+PERCENT norms right {c[1]}/{c[0]} = {c[1] / c[0] if c[0] else 0:.3f}")
    print("\nevents:")
    for lang in (*LANGS, "all"):
        c = res["events"][lang]
        a, b, f = prf(c[0], c[1], c[2]), prf(c[3], c[4], c[5]), prf(c[6], c[7], c[8])
        out["events"][lang] = {"tuples_month": a, "tuples_no_date": b, "frames": f, "gold_tuples": c[2], "gold_frames": c[8]}
        print(f"{lang:4} (target,action,list,month) P {a[0]:.3f} R {a[1]:.3f} F1 {a[2]:.3f} [gold {c[2]}, pred {c[1]}] | "
              f"no date F1 {b[2]:.3f} | (action,list,month) frames P {f[0]:.3f} R {f[1]:.3f} F1 {f[2]:.3f} [gold {c[8]}, pred {c[7]}]")
    print("\nlinking (sanction-relevant FIRM/UNIVERSITY/GOV chains: found, one canonical id, a KB id):")
    for lang in (*LANGS, "all"):
        n, found, linked, kb = res["linking"]["counts"].get(lang, [0, 0, 0, 0])
        out.setdefault("linking", {})[lang] = {"chains": n, "found": found, "linked": linked, "kb": kb}
        print(f"{lang:4} chains {n:3}  found {found:3}  linked {linked:3} ({linked / n if n else 0:.3f})  "
              f"KB {kb:3} ({kb / n if n else 0:.3f})")
    if res.get("show_links"):
        print("\n".join("  " + line for line in res["linking"]["pairs"]))
    for lang in LANGS:
        print(f"\nmost informative errors ({lang}):")
        for line in res["errors"].get(lang, []):
            print("  " + line)
    out["errors"] = res["errors"]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--keep", help="write input, gold and predictions into this folder")
    ap.add_argument("--errors", type=int, default=15, help="errors listed per language")
    ap.add_argument("--json", help="also write the scores as JSON to this file")
    ap.add_argument("--links", action="store_true", help="list each sanction-relevant organisation's canonical ids")
    args = ap.parse_args(argv)
    if not DATA.exists():
        print(f"skipped: {DATA} (the shared data sets) is not present")
        return 0
    gold = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        inp, gold_nf, texts = build_inputs(gold, work)
        pred_path = work / "pred.jsonl"
        subprocess.run([NEWSFACTS, "run", str(inp), "-o", str(pred_path), "--workers", "1", "-q"], check=True)
        print("== newsfacts eval (the project's scorer) ==", flush=True)
        subprocess.run([NEWSFACTS, "eval", str(gold_nf), str(pred_path)], check=False)
        preds = {}
        for line in pred_path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            preds[rec["id"]] = rec if "error" not in rec else {}
        print("\n== held-out breakdown (scripts/eval_heldout.py) ==")
        out = report({**evaluate(gold, preds, texts, args.errors), "show_links": args.links})
        out["errors_records"] = sum(1 for r in preds.values() if not r)
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
