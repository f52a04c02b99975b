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
        description=(
            "Largest request body accepted, in bytes; larger requests get HTTP 413. Keep it at "
            "224 KiB or more: the kata editor posts up to 100,000 bytes of files, newlines as CRLF."
        ),
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
    public_url: str | None = Field(
        default=None,
        max_length=200,
        pattern=r"^https?://",
        description=(
            "The address people reach Katabank at (e.g. https://katabank.example.com), for links "
            "sent to candidates; unset, links use the address of the manager's request."
        ),
    )
    smtp_host: str | None = Field(
        default=None,
        max_length=253,
        description="SMTP server for invitation emails; unset (the default), no email is sent.",
    )
    smtp_port: int = Field(
        default=587, ge=1, le=65535, description="The port of the SMTP server for invitations."
    )
    smtp_starttls: bool = Field(
        default=True, description="Upgrade the SMTP connection with STARTTLS before sending."
    )
    smtp_username: str = Field(default="", description="SMTP login name; empty for none.")
    smtp_password: str = Field(default="", description="The password of the SMTP login name.")
    smtp_from: str = Field(
        default="katabank@localhost",
        max_length=254,
        description="The From address of invitation emails.",
    )
    mock_minute_seconds: int = Field(
        default=60,
        ge=1,
        le=60,
        description=(
            "Seconds in one minute of a timed attempt's limit (mock interviews and "
            "assessments). Lower it only for tests, so a 1-minute mock runs out in seconds."
        ),
    )
    attempt_sweep_seconds: float = Field(
        default=15,
        gt=0,
        le=3600,
        description=(
            "How often, in seconds, the server submits timed attempts whose deadline passed "
            "with nobody on the page, and settles those whose katas finished grading."
        ),
    )
    session_idle_hours: int = Field(
        default=72,
        ge=1,
        description="A login ends after this many hours without a request, even within its days.",
    )
    login_max_per_client: int = Field(
        default=30,
        ge=1,
        description=(
            "Login attempts allowed per client address, over all usernames, within the login "
            "window (stops one password being tried against many accounts)."
        ),
    )
    login_max_per_minute: int = Field(
        default=600,
        ge=1,
        description="Login attempts allowed per minute from everyone together; more get 429.",
    )
    register_max_per_client: int = Field(
        default=10,
        ge=1,
        description="Registrations allowed per client address per hour; more get HTTP 429.",
    )
    register_max_per_hour: int = Field(
        default=300,
        ge=1,
        description="Registrations allowed per hour from everyone together; more get HTTP 429.",
    )
    password_hashes_at_once: int = Field(
        default=2,
        ge=1,
        le=256,
        description=(
            "Password hashes (argon2, slow and memory-hungry by design) each web process runs "
            "at once; a login or registration that waits over 2 s for one gets HTTP 503."
        ),
    )
    trusted_proxies: str = Field(
        default="",
        description=(
            "Comma-separated addresses or CIDRs of reverse proxies whose X-Forwarded-For is "
            "believed, e.g. 127.0.0.1/32,10.0.0.0/8; empty: the peer address is the client."
        ),
    )
    allowed_origins: str = Field(
        default="",
        description=(
            "Comma-separated origins (scheme://host[:port]) a state-changing request may come "
            "from; empty: the request's own Host header, which is right without a proxy."
        ),
    )
    queued_per_user: int = Field(
        default=10,
        ge=1,
        le=1000,
        description="Runs and submissions one user may have waiting or grading at once.",
    )
    queued_max: int = Field(
        default=200,
        ge=1,
        description=(
            "Runs and submissions waiting or grading at once for everyone together; "
            "more get HTTP 503 with Retry-After."
        ),
    )
    waits_per_user: int = Field(
        default=2,
        ge=1,
        le=100,
        description=(
            "Long-polls (GET /api/submissions/{id}?wait=) one user may hold open at once in "
            "each web process; more get HTTP 429."
        ),
    )
    answers_per_minute: int = Field(
        default=30,
        ge=1,
        le=10_000,
        description="Typed answers (answer mode) each user may send per minute; more are refused.",
    )
    kata_saves_per_hour: int = Field(
        default=60,
        ge=1,
        le=10_000,
        description=(
            "Kata versions each manager may save or import per hour in the kata editor (each "
            "queues a sandbox check); more are refused with the form kept."
        ),
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
    database_pool_size: int = Field(
        default=20,
        ge=1,
        le=200,
        description=(
            "Database connections each web process keeps open; a burst may open as many again, "
            "closed afterwards. On Postgres keep web processes x 2 x this (plus a few per worker) "
            "under the server's max_connections."
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
