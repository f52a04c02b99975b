"""Hiring: managers' question sets, assessments by invitation, reports and similarity review."""
