"""Files shipped with newsfacts: configs, models, the knowledge base (package data).

The repository keeps them in its top-level ``configs/`` and ``models/`` folders; the build maps
those folders onto the packages ``pipeline.configs`` and ``pipeline.models`` (``setup.py``), so
an installed wheel and an editable checkout read the same files through ``importlib.resources``.
A relative path such as ``models/ner`` or ``configs/lists.toml`` names such a shipped file.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

#: top-level folder of the repository -> the package it is shipped as
SHIPPED = {"configs": "pipeline.configs", "models": "pipeline.models"}


def shipped(relative: str) -> Path:
    """The file-system path of a shipped file, e.g. ``shipped("models/kb/entities.jsonl")``."""
    top, _, rest = relative.replace("\\", "/").partition("/")
    if top not in SHIPPED:
        raise ValueError(f"not a shipped path (configs/... or models/...): {relative!r}")
    root = resources.files(SHIPPED[top])
    return Path(str(root.joinpath(rest) if rest else root))


def resolve(path: str | Path) -> Path:
    """A path from a config or the command line: ``configs/...`` and ``models/...`` name shipped
    files (when they exist), any other relative path is relative to the working directory."""
    path = Path(path)
    if not path.is_absolute() and path.parts[:1] in (("configs",), ("models",)):
        candidate = shipped(path.as_posix())
        if candidate.exists():
            return candidate
    return path
