"""Start-up duties that one web process does for all of them (`katabank serve --workers N`).

Several web processes on one database would each queue again every unfinished submission at
start-up, so each would be graded once per process. The first process to take an exclusive
lock on a file named for the database does it; the lock lasts as long as that process.
"""

from __future__ import annotations

import fcntl
import hashlib
import tempfile
from pathlib import Path
from typing import IO

__all__ = ["first_process_lock"]


def first_process_lock(database_url: str) -> IO[str] | None:
    """An open, locked file when this is the first process on `database_url`, else None.

    Keep the file open for as long as the duties hold (closing it releases the lock).
    """
    name = hashlib.sha256(database_url.encode()).hexdigest()[:16]
    handle = (Path(tempfile.gettempdir()) / f"katabank-{name}.lock").open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle
