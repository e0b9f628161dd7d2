"""Training and evaluation sets as records ``{"id", "lang", "text", "entities", ["tokens"]}``.

Each reader yields entities ``{"start", "end", "type", "text"}`` with character offsets into
``text``; CoNLL records also carry ``"tokens"`` (``[[start, end], ...]``, tokens joined by spaces).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

Record = dict[str, Any]


def _entity(text: str, start: int, end: int, type_: str) -> dict[str, Any]:
    return {"start": start, "end": end, "type": type_, "text": text[start:end]}


def bio_spans(tags: list[str], iob1: bool = False) -> list[tuple[int, int, str]]:
    """Spans ``(first, last + 1, type)`` of a BIO tag sequence (IOB1 when ``iob1``)."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, label = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and (label != kind or start < 0)) \
            or prefix in ("S",)
        if prefix in ("O", "") or begins:
            if start >= 0:
                spans.append((start, i, kind))
            start, kind = (i, label) if prefix != "O" and tag != "O" else (-1, "")
        if prefix in ("E", "S") and start >= 0:
            spans.append((start, i + 1, kind))
            start, kind = -1, ""
    return spans


def read_klue(path: str | Path) -> Iterator[Record]:
    """KLUE-NER TSV: ``## id<TAB>tagged`` header, then one ``char<TAB>tag`` line per character."""
    block: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in list(fh) + ["\n"]:
            line = line.rstrip("\n")
            if line:
                block.append(line)
                continue
            heads = [i for i, row in enumerate(block) if row.startswith("## ")]
            if heads and heads[-1] + 1 < len(block):
                sid = block[heads[-1]][3:].split("\t", 1)[0]
                chars, tags = [], []
                for row in block[heads[-1] + 1:]:
                    char, _, tag = row.rpartition("\t")
                    chars.append(char or " ")
                    tags.append(tag)
                text = "".join(chars)
                yield {"id": sid, "lang": "ko", "text": text,
                       "entities": [_entity(text, s, e, t) for s, e, t in bio_spans(tags)]}
            block = []


def read_cluener(path: str | Path) -> Iterator[Record]:
    """CLUENER2020 JSON lines: ``{"text", "label": {type: {name: [[start, last], ...]}}}``."""
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if not line.strip():
                continue
            obj = json.loads(line)
            text = obj["text"]
            ents = [_entity(text, s, e + 1, type_)
                    for type_, names in (obj.get("label") or {}).items()
                    for spans in names.values() for s, e in spans]
            yield {"id": str(obj.get("id", i)), "lang": "zh", "text": text,
                   "entities": sorted(ents, key=lambda x: (x["start"], x["end"]))}


def read_conll(path: str | Path, scheme: str = "iob1") -> Iterator[Record]:
    """CoNLL-2003 ``token POS chunk NER`` lines; ``scheme`` is ``iob1`` (the original) or ``iob2``."""
    doc, n = 0, 0
    rows: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in list(fh) + [""]:
            parts = line.split()
            if parts and parts[0] == "-DOCSTART-":
                doc += 1
                continue
            if parts:
                rows.append((parts[0], parts[-1]))
                continue
            if not rows:
                continue
            tokens, pos = [], 0
            for word, _ in rows:
                tokens.append([pos, pos + len(word)])
                pos += len(word) + 1
            text = " ".join(w for w, _ in rows)
            spans = bio_spans([t for _, t in rows], iob1=scheme == "iob1")
            yield {"id": f"{Path(path).name}-{n}", "lang": "en", "text": text, "tokens": tokens,
                   "doc": doc, "entities": [_entity(text, tokens[s][0], tokens[e - 1][1], t)
                                            for s, e, t in spans]}
            rows, n = [], n + 1


def read_bmes(path: str | Path, lang: str = "zh") -> Iterator[Record]:
    """One ``char tag`` per line (BMES or BIO), blank line between sentences."""
    chars: list[str] = []
    tags: list[str] = []
    n = 0
    with open(path, encoding="utf-8") as fh:
        for line in list(fh) + [""]:
            parts = line.split()
            if len(parts) >= 2:
                chars.append(parts[0][0])
                tags.append(parts[-1].replace("M-", "I-"))
                continue
            if chars:
                text = "".join(chars)
                yield {"id": f"{Path(path).name}-{n}", "lang": lang, "text": text,
                       "entities": [_entity(text, s, e, t) for s, e, t in bio_spans(tags)]}
                chars, tags, n = [], [], n + 1


def read_msra(path: str | Path) -> Iterator[Record]:
    """MSRA bakeoff lines of ``text/tag`` segments (tag nr, ns, nt or o)."""
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            text, ents = "", []
            for seg in line.split():
                word, _, tag = seg.rpartition("/")
                if tag != "o" and word:
                    ents.append(_entity(text + word, len(text), len(text) + len(word), tag))
                text += word
            if text:
                for e in ents:
                    e["text"] = text[e["start"]:e["end"]]
                yield {"id": f"msra-{i}", "lang": "zh", "text": text, "entities": ents}


READERS = {"klue": read_klue, "cluener": read_cluener, "conll": read_conll,
           "bmes": read_bmes, "msra": read_msra}


def read(fmt: str, path: str | Path) -> Iterator[Record]:
    """Records of the file ``path`` in format ``fmt`` (one of :data:`READERS`)."""
    try:
        reader = READERS[fmt]
    except KeyError:
        raise ValueError(f"unknown data format {fmt!r} (known: {', '.join(READERS)})") from None
    return reader(path)
