"""One line that describes this machine, printed beside every benchmark figure."""
from __future__ import annotations

import os
import platform


def describe() -> str:
    """CPU model, core count, Python version and OS, e.g. 'AMD EPYC, 2 cores, Python 3.11.7, Linux'."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), cpu)
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
