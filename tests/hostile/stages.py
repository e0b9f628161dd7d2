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
