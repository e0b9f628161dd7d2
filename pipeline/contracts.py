"""Honest contracts: a stage sees only what it declared it reads or writes.

In strict mode (``NEWSFACTS_STRICT_CONTRACTS=1``, which the test suite sets) the pipeline hides,
for the length of one stage's call, every part of the document the stage did not declare in
``requires`` or ``provides``: the part is replaced by an :class:`Undeclared` value that raises
:class:`ContractError` when it is read (iterated, tested for truth, indexed, asked for an
attribute). The stage may still carry such a value along untouched (copying an entity with its
norm); afterwards every hidden part is put back. So a stage that reads what it has not declared
fails in tests, not silently in production when a pipeline leaves out the stage that provides it.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Any, Iterator

from .errors import NewsfactsError
from .types import Document


class ContractError(NewsfactsError):
    """A stage read a part of the document it did not declare."""


def strict() -> bool:
    return os.environ.get("NEWSFACTS_STRICT_CONTRACTS") == "1"


class Undeclared:
    """Stands in for a hidden part; reading it raises :class:`ContractError`."""

    __slots__ = ("_part", "_stage", "value")

    def __init__(self, part: str, stage: str, value: Any) -> None:
        object.__setattr__(self, "_part", part)
        object.__setattr__(self, "_stage", stage)
        object.__setattr__(self, "value", value)

    def _fail(self, *_: Any, **__: Any) -> Any:
        raise ContractError(f"stage {self._stage!r} read {self._part!r}, which it does not declare in "
                            "requires or provides")

    def __getattr__(self, name: str) -> Any:
        return self._fail()

    __iter__ = __len__ = __bool__ = __getitem__ = __contains__ = __eq__ = __hash__ = _fail
    __lt__ = __gt__ = __add__ = __call__ = __setitem__ = _fail


def _unwrap(value: Any) -> Any:
    return value.value if isinstance(value, Undeclared) else value


@contextmanager
def declared_view(doc: Document, stage: str, declared: frozenset[str]) -> Iterator[None]:
    """Hide the parts of ``doc`` that ``declared`` (requires | provides) does not name."""
    hidden_doc: dict[str, Any] = {}
    for part, attr in (("lang", "lang"), ("sentences", "sentences"), ("tokens", "tokens"),
                       ("entities", "entities"), ("events", "events")):
        if part not in declared:
            hidden_doc[attr] = getattr(doc, attr)
            setattr(doc, attr, Undeclared(part, stage, hidden_doc[attr]))
    hidden_fields: list[tuple[Any, str, Any]] = []
    for part, items, attr in (("tokens.pos", "tokens", "pos"), ("entities.norm", "entities", "norm"),
                              ("entities.canonical", "entities", "canonical")):
        if part in declared or items in hidden_doc:
            continue
        for item in getattr(doc, items):
            hidden_fields.append((item, attr, getattr(item, attr)))
            setattr(item, attr, Undeclared(part, stage, getattr(item, attr)))
    try:
        yield
    finally:
        for attr, value in hidden_doc.items():
            if isinstance(getattr(doc, attr), Undeclared):
                setattr(doc, attr, value)
        for item, attr, value in hidden_fields:
            if isinstance(getattr(item, attr), Undeclared):
                setattr(item, attr, value)
        for items, attrs in (("tokens", ("pos",)), ("entities", ("norm", "canonical"))):
            for item in getattr(doc, items) or []:       # new items that carried a hidden value
                for attr in attrs:
                    setattr(item, attr, _unwrap(getattr(item, attr)))
