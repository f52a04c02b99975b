"""Invitation emails through a real SMTP server the test starts on loopback (aiosmtpd)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient

from server.app import create_app
from server.config import Settings
from server.mailer import MailError, NoMailer, SmtpMailer
from server.models import Role
from tests.factories import free_port, login, make_user

pytestmark = pytest.mark.usefixtures("sample_bank")


class Inbox:
    """An aiosmtpd handler keeping every message it receives."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    handler, port = Inbox(), free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()


def _manager_client(settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings)
    with TestClient(app) as client:
        make_user(app.state.engine, "maria", role=Role.manager)
        login(client, "maria")
        yield client


def _invite(client: TestClient, **body: Any) -> dict[str, Any]:
    headers = {"X-CSRF-Token": client.get("/api/session").json()["csrf_token"]}
    items = [{"kind": "kata", "kata_id": "intersection"}]
    set_id = client.post("/api/sets", json={"title": "S", "items": items}, headers=headers).json()
    now = datetime.now(UTC)
    assessment = client.post(
        "/api/assessments",
        json={
            "set_id": set_id["set_id"],
            "title": "Backend round",
            "minutes": 40,
            "opens_at": now.isoformat(),
            "closes_at": (now + timedelta(days=3)).isoformat(),
        },
        headers=headers,
    ).json()["assessment_id"]
    response = client.post(
        f"/api/assessments/{assessment}/invitations",
        json={"name": "Ada", "email": "ada@example.com", **body},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def test_the_link_is_emailed_through_the_configured_smtp_server(
    settings: Settings, inbox: tuple[Inbox, int]
) -> None:
    handler, port = inbox
    configured = settings.model_copy(
        update={
            "smtp_host": "127.0.0.1",
            "smtp_port": port,
            "smtp_starttls": False,
            "smtp_from": "hiring@example.com",
        }
    )
    for client in _manager_client(configured):
        created = _invite(client, send_email=True)
    assert created["emailed"] is True and created["email_error"] is None
    (message,) = handler.messages
    assert message["To"] == "ada@example.com" and message["From"] == "hiring@example.com"
    assert message["Subject"] == "Your assessment: Backend round"
    body = message.get_payload(decode=True).decode()  # type: ignore[union-attr]
    assert created["url"] in body and "40 minutes" in body and "UTC" in body


def test_without_smtp_the_invitation_is_made_and_says_why_no_email_went(
    settings: Settings,
) -> None:
    for client in _manager_client(settings):
        created = _invite(client, send_email=True)
        assert created["emailed"] is False
        assert "KATABANK_SMTP_HOST" in created["email_error"]
        assert client.get(created["url"].split("testserver")[1]).status_code == 200


def test_an_unreachable_smtp_server_is_a_clear_error(settings: Settings) -> None:
    mailer = SmtpMailer(
        settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": free_port()})
    )
    with pytest.raises(MailError, match="could not be reached"):
        mailer.send(to="a@example.com", subject="s", body="b")
    with pytest.raises(MailError):
        NoMailer().send(to="a@example.com", subject="s", body="b")
