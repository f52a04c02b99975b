"""Every setting has a default and a description."""

from __future__ import annotations

from pathlib import Path

from server.config import PROJECT_ROOT, Settings


def test_every_setting_is_described() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description and len(field.description) > 20, name
        assert not field.is_required(), name


def test_the_default_database_is_a_file_under_var() -> None:
    url = Settings.model_fields["database_url"].default
    assert url == f"sqlite:///{PROJECT_ROOT / 'var' / 'katabank.db'}"
    assert Path(url.removeprefix("sqlite:///")).parent.name == "var"


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    for name in Settings.model_fields:
        assert f"`KATABANK_{name.upper()}`" in readme, f"document KATABANK_{name.upper()}"
