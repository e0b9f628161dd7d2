"""Corpus facts: the events of many records, in any languages, as one sourced sanctions timeline.

``newsfacts facts OUT.jsonl... -o FACTS`` reads output records (JSONL, the record schema in
``pipeline/schema/``) and nothing else of the pipeline, and writes one fact per
(target party, list, action, round)::

    {"id": "fact:…",
     "target": {"id": "nf:hikvision" | "name:<key>", "name", "names": {ko, zh, en}, "type",
                "merged": [{"record", "id": "doc:…", "name", "key", "how"}]},   # document-level parties
     "authority": {"id", "name", "names"}, "list": {"id", "name"}, "action": "add",
     "round": 1, "rounds": 2,                          # this round of (party, list, action), of all
     "date": {"value", "precision"},                   # the most precise date the reports support
     "first_published": "2019-10-08",                  # the earliest report's publication date
     "dates": [{"value", "precision", "reports", "languages", "agrees"}],   # every distinct date
     "date_conflict": false,                           # a report contradicts the date
     "reports": 3, "documents": 3, "languages": {"en": 1, "ko": 1, "zh": 1},
     "official": {"status": "confirmed" | "removed" | "not_listed" | "unknown",
                  "entries": [...KB list entries], "date_match": true | false | null},
     "sources": [report + "date_agrees"]}              # pipeline/facts/reports.py

Modules: :mod:`.reports` (records -> reports), :mod:`.names` (party keys, cross-document name
merging), :mod:`.dates` and :mod:`.rounds` (rounds, date reconciliation), :mod:`.official`
(KB list status), :mod:`.build` (a fact from its reports), :mod:`.store` and :mod:`.local`
(the streaming local engine), :mod:`.ray_engine` (the same on Ray Data), :mod:`.writers` and
:mod:`.ftm` (output formats), :mod:`.timeline` (the HTML page).
"""
