"""What the mock pages and the attempts API share: the caller's own attempt, brought up to
date (expired attempts are submitted on the request that finds them), and error mapping."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Path

from server.attempts import attempts
from server.attempts.models import Attempt
from server.clock import ClockDep
from server.deps import CatalogDep, CurrentUser, QueueDep, SessionDep

__all__ = ["OwnAttempt", "http_error", "own_attempt"]


def http_error(error: attempts.AttemptError) -> HTTPException:
    """The HTTP error a refused attempt operation answers with (404, 409 or 422)."""
    return HTTPException(error.status_code, error.message)


def own_attempt(
    attempt_id: Annotated[int, Path(ge=1)],
    session: SessionDep,
    user: CurrentUser,
    clock: ClockDep,
    queue: QueueDep,
    catalog: CatalogDep,
) -> Attempt:
    """The caller's attempt with this id, refreshed; 404 for anyone else's or none."""
    try:
        attempt = attempts.get_attempt(session=session, attempt_id=attempt_id, user_id=user.id)
    except attempts.AttemptError as error:
        raise http_error(error) from None
    return attempts.refresh(
        session=session, attempt=attempt, now=clock.now(), queue=queue, catalog=catalog
    )


OwnAttempt = Annotated[Attempt, Depends(own_attempt)]
