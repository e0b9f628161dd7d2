"""The public NER data sets in ``../shared/data``: readers of their formats, where each split lies
(:data:`SETS`), and tag-sequence decoding.

Every reader yields gold documents, one per sentence::

    {"id": str, "lang": "ko"|"zh"|"en", "text": str,
     "entities": [{"start", "end", "type", "text"}]}

with character offsets into ``text`` and ``type`` the set's own tag (``PS``, ``company``,
``PER``, ``nr``...). Token-based formats (CoNLL) also give ``"tokens": [[start, end], ...]``.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from ..errors import ConfigError


def data_dir() -> Path:
    """The shared data folder: ``$NEWSFACTS_SHARED_DATA``, else ``../shared/data`` seen from the
    working directory (the repository root in a checkout)."""
    return Path(os.environ.get("NEWSFACTS_SHARED_DATA") or Path.cwd().parent / "shared" / "data")


def spans_from_tags(tags: list[str], scheme: str = "iob2") -> list[tuple[int, int, str]]:
    """Decode a tag sequence into ``(first, last + 1, type)`` spans over its positions.

    ``scheme``: ``iob2`` (B- starts a mention; an I- that does not continue one of the same type
    starts one too, as seqeval does), ``iob1`` (I- starts a mention unless it continues one of the
    same type; B- only separates two adjacent mentions of one type) or ``bmes`` (B/M/E/S, also
    accepting I for M). Tags are ``PREFIX-TYPE`` or ``O``.
    """
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""

    def close(end: int) -> None:
        nonlocal start, kind
        if start >= 0:
            spans.append((start, end, kind))
        start, kind = -1, ""

    for i, tag in enumerate(tags):
        if tag == "O" or "-" not in tag:
            close(i)
            continue
        prefix, label = tag.split("-", 1)
        if scheme == "bmes":
            if prefix in ("B", "S") or label != kind:
                close(i)
                start, kind = i, label
            if prefix in ("E", "S"):
                close(i + 1)
        elif prefix == "B" or label != kind:
            close(i)
            start, kind = i, label
    close(len(tags))
    return spans


def _entities(text: str, spans: list[tuple[int, int, str]]) -> list[dict]:
    return [{"start": s, "end": e, "type": t, "text": text[s:e]} for s, e, t in spans]


def _char_doc(doc_id: str, lang: str, chars: list[str], tags: list[str], scheme: str) -> dict:
    text = "".join(chars)
    return {"id": doc_id, "lang": lang, "text": text,
            "entities": _entities(text, spans_from_tags(tags, scheme))}


def read_klue(path: str | Path) -> Iterator[dict]:
    """KLUE-NER TSV: ``## id<TAB>tagged sentence`` then one ``CHAR<TAB>TAG`` line per character."""
    with open(path, encoding="utf-8") as fh:
        blocks = fh.read().split("\n\n")
    for block in blocks:
        lines = [line for line in block.split("\n") if line]
        header = [line for line in lines if line.startswith("##")]
        rows = [line.rsplit("\t", 1) for line in lines if not line.startswith("##")]
        if not rows:
            continue  # the comment block at the top
        doc_id = header[-1][2:].split("\t", 1)[0].strip()
        yield _char_doc(doc_id, "ko", [r[0] for r in rows], [r[1] for r in rows], "iob2")


def read_cluener(path: str | Path) -> Iterator[dict]:
    """CLUENER2020 JSON lines: ``{"text", "label": {type: {mention: [[start, end_incl], ...]}}}``."""
    stem = Path(path).stem
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if not line.strip():
                continue
            obj = json.loads(line)
            text = obj["text"]
            spans = [(s, e + 1, label)
                     for label, mentions in (obj.get("label") or {}).items()
                     for spans in mentions.values() for s, e in spans]
            spans.sort(key=lambda x: (x[0], -x[1], x[2]))
            yield {"id": str(obj.get("id", f"cluener-{stem}-{n:05d}")), "lang": "zh",
                   "text": text, "entities": _entities(text, spans)}


def _token_blocks(path: str | Path, sep: str | None) -> Iterator[list[list[str]]]:
    """Sentences of a column file as lists of fields; ``-DOCSTART-`` lines are dropped."""
    rows: list[list[str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if not line.strip():
                if rows:
                    yield rows
                rows = []
            elif not line.startswith("-DOCSTART-"):
                rows.append(line.split(sep) if sep else line.split())
    if rows:
        yield rows


def read_conll(path: str | Path, scheme: str = "iob1", *, lang: str = "en", joiner: str = " ",
               token: Callable[[str], str] = str, prefix: str = "") -> Iterator[dict]:
    """CoNLL / BIO column files: token first, NER tag last; one document per sentence.

    The text is the tokens joined by ``joiner`` (a space; ``""`` for Chinese characters); each
    document records its token offsets in ``tokens``. ``token`` cleans a raw token (WikiANN's
    ``en:`` prefix, Weibo's position digit). ``scheme`` is ``iob1`` (CoNLL-2003) or ``iob2``.
    """
    prefix = prefix or Path(path).name
    for n, rows in enumerate(_token_blocks(path, None)):
        words = [token(r[0]) for r in rows]
        offsets, pos = [], 0
        for w in words:
            offsets.append([pos, pos + len(w)])
            pos += len(w) + len(joiner)
        text = joiner.join(words)
        spans = [(offsets[s][0], offsets[e - 1][1], t)
                 for s, e, t in spans_from_tags([r[-1] for r in rows], scheme)]
        yield {"id": f"{prefix}-{n:05d}", "lang": lang, "text": text,
               "entities": _entities(text, spans), "tokens": offsets}


def read_bmes(path: str | Path) -> Iterator[dict]:
    """Character-per-line BMES files (Resume NER): ``CHAR TAG``."""
    prefix = Path(path).name
    for n, rows in enumerate(_token_blocks(path, None)):
        yield _char_doc(f"{prefix}-{n:05d}", "zh", [r[0] for r in rows], [r[-1] for r in rows], "bmes")


def read_msra(path: str | Path) -> Iterator[dict]:
    """MSRA slash format: one sentence per line, ``text/tag`` segments (nr ns nt o)."""
    prefix = Path(path).stem
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for n, line in enumerate(lines):
        text, spans = "", []
        for seg in line.split():
            chunk, _, tag = seg.rpartition("/")
            if tag != "o" and chunk:
                spans.append((len(text), len(text) + len(chunk), tag))
            text += chunk
        yield {"id": f"{prefix}-{n:05d}", "lang": "zh", "text": text, "entities": _entities(text, spans)}


@dataclass(frozen=True)
class DataSet:
    """A public set: its folder, files per split, reader, and language."""

    folder: str
    splits: dict[str, str]
    reader: Callable[[Path], Iterator[dict]]
    lang: str


def _weibo(path: Path) -> Iterator[dict]:
    return read_conll(path, "iob2", lang="zh", joiner="", token=lambda t: t[:-1] if len(t) > 1 else t)


def _wikiann(path: Path) -> Iterator[dict]:
    return read_conll(path, "iob2", token=lambda t: t[3:] if t.startswith("en:") else t,
                      prefix=f"wikiann-en-{path.name}")


def _conll2003(path: Path) -> Iterator[dict]:
    return read_conll(path, "iob1")


SETS: dict[str, DataSet] = {
    "klue-ner": DataSet("klue-ner", {"dev": "klue-ner-v1.1_dev.tsv"}, read_klue, "ko"),
    "klue-ner-train-reconstructed": DataSet(
        "klue-ner-train-reconstructed", {"train": "klue-ner-v1.1_train.reconstructed.tsv"},
        read_klue, "ko"),
    "cluener2020": DataSet("cluener2020", {"train": "train.json", "dev": "dev.json"}, read_cluener, "zh"),
    "conll2003": DataSet("conll2003", {"train": "eng.train", "testa": "eng.testa", "testb": "eng.testb"},
                         _conll2003, "en"),
    "weibo-ner": DataSet("weibo-ner", {s: f"weiboNER_2nd_conll.{s}" for s in ("train", "dev", "test")},
                         _weibo, "zh"),
    "wikiann-en": DataSet("wikiann-en", {s: s for s in ("train", "dev", "test")}, _wikiann, "en"),
    "resume-ner": DataSet("resume-ner", {s: f"{s}.char.bmes" for s in ("train", "dev", "test")},
                          read_bmes, "zh"),
    "msra-ner-test": DataSet("msra-ner-test", {"test": "testright1.txt"}, read_msra, "zh"),
}

#: format name -> reader, for ``newsfacts convert FILE --format NAME``
FORMATS: dict[str, Callable[[Path], Iterator[dict]]] = {
    "klue": read_klue, "cluener": read_cluener, "conll": _conll2003, "iob1": _conll2003,
    "iob2": lambda p: read_conll(p, "iob2"), "bmes": read_bmes, "msra": read_msra,
    "weibo": _weibo, "wikiann": _wikiann,
}


def set_path(name: str, split: str) -> Path:
    """The file of ``split`` of set ``name`` under :func:`data_dir` (it may not exist).

    An unknown set or split is a :class:`~pipeline.errors.ConfigError`.
    """
    if name not in SETS:
        raise ConfigError(f"unknown data set {name!r} (known: {', '.join(SETS)})")
    ds = SETS[name]
    if split not in ds.splits:
        raise ConfigError(f"set {name!r} has no split {split!r} (splits: {', '.join(ds.splits)})")
    return data_dir() / ds.folder / ds.splits[split]


def read_set(name: str, split: str) -> Iterator[dict]:
    """Gold documents of one split of a public set (see :data:`SETS`)."""
    path = set_path(name, split)
    if not path.exists():
        raise FileNotFoundError(f"data set file not found: {path}")
    return SETS[name].reader(path)
