"""What both workers' jobs call once they have read their job: its limits and its CPU."""

from __future__ import annotations

import contextlib
import math
import os
import resource

__all__ = ["apply_job_limits", "stay_on"]


def apply_job_limits(*, cpu_seconds: float, memory_mb: int) -> None:
    """Lower the worker's CPU and address-space limits to the job's."""
    # Soft = hard, so the kernel sends SIGKILL: the worker is PID 1 of its namespace, and a
    # namespace's init ignores SIGXCPU.
    cpu = max(1, math.ceil(cpu_seconds))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def stay_on(cpu: int) -> None:
    """Run on this one CPU, as the grading's other worker does.

    The two workers take turns, one waiting while the other answers; woken on another
    CPU, each turn costs an inter-processor interrupt (~80 µs here, ~20 ms a grading).
    """
    with contextlib.suppress(OSError):  # a CPU this worker may not use: it runs anywhere
        os.sched_setaffinity(0, {cpu})
