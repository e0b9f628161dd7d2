"""Render a score report (the dict of :meth:`Scores.to_dict`) as a terminal table or as HTML."""
from __future__ import annotations

from html import escape
from typing import Any

from .score import MISSED, SPURIOUS

MODES = ("strict", "lenient")


def _types(report: dict[str, Any]) -> list[str]:
    """Entity types in the report, ``overall`` last."""
    names = set(report["entities"]["strict"]) | set(report["entities"]["lenient"])
    return sorted(names - {"overall"}) + ["overall"]


def _row(name: str, cells: list[str], widths: list[int]) -> str:
    return f"{name:<18}" + "".join(f"{c:>{w}}" for c, w in zip(cells, widths))


def text_report(report: dict[str, Any], title: str = "") -> str:
    """The report as fixed-width text for a terminal."""
    ent = report["entities"]
    widths = [7, 7] + [7, 7, 7] * 2
    lines = [title] if title else []
    lines.append(f"{'entities':<32}{'---- strict ----':>21}{'---- lenient ---':>21}")
    lines.append(_row("type", ["gold", "pred", "P", "R", "F1", "P", "R", "F1"], widths))
    for t in _types(report):
        s = ent["strict"].get(t, {"p": 0, "r": 0, "f1": 0, "tp": 0, "fp": 0, "fn": 0})
        le = ent["lenient"].get(t, s)
        cells = [str(s["tp"] + s["fn"]), str(s["tp"] + s["fp"])]
        cells += [f"{m[k]:.3f}" for m in (s, le) for k in ("p", "r", "f1")]
        lines.append(_row(t, cells, widths))
    if report.get("languages"):
        lines.append("")
        lines.append(_row("language", ["gold", "pred", "P", "R", "F1", "P", "R", "F1"], widths))
        for lang, modes in report["languages"].items():
            s, le = modes["strict"]["overall"], modes["lenient"]["overall"]
            cells = [str(s["tp"] + s["fn"]), str(s["tp"] + s["fp"])]
            cells += [f"{m[k]:.3f}" for m in (s, le) for k in ("p", "r", "f1")]
            lines.append(_row(lang, cells, widths))
    errors = _type_errors(report)
    if errors:
        lines.append("")
        lines.append("type confusion (gold -> predicted: count)")
        lines += [f"  {g} -> {p}: {n}" for g, p, n in errors]
    norm = report["norm"]
    if norm["overall"]["total"]:
        lines.append("")
        lines.append("norm accuracy  " + "  ".join(
            f"{t} {a['correct']}/{a['total']} ({a['accuracy']:.3f})" for t, a in norm.items()))
    link = report["linking"]
    if link["total"]:
        lines.append(f"linking accuracy  {link['correct']}/{link['total']} ({link['accuracy']:.3f})")
    ev = report["events"]
    if any(c["tp"] + c["fp"] + c["fn"] for c in ev.values()):
        lines.append("")
        for key, c in ev.items():
            lines.append(f"events {key.replace('_', ' '):<13} P {c['p']:.3f}  R {c['r']:.3f}  "
                         f"F1 {c['f1']:.3f}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})")
    docs = report.get("documents", {})
    lines.append("")
    lines.append("documents  " + ", ".join(f"{k} {v}" for k, v in docs.items()))
    return "\n".join(lines)


def _type_errors(report: dict[str, Any]) -> list[tuple[str, str, int]]:
    out = [(g, p, n) for g, row in report["confusion"].items() for p, n in row.items()
           if g != p and MISSED not in (g, p) and SPURIOUS not in (g, p)]
    return sorted(out, key=lambda x: -x[2])


CSS = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:70em}
table{border-collapse:collapse;margin:1em 0}
th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}
th:first-child,td:first-child{text-align:left}
.bar{display:flex;align-items:center;gap:.4em;min-width:14em}
.bar span.fill{display:inline-block;height:.9em;background:#3b7dd8}
.bar.r span.fill{background:#e08a2c}.bar.f span.fill{background:#3a9b5c}
td.zero{color:#aaa}td.diag{background:#e6f4ea;font-weight:bold}td.err{background:#fde7e7}
"""


def _bar(value: float, cls: str) -> str:
    pct = max(0.0, min(1.0, value)) * 100
    return (f'<div class="bar {cls}"><span class="fill" style="width:{pct:.1f}%"></span>'
            f'<span class="val">{value:.3f}</span></div>')


def _entity_table(report: dict[str, Any], mode: str) -> str:
    rows = []
    for t in _types(report):
        m = report["entities"][mode].get(t)
        if m is None:
            continue
        rows.append(f'<tr data-type="{escape(t)}"><td>{escape(t)}</td><td>{m["tp"] + m["fn"]}</td>'
                    f'<td>{m["tp"] + m["fp"]}</td><td>{m["tp"]}</td><td>{m["fp"]}</td><td>{m["fn"]}</td>'
                    f'<td>{_bar(m["p"], "p")}</td><td>{_bar(m["r"], "r")}</td><td>{_bar(m["f1"], "f")}</td></tr>')
    return (f'<h2>Entities, {mode}</h2><table id="entities-{mode}"><tr><th>type</th><th>gold</th>'
            '<th>pred</th><th>tp</th><th>fp</th><th>fn</th><th>precision</th><th>recall</th>'
            f'<th>F1</th></tr>{"".join(rows)}</table>')


def _confusion_table(report: dict[str, Any]) -> str:
    conf = report["confusion"]
    golds = sorted(set(conf) - {SPURIOUS}) + ([SPURIOUS] if SPURIOUS in conf else [])
    preds = sorted({p for row in conf.values() for p in row} - {MISSED}) + [MISSED]
    head = "".join(f"<th>{escape(p)}</th>" for p in preds)
    rows = []
    for g in golds:
        cells = []
        for p in preds:
            n = conf.get(g, {}).get(p, 0)
            cls = "zero" if not n else "diag" if g == p else "err"
            cells.append(f'<td class="{cls}">{n}</td>')
        rows.append(f"<tr><th>{escape(g)}</th>{''.join(cells)}</tr>")
    return ('<h2>Type confusion</h2><p>Rows: gold type; columns: predicted type (same-type '
            'overlaps first, then exact spans, then overlapping spans).</p>'
            f'<table id="confusion"><tr><th>gold \\ predicted</th>{head}</tr>{"".join(rows)}</table>')


def html_report(report: dict[str, Any], title: str = "newsfacts evaluation") -> str:
    """A self-contained HTML page: per-type bars, the confusion matrix, all figures as text."""
    parts = [f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(title)}"
             f"</title><style>{CSS}</style></head><body><h1>{escape(title)}</h1>"]
    overall = report["entities"]["strict"]["overall"]
    parts.append(f'<p id="summary">Strict micro F1 <b>{overall["f1"]:.3f}</b> (P {overall["p"]:.3f}, '
                 f'R {overall["r"]:.3f}); lenient F1 '
                 f'<b>{report["entities"]["lenient"]["overall"]["f1"]:.3f}</b>.</p>')
    parts += [_entity_table(report, mode) for mode in MODES]
    if report.get("languages"):
        rows = "".join(f'<tr><td>{escape(lang)}</td>'
                       + "".join(f'<td>{m[mode]["overall"][k]:.3f}</td>' for mode in MODES
                                 for k in ("p", "r", "f1"))
                       + "</tr>" for lang, m in report["languages"].items())
        parts.append('<h2>By language</h2><table id="languages"><tr><th>language</th><th>strict P</th>'
                     '<th>strict R</th><th>strict F1</th><th>lenient P</th><th>lenient R</th>'
                     f'<th>lenient F1</th></tr>{rows}</table>')
    parts.append(_confusion_table(report))
    parts.append(_accuracy_section(report))
    docs = ", ".join(f"{escape(k)} {v}" for k, v in report.get("documents", {}).items())
    parts.append(f'<p id="documents">Documents: {docs}</p></body></html>')
    return "".join(parts)


def _accuracy_section(report: dict[str, Any]) -> str:
    items = [(f"norm {t}", a) for t, a in report["norm"].items()]
    items.append(("linking (canonical.id)", report["linking"]))
    rows = [f'<tr><td>{escape(what)}</td><td>{a["correct"]}</td><td>{a["total"]}</td>'
            f'<td>{a["accuracy"]:.3f}</td></tr>' if a["total"] else
            f'<tr><td>{escape(what)}</td><td>0</td><td>0</td><td>n/a</td></tr>' for what, a in items]
    events = "".join(f'<tr><td>{escape(k.replace("_", " "))}</td><td>{c["tp"]}</td><td>{c["fp"]}</td>'
                     f'<td>{c["fn"]}</td><td>{c["p"]:.3f}</td><td>{c["r"]:.3f}</td><td>{c["f1"]:.3f}</td></tr>'
                     for k, c in report["events"].items())
    return ('<h2>Normalisation and linking (on lenient matches)</h2><table id="accuracy"><tr><th>what</th>'
            f'<th>correct</th><th>total</th><th>accuracy</th></tr>{"".join(rows)}</table>'
            '<h2>Events (target, action, list, date)</h2><table id="events"><tr><th>tuples</th><th>tp</th>'
            f'<th>fp</th><th>fn</th><th>P</th><th>R</th><th>F1</th></tr>{events}</table>')
