"""Texts of the gold documents that live in the shared data folder, rebuilt exactly.

The held-out gold stores no article text, only where to find it: ``source = {"set", "path",
"selector"}`` with ``path`` relative to the shared data folder. ``load_text(source)`` rebuilds the
exact string the offsets point into (deterministic; the gold's ``sha256`` checks it):

- ``mofcom`` (a reference-docs ``.md`` announcement): ``selector = {"lines": [first, last]}``,
  1-based inclusive line numbers (``last`` null = to the end of the file), the lines joined with
  "\\n", trailing whitespace of the whole removed. Used to drop the URL / "来源" header line.
- ``fr`` (a Federal Register abstract ``.txt``): the whole file, trailing whitespace removed.
- ``cluener`` (``dev.json``): ``selector = {"lines": [n, ...]}``, 1-based line numbers of the
  JSONL file; the sentences' ``text`` joined with "\\n", in the given order.
- ``conll`` (``eng.testb``): ``selector = {"doc": i, "sentences": [a, b]}``: the i-th
  ``-DOCSTART-`` block (0-based), sentences a..b-1 of it (0-based, b null = all); each
  sentence's tokens joined with one space, sentences joined with "\\n".
- ``kmou`` (a KMOU ``corpus/NNNNN_NER.txt``): ``selector = {"sentences": [n, ...]}``: the raw
  sentence line (the ``## `` line after the ``## n`` header) of each numbered sentence, joined
  with "\\n", in the given order.
- ``klue`` (``klue-ner-v1.1_dev.tsv``): ``selector = {"ids": [sentence id, ...]}``; each
  sentence rebuilt from its character lines, sentences joined with "\\n", in the given order.

"""
from __future__ import annotations

import hashlib
import json

from .ner_sets import data_dir

def _read(path: str) -> str:
    return (data_dir() / path).read_text(encoding="utf-8")


def read_file(path: str) -> str:
    """A whole file of the shared data folder, decoded as UTF-8 with universal newlines."""
    return _read(path)


def file_sha(path: str) -> str:
    """SHA-256 of a shared data file's bytes."""
    return hashlib.sha256((data_dir() / path).read_bytes()).hexdigest()


def _mofcom(path: str, sel: dict) -> str:
    first, last = sel["lines"]
    lines = _read(path).splitlines()
    return "\n".join(lines[first - 1:last]).rstrip()


def _cluener(path: str, sel: dict) -> str:
    rows = _read(path).splitlines()
    return "\n".join(json.loads(rows[n - 1])["text"] for n in sel["lines"])


def _conll(path: str, sel: dict) -> str:
    docs: list[list[list[str]]] = []
    for line in _read(path).splitlines():
        if line.startswith("-DOCSTART-"):
            docs.append([[]])
        elif not line.strip():
            if docs and docs[-1][-1]:
                docs[-1].append([])
        elif docs:
            docs[-1][-1].append(line.split()[0])
    sents = [s for s in docs[sel["doc"]] if s]
    a, b = sel.get("sentences") or [0, None]
    return "\n".join(" ".join(s) for s in sents[a:b])


def _klue(path: str, sel: dict) -> str:
    sents: dict[str, list[str]] = {}
    cur: list[str] | None = None
    for line in _read(path).split("\n"):
        if line.startswith("## klue"):
            cur = sents.setdefault(line[3:].split("\t", 1)[0], [])
        elif line.startswith("##") or not line:
            continue
        elif cur is not None:
            cur.append(line.rsplit("\t", 1)[0])
    return "\n".join("".join(sents[i]) for i in sel["ids"])


def _kmou(path: str, sel: dict) -> str:
    lines = _read(path).split("\n")
    raw = {int(lines[i][3:]): lines[i + 1][3:] for i in range(len(lines) - 1)
           if lines[i].startswith("## ") and lines[i][3:].strip().isdigit()}
    return "\n".join(raw[n] for n in sel["sentences"])


_LOADERS = {"mofcom": _mofcom, "cluener": _cluener, "conll": _conll, "klue": _klue, "kmou": _kmou}


def load_text(source: dict) -> str:
    """The document text that a held-out gold record's offsets refer to."""
    if source["set"] == "fr":
        return _read(source["path"]).rstrip()
    return _LOADERS[source["set"]](source["path"], source["selector"])


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
