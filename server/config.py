"""Settings: every field has a default and a description; environment prefix KATABANK_."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KATABANK_", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'var' / 'katabank.db'}",
        description="SQLAlchemy URL of the database; SQLite under var/ by default, Postgres at scale.",
    )
    questions_dir: Path = Field(
        default=PROJECT_ROOT / "questions",
        description="Folder of question files (one Markdown file per question, TOML front matter).",
    )
    katas_dir: Path = Field(
        default=PROJECT_ROOT / "katas",
        description="Folder of katas, one sub-folder per kata.",
    )
