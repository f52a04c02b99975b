"""Behind a reverse proxy: the client address comes from X-Forwarded-For only when the peer is
a trusted proxy, and the CSRF origin check accepts the configured public origins."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from server.config import Settings
from server.middleware import client_address, trusted_networks
from tests.factories import PASSWORD, csrf_token, make_user, post_form

PROXIES = trusted_networks("10.0.0.0/8, 127.0.0.1")


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        ("203.0.113.9", ["198.51.100.1"], "203.0.113.9"),  # not a proxy: its header is ignored
        ("10.0.0.2", ["198.51.100.1"], "198.51.100.1"),
        ("10.0.0.2", ["6.6.6.6, 198.51.100.1"], "198.51.100.1"),  # the client wrote 6.6.6.6
        ("10.0.0.2", ["6.6.6.6, 198.51.100.1, 10.0.0.7"], "198.51.100.1"),  # two proxies
        ("10.0.0.2", ["6.6.6.6", "198.51.100.1"], "198.51.100.1"),  # repeated headers
        ("127.0.0.1", ["10.0.0.3, 10.0.0.4"], "10.0.0.3"),  # all trusted: the first
        ("127.0.0.1", [], "127.0.0.1"),
        ("10.0.0.2", ["not-an-address"], "not-an-address"),  # untrusted, so it is the client
    ],
)
def test_client_address(peer: str, forwarded: list[str], expected: str) -> None:
    assert client_address(peer, forwarded, PROXIES) == expected


def test_without_trusted_proxies_the_header_is_ignored() -> None:
    assert client_address("10.0.0.2", ["198.51.100.1"], trusted_networks("")) == "10.0.0.2"


def test_a_bad_proxy_setting_names_itself(settings: Settings) -> None:
    with pytest.raises(ValueError, match=re.escape("KATABANK_TRUSTED_PROXIES: '10.0.0.0/33'")):
        create_app(settings.model_copy(update={"trusted_proxies": "10.0.0.0/33"}))


def _guess(client: TestClient, forwarded_for: str) -> int:
    form = {"csrf_token": csrf_token(client, "/login"), "username": "alice", "password": "x" * 8}
    headers = {"X-Forwarded-For": forwarded_for}
    return client.post("/login", data=form, headers=headers).status_code


def test_login_limits_count_the_forwarded_client(settings: Settings) -> None:
    configured = settings.model_copy(update={"trusted_proxies": "10.0.0.0/8"})
    app = create_app(configured.model_copy(update={"login_max_failures": 2}))
    with TestClient(app, client=("10.1.2.3", 40000)) as client:
        make_user(app.state.engine, "alice")
        assert [_guess(client, "198.51.100.1") for _ in range(3)] == [400, 400, 429]
        # Another client behind the same proxy has its own window.
        assert _guess(client, "198.51.100.2") == 400


def test_an_untrusted_peer_cannot_dodge_the_limit_with_the_header(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"login_max_failures": 2}))
    with TestClient(app, client=("203.0.113.5", 40000)) as client:
        make_user(app.state.engine, "alice")
        assert [_guess(client, f"198.51.100.{n}") for n in range(3)] == [400, 400, 429]


def test_configured_origins_are_accepted_and_others_refused(settings: Settings) -> None:
    origins = "https://katabank.example.com, https://other.example.com:8443"
    app = create_app(settings.model_copy(update={"allowed_origins": origins}))
    with TestClient(app) as client:
        make_user(app.state.engine, "alice")
        form = {"username": "alice", "password": PASSWORD}
        for origin, status in [
            ("https://katabank.example.com", 303),
            ("https://other.example.com:8443", 303),
            ("http://katabank.example.com", 403),  # the scheme counts
            ("http://testserver", 403),  # the Host no longer decides
        ]:
            client.cookies.clear()
            token = csrf_token(client, "/login")
            response = client.post(
                "/login",
                data={"csrf_token": token, **form},
                headers={"Origin": origin},
                follow_redirects=False,
            )
            assert response.status_code == status, origin
        client.cookies.clear()
        assert post_form(client, "/login", form, token_from="/login").status_code == 303
