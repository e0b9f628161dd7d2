"""Hand rules with ids: each can be switched off, each has cases, an ablation measures each.

A hand rule is a function marked with :func:`rule`. It keeps an id (``resolve.trim_period``) and
the first line of its docstring as its description in :data:`RULES`. While a run switches it off
(``[run] rules_off = [...]``, ``--set run.rules_off=[...]``), a call returns what the rule's
``off`` gives instead (by default None: the rule says nothing and the next decision is taken as if
it did not exist). ``tests/rules/cases.jsonl`` holds, for every rule, texts on which the output
with the rule differs from the output without it (the test suite checks both ways), and
``newsfacts ablate`` reports what switching each rule off costs on the gold sets, so that a rule
that earns nothing is found and deleted.
"""
from __future__ import annotations

import functools
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Callable, Iterable, Iterator, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: rule id -> what it does (the first line of its docstring)
RULES: dict[str, str] = {}
_OFF: ContextVar[frozenset[str]] = ContextVar("newsfacts_rules_off", default=frozenset())


def rule(rule_id: str, off: Callable[..., Any] | None = None) -> Callable[[F], F]:
    """Mark a function as hand rule ``rule_id``; switched off, it returns ``off(*args)`` (None
    when ``off`` is None)."""

    def wrap(fn: F) -> F:
        if rule_id in RULES:
            raise ValueError(f"two rules with the id {rule_id!r}")
        RULES[rule_id] = ((fn.__doc__ or "").strip().splitlines() or [""])[0]

        @functools.wraps(fn)
        def call(*args: Any, **kwargs: Any) -> Any:
            if rule_id in _OFF.get():
                return off(*args, **kwargs) if off is not None else None
            return fn(*args, **kwargs)

        call.rule_id = rule_id  # type: ignore[attr-defined]
        return call  # type: ignore[return-value]

    return wrap


def is_on(rule_id: str) -> bool:
    """Whether a rule that is a branch inside a function, not a function, is on."""
    return rule_id not in _OFF.get()


def declare(rule_id: str, description: str) -> str:
    """Register a rule that is a branch (checked with :func:`is_on`) rather than a function."""
    if rule_id in RULES:
        raise ValueError(f"two rules with the id {rule_id!r}")
    RULES[rule_id] = description
    return rule_id


@contextmanager
def switched_off(ids: Iterable[str]) -> Iterator[None]:
    """Run the body with the rules ``ids`` switched off too (besides those already off)."""
    token = _OFF.set(_OFF.get() | frozenset(ids))
    try:
        yield
    finally:
        _OFF.reset(token)


def last(*args: Any, **_: Any) -> Any:
    """``off`` for a rule that transforms its last argument: leave it as it is."""
    return args[-1]


def listed(*args: Any, **_: Any) -> list[Any]:
    """``off`` for a rule that splits its last argument into a list: the argument alone."""
    return [args[-1]]


def nothing(*_: Any, **__: Any) -> list[Any]:
    """``off`` for a rule that finds a list of things: none."""
    return []


def false(*_: Any, **__: Any) -> bool:
    return False


def true(*_: Any, **__: Any) -> bool:
    return True
