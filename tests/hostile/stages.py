"""Test-only stages that misbehave on purpose (registered by the tests with pipeline.registry.register).

Importable as ``hostile.stages`` from the tests and from spawned worker processes (they get the
parent's ``sys.path``, and the run hands them the parent's registry).
"""
from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass
from typing import Literal

from pipeline.stages.base import Stage
from pipeline.types import Document


@dataclass(frozen=True)
class StallConfig:
    trigger: str = "STALL"            # only documents containing this stall
    how: Literal["sleep", "loop", "swallow", "crash"] = "sleep"
    seconds: float = 30.0


class StallStage(Stage):
    """Misbehaves on documents that contain ``trigger``: sleeps, spins, spins inside ``except Exception``,
    or crashes its process as a segfault in native code would."""

    requires = frozenset({"text"})
    provides = frozenset()
    Config = StallConfig

    def process(self, doc: Document) -> None:
        if self.config.trigger not in doc.text:
            return
        deadline = time.monotonic() + self.config.seconds
        if self.config.how == "crash":
            os.kill(os.getpid(), signal.SIGSEGV)
        if self.config.how == "sleep":
            time.sleep(self.config.seconds)
            return
        while time.monotonic() < deadline:
            if self.config.how == "swallow":
                try:
                    sum(range(1000))
                except Exception:  # noqa: BLE001 - what a careless stage does; must not eat the timeout
                    pass
            else:
                sum(range(1000))


#: how a DieStage worker dies: the word after its trigger ("DIE:segv")
DEATHS = ("kill", "segv", "exit", "oom", "stop")


class DieStage(Stage):
    """Ends its own process on documents that contain ``DIE:<how>``, the ways a worker dies in
    real runs: SIGKILL (the kernel's OOM killer), SIGSEGV (a crash in native code), ``os._exit``,
    memory exhausted under ``RLIMIT_AS``, or SIGSTOP (a worker that stops answering)."""

    requires = frozenset({"text"})
    provides = frozenset()

    def process(self, doc: Document) -> None:
        at = doc.text.find("DIE:")
        if at < 0:
            return
        how = doc.text[at + 4:].split(maxsplit=1)[0]
        if how == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        elif how == "segv":
            os.kill(os.getpid(), signal.SIGSEGV)
        elif how == "exit":
            os._exit(3)
        elif how == "oom":
            import resource

            with open("/proc/self/statm") as fh:
                size = int(fh.read().split()[0]) * resource.getpagesize()
            resource.setrlimit(resource.RLIMIT_AS, (size + (256 << 20), resource.getrlimit(resource.RLIMIT_AS)[1]))
            hoard = [bytearray(64 << 20) for _ in range(64)]   # 4 GB with 256 MB left to take
            del hoard
        elif how == "stop":
            os.kill(os.getpid(), signal.SIGSTOP)
        time.sleep(60)         # never reached but for a death that did not happen


class FailStage(Stage):
    """Adds an entity, then raises, on documents that contain ``FAIL``: a buggy entity stage."""

    requires = frozenset({"sentences"})
    provides = frozenset({"entities"})

    def process(self, doc: Document) -> None:
        from pipeline.types import Entity

        at = doc.text.find("FAIL")
        if at < 0:
            return
        doc.add_entity(Entity(id="", text="FAIL", type="ORG", start=at, end=at + 4, source="model"))
        raise ValueError("a bug in this stage")
