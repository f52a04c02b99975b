"""The grading queue interface, and the embedded queue: threads in the web process.

The web app only ever calls `enqueue(submission_id)`; whatever grades the submission reads it
from the database and stores the verdict there. `EmbeddedQueue`, the default, is a bounded
pool of threads in the web process, so `make run` needs nothing else; `JobQueue` (jobs.py)
hands the same work to `katabank worker` processes through Postgres.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

__all__ = ["EmbeddedQueue", "GradingQueue"]

log = logging.getLogger(__name__)


class GradingQueue(Protocol):
    """Where stored submissions go to be graded."""

    def enqueue(self, submission_id: int) -> None:
        """Grade the stored submission `submission_id` soon; returns at once."""
        ...

    def resume(self, submission_ids: Sequence[int]) -> int:
        """At start-up: queue again those unfinished submissions no one holds; how many."""
        ...

    def workers_alive(self) -> int:
        """How many graders are taking work now (threads here, worker processes elsewhere)."""
        ...

    def close(self) -> None:
        """Stop taking work; what is not finished stays unfinished in the database."""
        ...


class EmbeddedQueue:
    """`workers` threads, each running `job(submission_id)` for one submission at a time."""

    def __init__(self, job: Callable[[int], None], *, workers: int) -> None:
        self._job = job
        self._workers = workers
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="grading")

    def enqueue(self, submission_id: int) -> None:
        future = self._executor.submit(self._job, submission_id)
        future.add_done_callback(_log_failure)

    def resume(self, submission_ids: Sequence[int]) -> int:
        # Only this process grades, so whatever is unfinished at its start was cut short here.
        for submission_id in submission_ids:
            self.enqueue(submission_id)
        return len(submission_ids)

    def workers_alive(self) -> int:
        return self._workers

    def close(self) -> None:
        # Gradings under way finish (each is bounded by its kata's wall limit); the ones still
        # waiting are dropped here and graded again at the next start-up.
        self._executor.shutdown(wait=True, cancel_futures=True)


def _log_failure(future: Future[None]) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.error("grading job failed", exc_info=future.exception())
