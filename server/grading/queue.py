"""The grading queue interface, and the embedded queue: threads in the web process.

The web app only ever calls `enqueue(submission_id)`, `enqueue_similarity(attempt_id)` and,
for a kata written in the browser, `check_kata(version_id)`; whatever runs the job reads its
object from the database and stores the outcome there. `EmbeddedQueue`, the default, is a
bounded pool of threads in the web process, so `make run` needs nothing else; `JobQueue`
(jobs.py) hands the same work to `katabank worker` processes through Postgres.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from typing import Protocol

__all__ = ["EmbeddedQueue", "GradingQueue"]

log = logging.getLogger(__name__)


class GradingQueue(Protocol):
    """Where stored submissions go to be graded."""

    def enqueue(self, submission_id: int) -> None:
        """Grade the stored submission `submission_id` soon; returns at once."""
        ...

    def enqueue_similarity(self, attempt_id: int) -> None:
        """Run the similarity check of the attempt's final code soon; returns at once."""
        ...

    def check_kata(self, version_id: int) -> None:
        """Check the stored authored kata version `version_id` in the sandbox soon."""
        ...

    def resume(self, submission_ids: Sequence[int]) -> int:
        """At start-up: queue again those unfinished submissions no one holds; how many."""
        ...

    def resume_checks(self, version_ids: Sequence[int]) -> int:
        """At start-up: queue again those unchecked kata versions no one holds; how many."""
        ...

    def workers_alive(self) -> int:
        """How many graders are taking work now (threads here, worker processes elsewhere)."""
        ...

    def close(self) -> None:
        """Stop taking work; what is not finished stays unfinished in the database."""
        ...


class EmbeddedQueue:
    """`workers` threads, each running one job at a time: `job(submission_id)` grades a
    submission, `similarity(attempt_id)` compares an attempt's code, `check(version_id)`
    checks an authored kata version."""

    def __init__(
        self,
        job: Callable[[int], object],
        *,
        similarity: Callable[[int], object],
        check: Callable[[int], object],
        workers: int,
    ) -> None:
        self._job = job
        self._similarity = similarity
        self._check = check
        self._workers = workers
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="grading")

    def enqueue(self, submission_id: int) -> None:
        self._submit(self._job, submission_id, "grading job failed")

    def enqueue_similarity(self, attempt_id: int) -> None:
        self._submit(self._similarity, attempt_id, "similarity run failed")

    def check_kata(self, version_id: int) -> None:
        self._submit(self._check, version_id, "kata check failed")

    def _submit(self, run: Callable[[int], object], object_id: int, failure: str) -> None:
        future = self._executor.submit(run, object_id)
        future.add_done_callback(partial(_log_failure, failure))

    def resume(self, submission_ids: Sequence[int]) -> int:
        # Only this process grades, so whatever is unfinished at its start was cut short here.
        for submission_id in submission_ids:
            self.enqueue(submission_id)
        return len(submission_ids)

    def resume_checks(self, version_ids: Sequence[int]) -> int:
        for version_id in version_ids:
            self.check_kata(version_id)
        return len(version_ids)

    def workers_alive(self) -> int:
        return self._workers

    def close(self) -> None:
        # Gradings under way finish (each is bounded by its kata's wall limit); the ones still
        # waiting are dropped here and graded again at the next start-up.
        self._executor.shutdown(wait=True, cancel_futures=True)


def _log_failure(message: str, future: Future[object]) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.error(message, exc_info=future.exception())
