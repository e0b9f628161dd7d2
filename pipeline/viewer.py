"""One self-contained HTML page for output records: highlighted entities, events as tables.

Hovering an entity shows its type, id, source, score, normalised value and canonical names
(``title`` attributes); each article's sanction events are a table (who, whom, list, when, why,
evidence). Error records are listed as such. No script, no external resource.
"""
from __future__ import annotations

import html
import json
from typing import Any, Iterable

#: one colour per entity type (the viewer's legend and displaCy's ``colors`` option)
COLORS = {
    "FIRM": "#7aecec", "UNIVERSITY": "#a0d8ef", "GOV": "#feca74", "ORG": "#c7e9b4",
    "PERSON": "#aa9cfc", "LOC": "#ff9561", "MONEY": "#e4e7d2", "DATE": "#f4a6c6",
    "PERCENT": "#ddd98f", "QUANTITY": "#e0e0e0",
}

STYLE = """
body{font-family:system-ui,"Noto Sans CJK SC","Noto Sans CJK KR",sans-serif;margin:1.5em auto;
max-width:68em;padding:0 1em;color:#222;line-height:1.6}
h1{font-size:1.4em}h2{font-size:1.15em;margin-bottom:.2em}
.legend span{display:inline-block;padding:0 .5em;margin:0 .3em .3em 0;border-radius:.3em}
.doc{border-top:1px solid #ccc;padding:.6em 0 1em}
.meta{color:#666;font-size:.85em;margin:0 0 .6em}
.text{white-space:pre-wrap;font-size:1.02em}
mark{padding:.05em .15em;border-radius:.25em;cursor:help}
mark::after{content:attr(data-type);font-size:.6em;font-weight:bold;margin-left:.25em;
vertical-align:super;opacity:.7}
mark mark{border:1px solid rgba(0,0,0,.25)}
.evidence{text-decoration:underline dotted #b00;text-underline-offset:.35em}
.skipped{color:#999}
table{border-collapse:collapse;margin-top:.7em;font-size:.9em;width:100%}
th,td{border:1px solid #ccc;padding:.25em .45em;text-align:left;vertical-align:top}
th{background:#f3f3f3}
.error h2{color:#b00}
"""


def render(records: Iterable[dict[str, Any]], title: str = "newsfacts") -> str:
    """The HTML page for ``records`` (output records and error records, in order)."""
    articles = []
    counts = {"records": 0, "errors": 0, "events": 0}
    for n, record in enumerate(records, 1):
        if "error" in record:
            counts["errors"] += 1
            articles.append(_error(record, n))
        else:
            counts["records"] += 1
            counts["events"] += len(record.get("events", []))
            articles.append(_article(record, n))
    legend = "".join(f'<span style="background:{c}">{t}</span>' for t, c in COLORS.items())
    summary = (f'{counts["records"]} articles, {counts["errors"]} error records, '
               f'{counts["events"]} events')
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f"<style>{STYLE}{_type_css()}</style></head><body>"
            f'<h1>{_e(title)}</h1><p class="summary">{summary}</p>'
            f'<div class="legend">{legend}</div>{"".join(articles)}</body></html>\n')


def _type_css() -> str:
    return "".join(f'mark[data-type="{t}"]{{background:{c}}}' for t, c in COLORS.items())


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _error(record: dict[str, Any], n: int) -> str:
    err = record.get("error") or {}
    where = f'line {record.get("line", "?")}' + (f' of {record["source"]}' if record.get("source") else "")
    return (f'<article class="doc error" id="doc-{n}"><h2>error: {_e(record.get("id") or "(no id)")}</h2>'
            f'<p class="message">{_e(where)}: stage <b>{_e(err.get("stage", "?"))}</b>, '
            f'{_e(err.get("type", "?"))}: {_e(err.get("message", ""))}</p></article>')


def _article(record: dict[str, Any], n: int) -> str:
    meta = record.get("meta") or {}
    heading = meta.get("title") or record["id"]
    parts = [f'id {record["id"]}', f'lang {record.get("lang", "und")}']
    if meta.get("published"):
        parts.append(f'published {meta["published"]}')
    info = " · ".join(_e(p) for p in parts)
    if meta.get("url"):
        info += f' · <a href="{_e(meta["url"])}">{_e(meta["url"])}</a>'
    return (f'<article class="doc" id="doc-{n}" data-id="{_e(record["id"])}"><h2>{_e(heading)}</h2>'
            f'<p class="meta">{info}</p><div class="text" lang="{_e(record.get("lang", ""))}">'
            f'{_highlight(record)}</div>{_events(record)}</article>')


def _highlight(record: dict[str, Any]) -> str:
    """The text with nested marks: evidence spans outside, entities inside, skipped regions grey."""
    spans: list[tuple[int, int, int, str, str]] = []
    for ev in record.get("events", []):
        for s in ev.get("evidence", []):
            spans.append((s["start"], s["end"], 0,
                          f'<span class="evidence" title="evidence of {_e(ev["id"])}">', "</span>"))
    for r in record.get("skipped", []):
        spans.append((r["start"], r["end"], 1,
                       f'<span class="skipped" title="skipped: {_e(r["reason"])}">', "</span>"))
    for ent in record.get("entities", []):
        spans.append((ent["start"], ent["end"], 2,
                      f'<mark data-type="{_e(ent["type"])}" data-id="{_e(ent["id"])}" '
                      f'title="{_e(entity_tooltip(ent))}">', "</mark>"))
    return nest(record["text"], spans)


def nest(text: str, spans: list[tuple[int, int, int, str, str]]) -> str:
    """Escape ``text`` and wrap (start, end, rank, open, close) spans, nested; a span that
    crosses an open one is left out (it cannot nest)."""
    out: list[str] = []
    stack: list[tuple[int, str]] = []
    pos = 0
    for start, end, _, open_tag, close_tag in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
        while stack and stack[-1][0] <= start:
            top_end, top_close = stack.pop()
            out.append(_e(text[pos:top_end]) + top_close)
            pos = top_end
        if stack and end > stack[-1][0]:
            continue
        out.append(_e(text[pos:start]) + open_tag)
        stack.append((end, close_tag))
        pos = start
    while stack:
        top_end, top_close = stack.pop()
        out.append(_e(text[pos:top_end]) + top_close)
        pos = top_end
    out.append(_e(text[pos:]))
    return "".join(out)


def entity_tooltip(ent: dict[str, Any]) -> str:
    """Hover text: type, id, source, score, normalised value, canonical id and names."""
    lines = [f'{ent["type"]} {ent["id"]} · source {ent.get("source", "?")}'
             + (f' · score {ent["score"]:.2f}' if isinstance(ent.get("score"), (int, float)) else "")]
    if ent.get("norm"):
        lines.append("norm: " + ", ".join(f"{k}={_plain(v)}" for k, v in ent["norm"].items()))
    canonical = ent.get("canonical")
    if canonical:
        names = " / ".join(f"{k}: {v}" for k, v in (canonical.get("names") or {}).items())
        lines.append(f'canonical: {canonical.get("id")} {canonical.get("name", "")}'
                     + (f" ({names})" if names else ""))
    return "\n".join(lines)


def _plain(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


EVENT_COLUMNS = ("event", "action", "who", "whom", "list", "when", "why", "evidence", "score")


def _events(record: dict[str, Any]) -> str:
    events = record.get("events", [])
    if not events:
        return '<p class="no-events">no events</p>'
    head = "".join(f"<th>{c}</th>" for c in EVENT_COLUMNS)
    rows = "".join(_event_row(record, ev) for ev in events)
    return f'<table class="events"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _event_row(record: dict[str, Any], ev: dict[str, Any]) -> str:
    entities = {e["id"]: e for e in record.get("entities", [])}
    text = record["text"]
    lst = ev.get("list") or {}
    date = ev.get("date") or {}
    cells = {
        "event": ev["id"],
        "action": ev.get("action", ""),
        "who": _entity_name(entities, ev.get("authority")),
        "whom": "; ".join(_entity_name(entities, t) for t in ev.get("targets", [])),
        "list": lst.get("name", "") + (f' ({lst["id"]})' if lst.get("id") else ""),
        "when": (f'{date["value"]} ({date.get("precision", "?")})' if date.get("value") else ""),
        "why": (ev.get("reason") or {}).get("text", ""),
        "evidence": " … ".join(text[s["start"]:s["end"]] for s in ev.get("evidence", [])),
        "score": f'{ev["score"]:.2f}' if isinstance(ev.get("score"), (int, float)) else "",
    }
    tds = "".join(f'<td class="{c}">{_e(cells[c])}</td>' for c in EVENT_COLUMNS)
    return f'<tr data-event="{_e(ev["id"])}">{tds}</tr>'


def _entity_name(entities: dict[str, dict[str, Any]], entity_id: str | None) -> str:
    if not entity_id:
        return ""
    ent = entities.get(entity_id)
    if ent is None:
        return entity_id
    canonical = (ent.get("canonical") or {}).get("name")
    return ent["text"] + (f" [{canonical}]" if canonical and canonical != ent["text"] else "")
