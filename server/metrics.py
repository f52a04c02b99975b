"""Prometheus metrics: requests and gradings counted as they happen, the queue read at scrape time.

Counters live in the process that does the work: a web process counts its requests (and, with
the embedded queue, its gradings); a `katabank worker` counts its gradings and serves them on
its own port (`--metrics-port`). Queue depth and live workers come from the database, so any
web process reports the same numbers.
"""

from __future__ import annotations

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import generate_latest

__all__ = [
    "CONTENT_TYPE",
    "GRADINGS",
    "GRADING_SECONDS",
    "REQUESTS",
    "REQUEST_SECONDS",
    "exposition",
]

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

REQUESTS = Counter(
    "katabank_requests",
    "HTTP requests answered, by route template, method and status code.",
    ["route", "method", "status"],
)
REQUEST_SECONDS = Histogram(
    "katabank_request_seconds",
    "Time to answer an HTTP request, by route template.",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
GRADINGS = Counter(
    "katabank_gradings", "Verdicts recorded by this process, by verdict.", ["verdict"]
)
GRADING_SECONDS = Histogram(
    "katabank_grading_seconds",
    "Time one grading took in this process, from claim to verdict.",
    buckets=(0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120),
)


def exposition(*, queued: int, running: int, workers_alive: int) -> bytes:
    """This process's metrics plus the queue's, in Prometheus text format."""
    scrape = CollectorRegistry()
    depth = Gauge(
        "katabank_queue_submissions",
        "Submissions waiting for a verdict, by state.",
        ["state"],
        registry=scrape,
    )
    depth.labels(state="queued").set(queued)
    depth.labels(state="running").set(running)
    Gauge(
        "katabank_workers_alive",
        "Graders taking work: embedded threads, or worker processes with a fresh heartbeat.",
        registry=scrape,
    ).set(workers_alive)
    return generate_latest(REGISTRY) + generate_latest(scrape)
