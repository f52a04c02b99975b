"""Run on a kata item during an attempt: save the code, then grade it on the sample tests.

Only the sample tests ever run before the attempt is submitted; the hidden ones run when it
is. The run is an ordinary `run` submission of the attempt's user, so it is rate-limited and
graded like any other.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from server import submissions
from server.attempts import attempts
from server.attempts.models import Attempt, ItemKind
from server.catalog import Catalog
from server.grading import GradingQueue
from server.models import Submission, User

__all__ = ["run_sample_tests"]


def run_sample_tests(
    *,
    session: Session,
    attempt: Attempt,
    item_id: int,
    source: str,
    user: User,
    queue: GradingQueue,
    catalog: Catalog,
    limits: submissions.Limits,
    now: datetime,
) -> Submission:
    """Save `source` as the item's answer and queue a sample-test run of it.

    Raises AttemptError (closed, wrong item) or SubmissionRefused (too large, too many).
    """
    item = attempts.save_answer(
        session=session,
        attempt=attempt,
        item_id=item_id,
        answer=source,
        kind=ItemKind.kata,
        now=now,
    )
    kata = catalog.held_kata(item.kata_id or "", item.kata_version_id)
    if kata is None:
        raise attempts.AttemptNotFound("This kata is no longer available.")
    return submissions.submit(
        session=session,
        queue=queue,
        user=user,
        kata=kata,
        source=source,
        kind=submissions.Kind.run,
        per_minute=limits.per_minute,
        limits=limits,
        now=now,
        version_id=item.kata_version_id,
    )
