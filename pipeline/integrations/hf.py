"""Hugging Face datasets and Arrow/Parquet: read input corpora, write results with their structure.

Input (``newsfacts run hf:PATH``): a dataset directory saved with ``save_to_disk`` (a
``DatasetDict`` gives every split in order, the split name in ``meta.split``), a ``.parquet`` or
``.arrow`` file, or a directory of them. The ``text`` column is the text, ``id`` the id when
present; every other column goes to ``meta``.

Output: one row per output line, with nested columns (``entities`` is a list of structs,
``events`` a list of structs with ``targets``, ``list``, ``date``, ``reason``, ``evidence``...).
Arrow needs one type per column, so the free-form parts are JSON strings: ``meta``,
``entities.norm``, ``relations`` items, and ``extra_json`` (keys beyond the contract in events,
their ``list``/``date`` and in ``canonical``). ``canonical.names`` is a list of
``{lang, name}``. :func:`records_from_rows` turns rows back into records exactly.
"""
from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import InputError, NewsfactsError

BATCH_ROWS = 256
INSTALL_HINT = "install the hf extra: pip install 'newsfacts[hf]'"


# ---------------------------------------------------------------- row layout
@dataclass(frozen=True)
class Struct:
    """A struct column: named fields; ``keep`` fields stay even when null; ``extra`` collects
    keys not listed (as a JSON string in ``extra_json``)."""

    fields: tuple[tuple[str, Any], ...]
    keep: frozenset[str] = frozenset()
    extra: bool = False
    names: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", tuple(n for n, _ in self.fields))


@dataclass(frozen=True)
class ListOf:
    item: Any


JSON = "json"        # any JSON value, stored as a string
NAMES = "names"      # {lang: name} stored as [{lang, name}]
SPAN = Struct((("start", "int"), ("end", "int")))
CANONICAL = Struct((("id", "str"), ("name", "str"), ("names", NAMES)), extra=True)
ENTITY = Struct((("id", "str"), ("text", "str"), ("type", "str"), ("start", "int"), ("end", "int"),
                 ("source", "str"), ("score", "float"), ("norm", JSON), ("canonical", CANONICAL)))
EVENT = Struct((
    ("id", "str"), ("type", "str"), ("action", "str"), ("authority", "str"),
    ("targets", ListOf("str")),
    ("list", Struct((("id", "str"), ("name", "str")), extra=True)),
    ("date", Struct((("value", "str"), ("precision", "str")), extra=True)),
    ("reason", Struct((("start", "int"), ("end", "int"), ("text", "str")))),
    ("evidence", ListOf(SPAN)), ("score", "float"), ("count", "int"), ("cameo", "str"),
), keep=frozenset({"authority"}), extra=True)
ERROR = Struct((("stage", "str"), ("type", "str"), ("message", "str")))
RECORD = Struct((
    ("schema", "str"), ("id", "str"), ("lang", "str"), ("text", "str"), ("meta", JSON),
    ("sentences", ListOf(Struct((("start", "int"), ("end", "int"), ("lang", "str"))))),
    ("tokens", ListOf(Struct((("start", "int"), ("end", "int"), ("text", "str"),
                              ("pos", "str"), ("lemma", "str"))))),
    ("entities", ListOf(ENTITY)), ("events", ListOf(EVENT)), ("relations", ListOf(JSON)),
    ("skipped", ListOf(Struct((("start", "int"), ("end", "int"), ("reason", "str"))))),
    ("line", "int"), ("source", "str"), ("error", ERROR),
))


def arrow_type(kind: Any) -> Any:
    import pyarrow as pa

    if isinstance(kind, Struct):
        fields = [pa.field(n, arrow_type(k)) for n, k in kind.fields]
        if kind.extra:
            fields.append(pa.field("extra_json", pa.string()))
        return pa.struct(fields)
    if isinstance(kind, ListOf):
        return pa.list_(arrow_type(kind.item))
    if kind == NAMES:
        return pa.list_(pa.struct([("lang", pa.string()), ("name", pa.string())]))
    return {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), JSON: pa.string()}[kind]


def arrow_schema() -> Any:
    """The Arrow schema of result rows (with the ``datasets`` features in its metadata)."""
    import pyarrow as pa

    schema = pa.schema([pa.field(n, arrow_type(k)) for n, k in RECORD.fields])
    try:
        from datasets import Features
    except ImportError:
        return schema
    return Features.from_arrow_schema(schema).arrow_schema


def _encode(value: Any, kind: Any) -> Any:
    if value is None:
        return None
    if isinstance(kind, Struct):
        row = {n: _encode(value.get(n), k) for n, k in kind.fields}
        if kind.extra:
            rest = {k: v for k, v in value.items() if k not in kind.names}
            row["extra_json"] = json.dumps(rest, ensure_ascii=False) if rest else None
        return row
    if isinstance(kind, ListOf):
        return [_encode(v, kind.item) for v in value]
    if kind == NAMES:
        return [{"lang": k, "name": v} for k, v in value.items()]
    if kind == JSON:
        return json.dumps(value, ensure_ascii=False)
    return value


def _decode(value: Any, kind: Any) -> Any:
    if value is None:
        return None
    if isinstance(kind, Struct):
        out = {}
        for n, k in kind.fields:
            v = _decode(value.get(n), k)
            if v is not None or n in kind.keep:
                out[n] = v
        if kind.extra and value.get("extra_json"):
            out.update(json.loads(value["extra_json"]))
        return out
    if isinstance(kind, ListOf):
        return [_decode(v, kind.item) for v in value]
    if kind == NAMES:
        return {d["lang"]: d["name"] for d in value}
    if kind == JSON:
        return json.loads(value)
    return value


def row_from_record(record: dict[str, Any]) -> dict[str, Any]:
    """One Arrow row (nested dicts and lists) for an output record or an error record."""
    return _encode(record, RECORD)


def record_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """The output record (or error record) of a row: inverse of :func:`row_from_record`."""
    if row.get("error") is not None:
        out = {"id": row.get("id"), "line": row.get("line"), "error": _decode(row["error"], ERROR)}
        if row.get("source") is not None:
            out["source"] = row["source"]
        return out
    return _decode(row, RECORD)


def records_from_rows(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    return (record_from_row(r) for r in rows)


# ---------------------------------------------------------------- writing
def _tables(records: Iterable[dict[str, Any]], schema: Any) -> Iterator[Any]:
    import pyarrow as pa

    batch: list[dict[str, Any]] = []
    for record in records:
        batch.append(row_from_record(record))
        if len(batch) >= BATCH_ROWS:
            yield pa.Table.from_pylist(batch, schema=schema)
            batch = []
    if batch:
        yield pa.Table.from_pylist(batch, schema=schema)


def write_parquet(records: Iterable[dict[str, Any]], path: str | Path) -> int:
    """Write records to one Parquet file in row groups (memory stays flat); returns the row count."""
    pq = _require("pyarrow.parquet")
    schema = arrow_schema()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    rows = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for table in _tables(records, schema):
            writer.write_table(table)
            rows += table.num_rows
    return rows


def save_dataset(records: Iterable[dict[str, Any]], path: str | Path) -> int:
    """Write records as a ``datasets.Dataset`` directory (``load_from_disk`` reads it)."""
    datasets = _require("datasets")
    ipc = _require("pyarrow.ipc")
    schema = arrow_schema()
    rows = 0
    Path(path).resolve().parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=Path(path).resolve().parent) as tmp:
        arrow = Path(tmp) / "records.arrow"
        with ipc.new_stream(str(arrow), schema) as writer:
            for table in _tables(records, schema):
                writer.write_table(table)
                rows += table.num_rows
        quiet = not datasets.is_progress_bar_enabled()
        datasets.disable_progress_bars()
        try:
            datasets.Dataset.from_file(str(arrow)).save_to_disk(str(path))
        finally:
            if not quiet:
                datasets.enable_progress_bars()
    return rows


def to_dataset(records: Iterable[dict[str, Any]]) -> Any:
    """An in-memory ``datasets.Dataset`` of records (for notebooks; large corpora: :func:`save_dataset`)."""
    datasets = _require("datasets")
    import pyarrow as pa

    schema = arrow_schema()
    return datasets.Dataset(pa.concat_tables(list(_tables(records, schema)) or [schema.empty_table()]))


def records_from_dataset(dataset: Any) -> Iterator[dict[str, Any]]:
    """Records back from a result ``Dataset`` (read as Arrow, so lists of structs stay lists)."""
    for table in dataset.with_format("arrow").iter(batch_size=BATCH_ROWS):
        yield from records_from_rows(table.to_pylist())


def read_results(path: str | Path) -> Iterator[dict[str, Any]]:
    """Records from a result Parquet file or dataset directory written by this module."""
    for _, table in _input_tables(Path(path)):
        yield from records_from_rows(table.to_pylist())


# ---------------------------------------------------------------- reading inputs
def iter_rows(path: str) -> Iterator[bytes]:
    """One JSON object per row of a saved dataset, Parquet or Arrow input (the split name, if
    any, under ``split``)."""
    import orjson

    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"input not found: {path}")
    for split, table in _input_tables(p):
        if "text" not in table.column_names and "html" not in table.column_names:
            raise InputError(f"{path} has no 'text' column (columns: {', '.join(table.column_names)})")
        for row in table.to_pylist():
            if split:
                row.setdefault("split", split)
            yield orjson.dumps(row, default=str, option=orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS)


def _input_tables(p: Path) -> Iterator[tuple[str | None, Any]]:
    """(split name or None, Arrow table) batches of a dataset directory or Arrow/Parquet files."""
    if p.is_dir() and ((p / "dataset_info.json").exists() or (p / "dataset_dict.json").exists()):
        datasets = _require("datasets")
        loaded = datasets.load_from_disk(str(p))
        splits = loaded.items() if isinstance(loaded, datasets.DatasetDict) else [(None, loaded)]
        for split, ds in splits:
            for table in ds.with_format("arrow").iter(batch_size=BATCH_ROWS):
                yield split, table
        return
    files = sorted(q for q in p.rglob("*") if q.suffix in (".parquet", ".arrow")) if p.is_dir() else [p]
    if not files:
        raise InputError(f"{p}: no dataset, .parquet or .arrow files there")
    for f in files:
        yield from ((None, t) for t in _file_tables(f))


def _file_tables(path: Path) -> Iterator[Any]:
    import pyarrow as pa

    if path.suffix == ".parquet":
        pq = _require("pyarrow.parquet")
        for batch in pq.ParquetFile(str(path)).iter_batches(batch_size=BATCH_ROWS):
            yield pa.Table.from_batches([batch])
        return
    ipc = _require("pyarrow.ipc")
    with pa.memory_map(str(path)) as source:
        try:
            reader = ipc.open_stream(source)
            batches = iter(reader)
        except pa.ArrowInvalid:
            source.seek(0)
            reader = ipc.open_file(source)
            batches = (reader.get_batch(i) for i in range(reader.num_record_batches))
        for batch in batches:
            yield pa.Table.from_batches([batch])


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise NewsfactsError(f"{module} is not installed: {INSTALL_HINT}") from exc
