"""A per-user cache of what newsfacts builds at start and can save as plain data, as jieba caches
its dictionary: jieba's frequencies and tags with them take 0.3 s to read back against 2 s to
build.

The folder is ``$NEWSFACTS_CACHE``, else ``$XDG_CACHE_HOME/newsfacts``, else
``~/.cache/newsfacts``; ``NEWSFACTS_CACHE=off`` switches the cache off. Entries are JSON (nothing
that runs code when read: no pickle), named by a digest of what they were built from; each is
written to a temporary file and renamed into place, so that workers starting together never read
half a file. A damaged, stale or unwritable cache costs only the time to build again.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is switched off."""
    setting = os.environ.get("NEWSFACTS_CACHE", "")
    if setting.lower() == "off":
        return None
    if setting:
        return Path(setting)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsfacts"


def cached(kind: str, token: str, build: Callable[[], Any]) -> Any:
    """The JSON value cached as ``kind`` for ``token`` (a digest of its inputs), else ``build()``,
    saved for the next process; older entries of the same kind are removed when it is saved."""
    import orjson

    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{kind}-{token}.json"
    try:
        return orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):   # none yet, or a damaged one: build it again
        pass
    value = build()
    _save(path, f"{kind}-*.json", orjson.dumps(value))
    return value


def _save(path: Path, pattern: str, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        for old in path.parent.glob(pattern):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
