"""The timeline page of a facts file (``newsfacts show --facts FACTS -o timeline.html``).

One self-contained HTML file (inline style and script, no network): a lane per (list, authority)
with each fact as a dot at its date (a lane left without facts by the filters is hidden), filters
by list, language and official status, and the facts below, each a ``<details>`` that opens to
its sources (language, publication date, record and link, reported date, score) with the
evidence text and the target's mentions highlighted.
The filters live in the address (``#list=us-entity-list&lang=ko,zh&status=confirmed``), and
``#fact-<id>`` opens one fact, so a filtered view can be linked to.
"""
from __future__ import annotations

import html
from typing import Any, Iterable

from .dates import span

STATUSES = ("confirmed", "removed", "not_listed", "unknown")

STYLE = """
body{font-family:system-ui,"Noto Sans CJK SC","Noto Sans CJK KR",sans-serif;margin:1.2em auto;
max-width:76em;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.4em;margin-bottom:.2em}.summary{color:#555;margin-top:0}
fieldset{display:inline-block;border:1px solid #ccc;border-radius:.3em;margin:0 .6em .6em 0;vertical-align:top}
legend{font-weight:bold;font-size:.9em}label{margin-right:.7em;font-size:.9em;white-space:nowrap}
.lanes{margin:1em 0;border-top:1px solid #ddd}
.lane{display:flex;align-items:center;border-bottom:1px solid #eee;min-height:1.8em}
.lane-name{width:15rem;flex:none;font-size:.85em;padding-right:.5em}
.track{position:relative;flex:1;height:1.6em;background:linear-gradient(#eee,#eee) 0 50%/100% 1px no-repeat}
.dot{position:absolute;top:.35em;width:.9em;height:.9em;margin-left:-.45em;border-radius:50%;
background:#4a7fd0;border:1px solid #fff;display:block}
.dot.confirmed{background:#2b9348}.dot.removed{background:#888}.dot.not_listed{background:#d00000}
.dot.conflict{box-shadow:0 0 0 2px #f4a300}
.axis{display:flex;margin-left:15rem;font-size:.75em;color:#666}
.ticks{position:relative;flex:1;height:1.2em}.ticks span{position:absolute;margin-left:-1em;border-left:1px solid #ccc;padding-left:2px}
details.fact{border-top:1px solid #ddd;padding:.35em 0}
details.fact>summary{cursor:pointer}
.badge{display:inline-block;font-size:.75em;padding:0 .45em;border-radius:.3em;background:#eee;margin-left:.3em}
.badge.confirmed{background:#c7efcf}.badge.not_listed{background:#ffd6d6}.badge.removed{background:#ddd}
.badge.conflict{background:#ffe5b4}
table{border-collapse:collapse;margin:.5em 0;font-size:.88em;width:100%}
th,td{border:1px solid #ccc;padding:.2em .4em;text-align:left;vertical-align:top}th{background:#f3f3f3}
td.evidence{white-space:pre-wrap}mark{background:#ffe066;padding:0 .1em}
tr.disagrees td.date{color:#b00;font-weight:bold}
[hidden]{display:none!important}
"""

SCRIPT = """
(function(){
  var groups=["list","lang","status"];
  function checked(g){return Array.prototype.filter.call(document.querySelectorAll('input[data-group="'+g+'"]'),
    function(i){return i.checked}).map(function(i){return i.value});}
  function apply(){
    var want={};groups.forEach(function(g){want[g]=checked(g)});
    var shown=0;
    document.querySelectorAll("[data-fact]").forEach(function(el){
      var langs=el.getAttribute("data-langs").split(" ");
      var ok=want.list.indexOf(el.getAttribute("data-list"))>=0
        && want.status.indexOf(el.getAttribute("data-status"))>=0
        && langs.some(function(l){return want.lang.indexOf(l)>=0});
      el.hidden=!ok; if(ok&&el.tagName==="DETAILS")shown++;
    });
    document.querySelectorAll(".lane").forEach(function(lane){
      lane.hidden=!lane.querySelector("a.dot:not([hidden])");});
    document.getElementById("shown").textContent=shown;
    return want;
  }
  function toHash(){
    var parts=[];groups.forEach(function(g){
      var all=document.querySelectorAll('input[data-group="'+g+'"]').length,c=checked(g);
      if(c.length<all)parts.push(g+"="+c.map(encodeURIComponent).join(","));});
    history.replaceState(null,"",parts.length?"#"+parts.join("&"):location.pathname);
  }
  function fromHash(){
    var h=decodeURIComponent(location.hash.slice(1));
    if(h.indexOf("fact-")===0){var d=document.getElementById(h);if(d){d.open=true;d.scrollIntoView();}return;}
    h.split("&").forEach(function(p){
      var kv=p.split("=");if(groups.indexOf(kv[0])<0)return;var vals=(kv[1]||"").split(",");
      document.querySelectorAll('input[data-group="'+kv[0]+'"]').forEach(function(i){
        i.checked=vals.indexOf(i.value)>=0;i.toggleAttribute("checked",i.checked);});
    });
  }
  fromHash();apply();
  document.getElementById("filters").addEventListener("change",function(){apply();toHash();});
  document.querySelectorAll("a.dot").forEach(function(a){a.addEventListener("click",function(){
    var d=document.getElementById(a.getAttribute("href").slice(1));if(d)d.open=true;});});
})();
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def render(facts: Iterable[dict[str, Any]], title: str = "newsfacts timeline") -> str:
    """The page for ``facts`` (the JSONL facts of ``newsfacts facts``)."""
    facts = sorted(facts, key=lambda f: (_when(f) or "9999", f["target"].get("name") or "", f["id"]))
    lists = sorted({_list_id(f) for f in facts})
    langs = sorted({lang for f in facts for lang in f["languages"]})
    days = [d for d in (_when(f) for f in facts) if d]
    first, last = (min(days), max(days)) if days else ("", "")
    filters = "".join((
        _fieldset("list", "List", [(x, x if x != "-" else "(no list)") for x in lists]),
        _fieldset("lang", "Language", [(x, x) for x in langs]),
        _fieldset("status", "Official status", [(x, x.replace("_", " ")) for x in STATUSES]),
    ))
    summary = (f'<span id="shown">{len(facts)}</span> of {len(facts)} facts, '
               f'{sum(f["reports"] for f in facts)} reports; {_e(first)} to {_e(last)}')
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f'<style>{STYLE}</style></head><body><h1>{_e(title)}</h1><p class="summary">{summary}</p>'
            f'<form id="filters">{filters}</form>{_lanes(facts, first, last)}'
            f'<section class="facts">{"".join(_fact(f) for f in facts)}</section>'
            f'<script>{SCRIPT}</script></body></html>\n')


def _when(fact: dict[str, Any]) -> str | None:
    """The first day of the fact's date, else its first publication day."""
    s = span(fact.get("date"))
    if s:
        return s.first.isoformat()
    return (fact.get("first_published") or "")[:10] or None


def _list_id(fact: dict[str, Any]) -> str:
    return (fact.get("list") or {}).get("id") or "-"


def _langs(fact: dict[str, Any]) -> str:
    return " ".join(sorted(fact["languages"]))


def _attrs(fact: dict[str, Any]) -> str:
    return (f'data-fact="{_e(fact["id"])}" data-list="{_e(_list_id(fact))}" '
            f'data-langs="{_e(_langs(fact))}" data-status="{_e(fact["official"]["status"])}"')


def _fieldset(group: str, legend: str, options: list[tuple[str, str]]) -> str:
    boxes = "".join(f'<label><input type="checkbox" data-group="{group}" value="{_e(v)}" checked> {_e(text)}</label>'
                    for v, text in options)
    return f'<fieldset><legend>{legend}</legend>{boxes}</fieldset>'


def _lanes(facts: list[dict[str, Any]], first: str, last: str) -> str:
    import datetime as dt

    if not first:
        return ""
    lo, hi = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    width = max((hi - lo).days, 1)
    lanes: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for f in facts:
        authority = (f.get("authority") or {}).get("name") or "?"
        lanes.setdefault(((f.get("list") or {}).get("name") or "(no list)", authority), []).append(f)
    rows = []
    for (list_name, authority), members in sorted(lanes.items()):
        dots = []
        for f in members:
            when = _when(f)
            if not when:
                continue
            left = 100 * (dt.date.fromisoformat(when) - lo).days / width
            cls = f'dot {f["official"]["status"]}' + (" conflict" if f["date_conflict"] else "")
            tip = f'{when} {f["target"].get("name")} ({f["action"]}, {f["reports"]} reports: {_langs(f)})'
            dots.append(f'<a class="{cls}" href="#fact-{_e(f["id"])}" {_attrs(f)} style="left:{left:.2f}%" '
                        f'title="{_e(tip)}"></a>')
        rows.append(f'<div class="lane"><div class="lane-name">{_e(list_name)} · {_e(authority)}</div>'
                    f'<div class="track">{"".join(dots)}</div></div>')
    ticks = "".join(f'<span style="left:{100 * (dt.date(y, 1, 1) - lo).days / width:.2f}%">{y}</span>'
                    for y in range(lo.year + 1, hi.year + 1) if y % max(1, -(-(hi.year - lo.year) // 12)) == 0)
    return (f'<div class="lanes">{"".join(rows)}</div>'
            f'<div class="axis"><div class="ticks">{ticks}</div></div>')


def _fact(fact: dict[str, Any]) -> str:
    target, date = fact["target"], fact.get("date") or {}
    status = fact["official"]["status"]
    names = " / ".join(dict.fromkeys(v for v in (target.get("names") or {}).values() if v))
    badges = (f'<span class="badge {status}">{_e(status.replace("_", " "))}</span>'
              + ('<span class="badge conflict">date conflict</span>' if fact["date_conflict"] else "")
              + (f'<span class="badge">round {fact["round"]} of {fact["rounds"]}</span>' if fact["rounds"] > 1 else ""))
    head = (f'<summary><b class="when">{_e(date.get("value") or "undated")}</b> '
            f'<span class="target">{_e(target.get("name") or target["id"])}</span> '
            f'<span class="action">{_e(fact["action"])}</span> → '
            f'<span class="list">{_e((fact.get("list") or {}).get("name") or "(no list)")}</span> '
            f'<span class="langs">[{_e(", ".join(f"{k} {v}" for k, v in fact["languages"].items()))}]</span>'
            f'{badges}</summary>')
    dates = "; ".join(f'{_e(d["value"])} ({_e(d["precision"])}, {d["reports"]} report{"s" * (d["reports"] != 1)}'
                      f'{"" if d["agrees"] else ", disagrees"})' for d in fact["dates"]) or "none reported"
    merged = ""
    if target.get("merged"):
        merged = "<p>Merged across documents: " + "; ".join(
            f'{_e(m["name"])} in {_e(m["record"])} ({_e(m["how"])})' for m in target["merged"]) + "</p>"
    entries = fact["official"].get("entries") or []
    official = f'<p>Official: <b>{_e(status.replace("_", " "))}</b>' + (
        " — KB: " + "; ".join(_e(", ".join(f"{k} {v}" for k, v in e.items() if k != "list")) for e in entries)
        if entries else "") + "</p>"
    body = (f'<p>{_e(target["id"])}{" — " + _e(names) if names else ""}; authority '
            f'{_e((fact.get("authority") or {}).get("name") or "?")}; first published '
            f'{_e(fact.get("first_published") or "?")}</p><p>Dates: {dates}</p>{official}{merged}'
            f'<table class="sources"><tr><th>lang</th><th>published</th><th>record</th><th>date</th>'
            f'<th>score</th><th>evidence</th></tr>{"".join(_source(s) for s in fact["sources"])}</table>')
    return f'<details class="fact" id="fact-{_e(fact["id"])}" {_attrs(fact)}>{head}{body}</details>'


def _source(source: dict[str, Any]) -> str:
    record = _e(source["record"])
    link = f'<a href="{_e(source["url"])}">{record}</a>' if source.get("url") else record
    date = source.get("date") or {}
    cls = ' class="disagrees"' if source.get("date_agrees") is False else ""
    evidence = " … ".join(_highlight(e, source.get("marks", [])) for e in source.get("evidence", []))
    return (f'<tr{cls} data-record="{record}"><td class="lang">{_e(source.get("lang"))}</td>'
            f'<td>{_e(source.get("published"))}</td><td>{link}</td>'
            f'<td class="date">{_e(date.get("value") or "-")}</td><td>{_e(source.get("score"))}</td>'
            f'<td class="evidence">{evidence}</td></tr>')


def _highlight(evidence: dict[str, Any], marks: list[dict[str, int]]) -> str:
    """The evidence text with the marks inside it wrapped in ``<mark>`` (escaped, overlaps skipped)."""
    text, base, out, pos = evidence["text"], evidence["start"], [], 0
    for m in sorted(marks, key=lambda m: (m["start"], m["end"])):
        a, b = m["start"] - base, m["end"] - base
        if a < pos or b > len(text):
            continue
        out.append(_e(text[pos:a]) + f"<mark>{_e(text[a:b])}</mark>")
        pos = b
    out.append(_e(text[pos:]))
    return "".join(out)

