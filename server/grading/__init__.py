"""Grading queues: where stored submissions wait for the engine, off the event loop.

EmbeddedQueue   threads in the web process (the default, SQLite or not; `make run`)
JobQueue        procrastinate jobs in Postgres, graded by `katabank worker` processes
make_queue      the one the settings ask for
"""

from server.grading.jobs import JobQueue
from server.grading.queue import EmbeddedQueue, GradingQueue

__all__ = ["EmbeddedQueue", "GradingQueue", "JobQueue"]
