"""Readers (JSONL, .txt, HTML, directories, stdin) and the JSONL writer.

Reading yields :class:`RawRecord` objects, cheap to pass to worker processes; turning one into a
:class:`~pipeline.types.Document` (or an error) is :func:`parse_record`, done where it is processed.

Every non-blank JSONL line and every .txt/.html file is one input and gives one output line. A file
that cannot be read to the end (unreadable, not gzip, a gzip cut short) gives one more input, an
error record, after the lines read from it. Ids are passed through as given: two inputs with the
same id give two records, in input order (ids are not checked for uniqueness: a set of every id
would make memory grow with the corpus).
"""
from __future__ import annotations

import codecs
import gzip
import io
import os
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterator

import orjson

from .errors import InputError
from .types import Document

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
RESERVED_KEYS = {"text", "id", "html", "meta"}
HF_PREFIX = "hf:"
MAX_MESSAGE = 500   # characters of an exception message kept in an error record


@dataclass(slots=True)
class RawRecord:
    """One unit of input: a JSONL line, or a whole .txt/.html file."""

    source: str
    line: int
    kind: str           # "jsonl" | "txt" | "html" | "error" (the file could not be read; payload says why)
    payload: bytes


def iter_inputs(paths: list[str]) -> Iterator[RawRecord]:
    """Yield raw records from files, directories (recursively, sorted), ``-`` (stdin) and
    ``hf:PATH`` (a saved Hugging Face dataset, Parquet or Arrow files)."""
    for path in paths:
        if path == "-":
            yield from _jsonl_lines(sys.stdin.buffer, "-")
            continue
        if path.startswith(HF_PREFIX):
            from .integrations.hf import iter_rows

            for line, payload in enumerate(iter_rows(path[len(HF_PREFIX):]), 1):
                yield RawRecord(path, line, "jsonl", payload)
            continue
        p = Path(path)
        if p.is_dir():
            for child in sorted(q for q in p.rglob("*") if q.is_file() and _kind(q)):
                yield from _read_file(child)
        elif p.is_file():
            yield from _read_file(p)
        else:
            raise FileNotFoundError(f"input not found: {path}")


def _kind(path: Path) -> str | None:
    suffixes = path.suffixes
    suffix = suffixes[-2] if suffixes and suffixes[-1] == ".gz" and len(suffixes) > 1 else path.suffix
    suffix = suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TEXT_SUFFIXES:
        return "txt"
    if suffix in HTML_SUFFIXES:
        return "html"
    return None


def _open(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")


def _read_file(path: Path) -> Iterator[RawRecord]:
    """The records of one file; a read failure (even midway) becomes one ``error`` record."""
    kind = _kind(path) or "jsonl"
    source = printable(os.fspath(path))
    line = 1
    try:
        with _open(path) as fh:
            if kind == "jsonl":
                for raw in _jsonl_lines(fh, source):
                    line = raw.line + 1
                    yield raw
            else:
                yield RawRecord(source, 1, kind, fh.read())
                return
    except (OSError, EOFError, zlib.error) as exc:
        yield RawRecord(source, line, "error", f"cannot read {kind} file: {exc}".encode())


def _jsonl_lines(fh: IO[bytes], source: str) -> Iterator[RawRecord]:
    for number, line in enumerate(fh, 1):
        if line.strip():
            yield RawRecord(source, number, "jsonl", line)


def printable(name: str) -> str:
    """``name`` as valid Unicode: undecodable file-name bytes become U+FFFD, other lone surrogates ``?``."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "replace").decode("utf-8")


def decode_bytes(data: bytes) -> str:
    """Decode file bytes: UTF-8 (with or without BOM), else the detected encoding (EUC-KR, GB18030...)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        error = exc
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"bytes are not valid UTF-8 ({error.reason} at byte {error.start}) "
                         "and no other encoding fits")
    return str(best)


def parse_record(raw: RawRecord) -> Document:
    """Turn a raw record into a Document, or raise :class:`InputError` saying why not."""
    if raw.kind == "error":
        raise InputError(raw.payload.decode("utf-8", "replace"))
    if raw.kind == "txt":
        text = decode_bytes(raw.payload)
        return _document(text, Path(raw.source).stem, {"source": raw.source})
    if raw.kind == "html":
        from .html import html_to_text

        text, meta = html_to_text(decode_bytes(raw.payload))
        return _document(text, Path(raw.source).stem, {**meta, "source": raw.source})
    obj = _load_json(raw.payload)
    if not isinstance(obj, dict):
        raise InputError(f"line is a JSON {type(obj).__name__}, not an object")
    return document_from_object(obj)


def _load_json(line: bytes) -> Any:
    """Parse one JSONL line (a leading BOM is allowed) or raise InputError saying what is wrong."""
    line = line.removeprefix(codecs.BOM_UTF8)
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        error = exc
    try:
        line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"line is not valid UTF-8 ({exc.reason} at byte {exc.start})") from None
    if b"\\u" in line and "surrogate" in str(error):
        raise InputError(f"line has a lone surrogate escape (\\ud800-\\udfff without its pair), "
                         f"which is not Unicode text: {error}") from None
    raise InputError(f"line is not valid JSON: {error}") from None


def record_id(obj: Any) -> str | None:
    """The id an input object gives itself, if any (used for error records too)."""
    if isinstance(obj, dict) and isinstance(obj.get("id"), (str, int)) and not isinstance(obj.get("id"), bool):
        return str(obj["id"])
    return None


def document_from_object(obj: dict[str, Any]) -> Document:
    """Build a Document from an input JSON object: ``text`` (or ``html``), ``id``, other fields → meta."""
    meta = dict(obj["meta"]) if isinstance(obj.get("meta"), dict) else {}
    meta.update({k: v for k, v in obj.items() if k not in RESERVED_KEYS})
    text = obj.get("text")
    if text is None and isinstance(obj.get("html"), str):
        from .html import html_to_text

        text, html_meta = html_to_text(obj["html"])
        meta = {**html_meta, **meta}
    if text is None:
        raise InputError("record has no 'text' field")
    if not isinstance(text, str):
        raise InputError(f"'text' must be a string, got {_json_type(text)}")
    return _document(text, record_id(obj) or "", meta)


def _document(text: str, doc_id: str, meta: dict[str, Any]) -> Document:
    if not text.strip():
        raise InputError("text is empty or whitespace only")
    return Document(text=text, id=doc_id, meta=meta)


def _json_type(value: Any) -> str:
    return {bool: "boolean", int: "number", float: "number", list: "array",
            dict: "object"}.get(type(value), type(value).__name__)


def peek_id(raw: RawRecord) -> str | None:
    """Best-effort id of a raw record that failed, for its error record."""
    if raw.kind == "error":
        return None
    if raw.kind != "jsonl":
        return Path(raw.source).stem
    try:
        return record_id(orjson.loads(raw.payload.removeprefix(codecs.BOM_UTF8)))
    except orjson.JSONDecodeError:
        return None


def error_message(exc: BaseException) -> str:
    """An exception's message for a record: never empty, at most MAX_MESSAGE characters, valid Unicode."""
    message = str(exc) or type(exc).__name__
    if len(message) > MAX_MESSAGE:
        message = message[:MAX_MESSAGE] + "..."
    return printable(message)


def error_record(raw: RawRecord, stage: str, exc: BaseException, doc_id: str | None) -> dict[str, Any]:
    """The output line for an input that could not be processed."""
    return {"id": doc_id, "line": raw.line, "source": raw.source,
            "error": {"stage": stage, "type": type(exc).__name__, "message": error_message(exc)}}


def dumps(record: dict[str, Any]) -> bytes:
    """One output line (UTF-8 JSON, no newline)."""
    return orjson.dumps(record)


def open_output(path: str, append: bool = False) -> IO[bytes]:
    """Open the output target (``-`` for stdout) for writing bytes, unbuffered."""
    if path == "-":
        return sys.stdout.buffer
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return io.open(path, "ab" if append else "wb", buffering=0)


def write_lines(out: IO[bytes], lines: list[bytes]) -> None:
    """Write whole lines in one buffer (one write call on an unbuffered file)."""
    data = b"".join(line + b"\n" for line in lines)
    view = memoryview(data)
    while view:
        written = out.write(view)
        view = view[written or len(view):] if written is not None else view[len(view):]
    out.flush()


def complete_lines(path: str) -> tuple[int, int]:
    """(number of complete lines, byte length of them) in an existing output file.

    A run killed mid-write can leave a partial last line; ``--resume`` truncates it.
    """
    count = size = 0
    with open(path, "rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break
            count += 1
            size += len(line)
    return count, size


def count_errors(path: str, lines: int) -> tuple[int, int]:
    """(error records, partial records) among the first ``lines`` output lines."""
    errors = partial = 0
    with open(path, "rb") as fh:
        for _, line in zip(range(lines), fh):
            record = orjson.loads(line)
            errors += "error" in record
            partial += bool(record.get("errors"))
    return errors, partial
