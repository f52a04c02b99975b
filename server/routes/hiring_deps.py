"""Lookups the hiring pages and API share: a manager's own set, assessment or candidate.

Each is a dependency answering 404 for another manager's (admins see all), exactly as for
one that does not exist.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path

from server.deps import ManagerUser, SessionDep
from server.hiring import assessments, reports, sets
from server.hiring.models import Assessment, Invitation, QuestionSet

__all__ = ["OwnAssessment", "OwnInvitation", "OwnSet"]

Id = Annotated[int, Path(ge=1)]


def own_set(set_id: Id, session: SessionDep, user: ManagerUser) -> QuestionSet:
    return sets.get_set(session=session, set_id=set_id, user=user)


def own_assessment(assessment_id: Id, session: SessionDep, user: ManagerUser) -> Assessment:
    return assessments.get_assessment(session=session, assessment_id=assessment_id, user=user)


OwnSet = Annotated[QuestionSet, Depends(own_set)]
OwnAssessment = Annotated[Assessment, Depends(own_assessment)]


def own_invitation(invitation_id: Id, assessment: OwnAssessment, session: SessionDep) -> Invitation:
    return reports.invitation_of(
        session=session, assessment=assessment, invitation_id=invitation_id
    )


OwnInvitation = Annotated[Invitation, Depends(own_invitation)]
