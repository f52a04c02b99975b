"""The invitation email: the assessment, its time limit and window (in UTC), and the link."""

from __future__ import annotations

from server.hiring.models import Assessment, Invitation
from server.mailer import Mailer
from server.reviews import as_utc

__all__ = ["send_invitation"]


def send_invitation(
    *, mailer: Mailer, invitation: Invitation, assessment: Assessment, url: str
) -> None:
    """Email the candidate their link; raises MailError when it cannot be sent."""
    when = "%Y-%m-%d %H:%M UTC"
    body = (
        f"Hello {invitation.name},\n\n"
        f'You are invited to take "{assessment.title}", a timed assessment of '
        f"{assessment.minutes} minutes.\n"
        f"It is open from {as_utc(assessment.opens_at):{when}} "
        f"to {as_utc(assessment.closes_at):{when}}; "
        "the clock starts when you press Start.\n\n"
        f"Your personal link (do not share it):\n{url}\n"
    )
    mailer.send(to=invitation.email, subject=f"Your assessment: {assessment.title}", body=body)
