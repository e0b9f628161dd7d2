"""TOML configuration: loading, ``--set`` overrides and per-stage validation."""
from __future__ import annotations

import copy
import dataclasses
import tomllib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import ConfigError
from .resources import shipped

DEFAULT_CONFIG = "configs/default.toml"   # shipped with the package (pipeline.resources)


@dataclass(frozen=True)
class RunConfig:
    """Settings of a run rather than of one stage."""

    published: str = ""          # default anchor date (YYYY-MM-DD) for relative dates
    include: list[str] = field(default_factory=list)   # optional output parts, e.g. ["tokens"]
    time_limit: float = 60.0     # seconds per document before it becomes an error record
    worker_timeout: float = 20.0  # seconds a worker process may stay silent (stopped, stuck in C) before it is killed
    batch_size: int = 64
    kb: str = ""                 # knowledge base JSONL (`newsfacts kb build`); "" = models/kb/entities.jsonl
    rules_off: list[str] = field(default_factory=list)   # hand rules switched off (pipeline/rules.py; ablations)


def load_config(path: str | Path | None = None, overrides: list[str] | None = None) -> dict[str, Any]:
    """Read a TOML config (the default one when ``path`` is None) and apply overrides."""
    path = Path(path) if path else shipped(DEFAULT_CONFIG)
    try:
        with open(path, "rb") as fh:
            cfg = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    for item in overrides or []:
        apply_override(cfg, item)
    return cfg


def apply_override(cfg: dict[str, Any], item: str) -> None:
    """Apply one ``section.key=value`` override; the value is read as TOML, else as a string."""
    key, sep, raw = item.partition("=")
    if not sep or "." not in key:
        raise ConfigError(f"--set expects section.key=value, got {item!r}")
    section, _, name = key.strip().partition(".")
    try:
        value = tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw
    cfg.setdefault(section, {})[name] = value


def build(cls: type, table: dict[str, Any] | None, section: str) -> Any:
    """Instantiate the config dataclass ``cls`` from a TOML table, validating every key."""
    table = dict(table or {})
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}
    unknown = sorted(set(table) - known)
    if unknown:
        allowed = ", ".join(sorted(known)) or "none"
        raise ConfigError(f"[{section}] unknown key {unknown[0]!r} (allowed: {allowed})")
    values = {k: _coerce(v, hints[k], f"{section}.{k}") for k, v in table.items()}
    return cls(**values)


def _coerce(value: Any, hint: Any, key: str) -> Any:
    origin = typing.get_origin(hint)
    if origin is Literal:
        if value not in typing.get_args(hint):
            choices = ", ".join(repr(c) for c in typing.get_args(hint))
            raise ConfigError(f"{key}: {value!r} is not one of {choices}")
        return value
    if origin in (list, tuple):
        if not isinstance(value, list):
            raise ConfigError(f"{key}: expected a list, got {value!r}")
        (item_hint, *_) = typing.get_args(hint) or (Any,)
        return [_coerce(v, item_hint, key) for v in value]
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{key}: expected a table, got {value!r}")
        return copy.deepcopy(value)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint is Any or (isinstance(hint, type) and isinstance(value, hint)
                       and not (hint is int and isinstance(value, bool))):
        return value
    raise ConfigError(f"{key}: expected {getattr(hint, '__name__', hint)}, got {value!r}")
