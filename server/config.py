"""Settings: every field has a default and a description; environment prefix KATABANK_."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KATABANK_", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'var' / 'katabank.db'}",
        description="SQLAlchemy URL of the database (SQLite under var/ by default; Postgres too).",
    )
    questions_dir: Path = Field(
        default=PROJECT_ROOT / "questions",
        description="Folder of question files (one Markdown file per question, TOML front matter).",
    )
    katas_dir: Path = Field(
        default=PROJECT_ROOT / "katas",
        description="Folder of katas, one sub-folder per kata.",
    )
    secure_cookies: bool = Field(
        default=False,
        description="Mark cookies Secure; turn on when Katabank is served over https.",
    )
    session_days: int = Field(
        default=30,
        ge=1,
        description="How long a login lasts, in days, before the user must log in again.",
    )
    login_max_failures: int = Field(
        default=5,
        ge=1,
        description="Failed logins allowed per username and client within the login window.",
    )
    login_window_minutes: int = Field(
        default=15,
        ge=1,
        description="The window, in minutes, over which failed logins are counted.",
    )
    max_body_bytes: int = Field(
        default=256 * 1024,
        ge=1024,
        description="Largest request body accepted, in bytes; larger requests get HTTP 413.",
    )
    page_size: int = Field(
        default=20,
        ge=1,
        le=200,
        description="Questions per page when browsing and searching the bank.",
    )
    new_cards_per_day: int = Field(
        default=10,
        ge=0,
        le=1000,
        description="New questions each user is shown per UTC day; due reviews are never capped.",
    )
    grading_workers: int = Field(
        default=2,
        ge=1,
        le=64,
        description=(
            "Submissions the embedded queue grades at once (the engine keeps this many sandbox "
            "pairs ready); the rest wait their turn."
        ),
    )
    submissions_per_minute: int = Field(
        default=10,
        ge=1,
        le=10_000,
        description="Runs and submissions each user may make per minute; more get HTTP 429.",
    )
    grading_queue: Literal["auto", "embedded", "jobs"] = Field(
        default="auto",
        description=(
            "Who grades: 'embedded' threads in the web process, or 'jobs' (procrastinate jobs "
            "in Postgres, run by `katabank worker` processes); 'auto' picks jobs on Postgres."
        ),
    )
    grading_max_attempts: int = Field(
        default=3,
        ge=1,
        le=20,
        description=(
            "Graders a submission may stop (a worker killed or out of memory mid-grading) "
            "before it is recorded as not graded instead of being tried again."
        ),
    )
    worker_lease_seconds: float = Field(
        default=30.0,
        ge=1.0,
        le=3600.0,
        description=(
            "A worker silent (no heartbeat) this long is presumed dead and its jobs go back to "
            "the queue; it sends a heartbeat every third of it."
        ),
    )
    metrics_token: str = Field(
        default="",
        description=(
            "Bearer token Prometheus must send to read /metrics; empty (the default) turns "
            "/metrics off."
        ),
    )

    @property
    def uses_job_queue(self) -> bool:
        """Whether grading goes through the job queue rather than the web process's threads."""
        if self.grading_queue == "auto":
            return self.database_url.startswith("postgresql")
        return self.grading_queue == "jobs"
