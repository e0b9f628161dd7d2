"""Build a pipeline from a config, check what each stage requires, run documents through it."""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from . import contracts, registry, rules
from .config import RunConfig, build, load_config
from .errors import ConfigError
from .stages.base import CAPABILITIES, Shared, Stage
from .types import Document


class StageError(Exception):
    """A stage failed on one document (raised by :meth:`Pipeline.check`)."""

    def __init__(self, error: dict[str, str]) -> None:
        super().__init__(f"stage {error['stage']}: {error['type']}: {error['message']}")
        self.stage = error["stage"]
        self.error = error


class DocumentTimeout(BaseException):
    """A document took longer than ``run.time_limit`` seconds.

    A BaseException, so that a stage's ``except Exception`` cannot swallow it.
    """


class Pipeline:
    """An ordered list of stages. Resources load on first use, once per process."""

    def __init__(self, stages: list[Stage], run: RunConfig) -> None:
        self.stages = stages
        self.run = run
        self._ready = False

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def setup(self) -> None:
        if not self._ready:
            for stage in self.stages:
                stage.setup()
            unknown = sorted(set(self.run.rules_off) - set(rules.RULES))
            if unknown:
                raise ConfigError(f"[run] rules_off: unknown rule {unknown[0]!r} (newsfacts ablate --list shows them)")
            self._ready = True

    def __call__(self, text: str | Document, **meta: Any) -> Document:
        """Process one text (or Document) and return the annotated Document (with ``errors``
        listing the stages that failed or were skipped, if any)."""
        doc = text if isinstance(text, Document) else Document(text=text, meta=dict(meta))
        self.process(doc)
        return doc

    def process(self, doc: Document) -> None:
        """Run every stage on ``doc``, under the document's time limit.

        A stage that fails (or runs past the time limit) leaves the document as it found it and
        is listed in ``doc.errors``; the stages that need what it provides are skipped and listed
        too; everything else runs. :meth:`check` raises the first failure instead.
        """
        self.setup()
        with rules.switched_off(self.run.rules_off):
            self._process(doc)

    def _process(self, doc: Document) -> None:
        strict = contracts.strict()
        missing: dict[str, str] = {}          # capability -> the stage that failed to provide it
        current = self.stages[0]
        saved = doc.checkpoint()
        try:
            with time_limit(self.run.time_limit):
                for current in self.stages:
                    lacking = sorted(current.requires & missing.keys())
                    if lacking:
                        doc.errors.append(_skipped(current.name, lacking, missing))
                        for cap in current.provides - {"text"}:      # the text is the input's own
                            missing.setdefault(cap, missing[lacking[0]])
                        continue
                    saved = doc.checkpoint()
                    try:
                        if strict:      # tests: a stage sees only what it declared
                            with contracts.declared_view(doc, current.name, current.requires | current.provides):
                                current.process(doc)
                        else:
                            current.process(doc)
                    except Exception as exc:  # noqa: BLE001 - recorded on the document
                        doc.restore(saved)
                        doc.errors.append(stage_error(current.name, exc))
                        for cap in current.provides - {"text"}:
                            missing.setdefault(cap, current.name)
        except DocumentTimeout:
            doc.restore(saved)
            limit = DocumentTimeout(f"document took more than {self.run.time_limit:g} s")
            doc.errors.append(stage_error(current.name, limit))
            after = self.stages[self.stages.index(current) + 1:]
            doc.errors += [{"stage": s.name, "type": "StageSkipped",
                            "message": "skipped: the document's time limit was spent"} for s in after]

    def check(self, doc: Document) -> None:
        """:meth:`process`, raising :class:`StageError` for the first stage that failed."""
        self.process(doc)
        failed = next((e for e in doc.errors if e["type"] != "StageSkipped"), None)
        if failed is not None:
            raise StageError(failed)

    def pipe(self, docs: Iterable[str | Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


def stage_error(stage: str, exc: BaseException) -> dict[str, str]:
    """The ``errors`` entry of a stage that failed on a document."""
    from .io import error_message

    return {"stage": stage, "type": type(exc).__name__, "message": error_message(exc)}


def _skipped(stage: str, lacking: list[str], missing: dict[str, str]) -> dict[str, str]:
    because = ", ".join(f"{cap} ({missing[cap]} failed)" for cap in lacking)
    return {"stage": stage, "type": "StageSkipped", "message": f"skipped: needs {because}"}


RETRY_SECONDS = 0.25


class _Limit:
    """One running :func:`time_limit`: its deadline and the outer alarm it must honour."""

    def __init__(self, seconds: float, previous: Any, outer_deadline: float | None) -> None:
        self.deadline = time.monotonic() + seconds
        self.previous = previous
        self.outer_deadline = outer_deadline
        self.outer_fired = False

    def arm(self) -> None:
        """Set the timer for whichever comes first, this limit or the outer alarm; it repeats
        (an exception raised inside a GC or __del__ callback is swallowed by Python, so a
        single alarm could be lost)."""
        now = time.monotonic()
        first = self.deadline - now
        if self.outer_deadline is not None and not self.outer_fired:
            first = min(first, self.outer_deadline - now)
        signal.setitimer(signal.ITIMER_REAL, max(first, 1e-3), RETRY_SECONDS)

    def alarm(self, signum: int, frame: Any) -> None:
        now = time.monotonic()
        if self.outer_deadline is not None and now >= self.outer_deadline and not self.outer_fired:
            self.outer_fired = True
            if callable(self.previous):
                self.previous(signum, frame)
        if now >= self.deadline:
            raise DocumentTimeout()


_ACTIVE: list[_Limit] = []


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise DocumentTimeout in the body after ``seconds`` (main thread only; else no limit).

    An alarm already set outside (pytest-timeout, the caller's own) keeps working: it fires at
    its own time through its own handler, and what is left of it is set again afterwards.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    outer_delay, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    outer_deadline = time.monotonic() + outer_delay if outer_delay > 0 else None
    limit = _Limit(seconds, signal.getsignal(signal.SIGALRM), outer_deadline)
    signal.signal(signal.SIGALRM, limit.alarm)
    _ACTIVE.append(limit)
    limit.arm()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _ACTIVE.remove(limit)
        signal.signal(signal.SIGALRM, limit.previous)
        if outer_deadline is not None and not limit.outer_fired:
            left = max(outer_deadline - time.monotonic(), 1e-3)
            signal.setitimer(signal.ITIMER_REAL, left, outer_interval)


@contextmanager
def untimed() -> Iterator[None]:
    """Stop the clock of the running :func:`time_limit` in the body: a stage loading what a
    language needs the first time a document of that language arrives does not charge it to
    that document."""
    if not _ACTIVE or threading.current_thread() is not threading.main_thread():
        yield
        return
    limit = _ACTIVE[-1]
    signal.setitimer(signal.ITIMER_REAL, 0)
    paused = time.monotonic()
    try:
        yield
    finally:
        limit.deadline += time.monotonic() - paused
        limit.arm()


def check_requirements(stages: list[type[Stage]], names: list[str]) -> None:
    """Fail with a clear message when a stage requires what no earlier stage provides."""
    available = {"text"}
    for name, cls in zip(names, stages):
        for cap in cls.requires | cls.provides:
            if cap not in CAPABILITIES:
                raise ConfigError(f"stage {name!r} declares unknown capability {cap!r}")
        missing = sorted(cls.requires - available)
        if missing:
            raise ConfigError(
                f"stage {name!r} requires {', '.join(missing)}, which no earlier stage provides "
                f"(pipeline order: {', '.join(names)})")
        available |= cls.provides


def load(config: str | dict[str, Any] | None = None, overrides: list[str] | None = None) -> Pipeline:
    """Build a Pipeline from a TOML path, a parsed config dict, or the default config."""
    cfg = config if isinstance(config, dict) else load_config(config, overrides)
    sections = set(cfg) - {"pipeline", "run"}
    names = list(cfg.get("pipeline", {}).get("stages", []))
    extra = set(cfg.get("pipeline", {})) - {"stages"}
    if extra:
        raise ConfigError(f"[pipeline] unknown key {sorted(extra)[0]!r} (allowed: stages)")
    if not names:
        raise ConfigError("[pipeline] stages is empty")
    classes = [registry.resolve(n) for n in names]
    check_requirements(classes, names)
    for section in sorted(sections):
        if section not in registry.STAGES:
            raise ConfigError(f"unknown config section [{section}] (not a stage, 'pipeline' or 'run')")
    run = build(RunConfig, cfg.get("run"), "run")
    shared = Shared(run)
    stages = []
    for name, cls in zip(names, classes):
        stage = cls(build(cls.Config, cfg.get(name), name), shared)
        stage.name = name
        stages.append(stage)
    return Pipeline(stages, run)
