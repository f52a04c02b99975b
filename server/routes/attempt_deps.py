"""What the mock pages and the attempts API share: the caller's own attempt, brought up to
date (expired attempts are submitted on the request that finds them).

A refused operation (`AttemptError`, hiring's errors included) needs no catching in a route:
the app's handler (server/errors.py) answers with its status and message."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path

from server.attempts import attempts
from server.attempts.models import Attempt
from server.clock import ClockDep
from server.deps import CatalogDep, CurrentUser, QueueDep, SessionDep

__all__ = ["OwnAttempt", "own_attempt"]


def own_attempt(
    attempt_id: Annotated[int, Path(ge=1)],
    session: SessionDep,
    user: CurrentUser,
    clock: ClockDep,
    queue: QueueDep,
    catalog: CatalogDep,
) -> Attempt:
    """The caller's attempt with this id, refreshed; 404 for anyone else's or none."""
    attempt = attempts.get_attempt(session=session, attempt_id=attempt_id, user_id=user.id)
    return attempts.refresh(
        session=session, attempt=attempt, now=clock.now(), queue=queue, catalog=catalog
    )


OwnAttempt = Annotated[Attempt, Depends(own_attempt)]
