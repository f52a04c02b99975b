"""Sending email behind one small interface, so tests use a real SMTP server they start.

`make_mailer(settings)` gives `SmtpMailer` when `KATABANK_SMTP_HOST` is set and `NoMailer`
otherwise (email is off by default: managers copy links from the page instead).
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from typing import Protocol

from server.config import Settings

__all__ = ["MailError", "Mailer", "NoMailer", "SmtpMailer", "make_mailer"]


class MailError(Exception):
    """The message could not be handed to the SMTP server; the text says why."""


class Mailer(Protocol):
    enabled: bool

    def send(self, *, to: str, subject: str, body: str) -> None:
        """Send one plain-text message or raise MailError."""
        ...


class NoMailer:
    """Email is off: nothing is sent, and pages say so."""

    enabled = False

    def send(self, *, to: str, subject: str, body: str) -> None:
        raise MailError("Email is not set up on this server (KATABANK_SMTP_HOST).")


class SmtpMailer:
    enabled = True

    def __init__(self, settings: Settings) -> None:
        assert settings.smtp_host is not None
        self._settings = settings

    def send(self, *, to: str, subject: str, body: str) -> None:
        settings = self._settings
        message = EmailMessage()
        message["From"] = settings.smtp_from
        message["To"] = to
        message["Subject"] = subject
        message.set_content(body)
        try:
            with smtplib.SMTP(settings.smtp_host or "", settings.smtp_port, timeout=15) as smtp:
                if settings.smtp_starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if settings.smtp_username:
                    smtp.login(settings.smtp_username, settings.smtp_password)
                smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as error:
            raise MailError(f"The mail server refused or could not be reached: {error}") from None


def make_mailer(settings: Settings) -> Mailer:
    return SmtpMailer(settings) if settings.smtp_host else NoMailer()
