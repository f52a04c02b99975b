"""The periodic sweep: submits attempts whose time ran out with nobody looking, and settles
those whose katas finished grading. A daemon thread in the web process, one pass per period.

Every pass is idempotent and races safely with requests (see `attempts`), so running it in
several web processes at once is harmless.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from server.attempts.attempts import sweep
from server.catalog import Catalog
from server.grading import GradingQueue

__all__ = ["Sweeper"]

log = logging.getLogger(__name__)


class Sweeper:
    """Runs `sweep` every `period` seconds until `close()`."""

    def __init__(
        self,
        *,
        engine: Engine,
        queue: GradingQueue,
        catalog: Callable[[], Catalog],
        now: Callable[[], datetime],
        period: float,
    ) -> None:
        self._engine, self._queue, self._catalog, self._now = engine, queue, catalog, now
        self._period = period
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="attempt-sweep", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def run_once(self) -> int:
        """One pass; how many attempts changed state."""
        with Session(self._engine, expire_on_commit=False) as session:
            return sweep(
                session=session, now=self._now(), queue=self._queue, catalog=self._catalog()
            )

    def close(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def _loop(self) -> None:
        while not self._stop.wait(self._period):
            try:
                moved = self.run_once()
            except Exception:  # one bad pass must not end the sweeping
                log.exception("attempt sweep failed")
                continue
            if moved:
                log.info("attempt sweep: %d attempts submitted or graded", moved)
