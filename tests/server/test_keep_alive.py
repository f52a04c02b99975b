"""`katabank serve` keeps an idle connection open for longer than a reverse proxy does, so a
proxy never reuses a connection at the moment the server closes it (server/commands.py)."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from urllib.parse import urlsplit

from tests.server.serving import serve

UVICORN_DEFAULT_KEEP_ALIVE_SECONDS = 5


def _exchange(connection: socket.socket, host: str) -> bytes:
    """One GET /healthz on an open connection; the whole response (headers and body)."""
    connection.sendall(f"GET /healthz HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    received = b""
    while b"\r\n\r\n" not in received:
        chunk = connection.recv(4096)
        assert chunk, f"the server closed the connection; it had sent {received!r}"
        received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    length = next(
        int(line.split(b":", 1)[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length:")
    )
    while len(body) < length:
        chunk = connection.recv(4096)
        assert chunk, "the server closed the connection mid-body"
        body += chunk
    return head + b"\r\n\r\n" + body


def test_a_connection_left_idle_past_uvicorns_default_is_still_open_and_answers(
    tmp_path: Path,
) -> None:
    (tmp_path / "questions").mkdir()
    with serve(tmp_path, f"sqlite:///{tmp_path / 'katabank.db'}", "server") as server:
        address = urlsplit(server.url).netloc
        host, port = address.rsplit(":", 1)
        with socket.create_connection((host, int(port)), timeout=30) as connection:
            assert _exchange(connection, address).startswith(b"HTTP/1.1 200")
            time.sleep(UVICORN_DEFAULT_KEEP_ALIVE_SECONDS + 1.5)
            # A server that had closed it would have sent its FIN by now: recv would return b"".
            connection.setblocking(False)
            try:
                waiting: bytes | None = connection.recv(1)
            except BlockingIOError:
                waiting = None  # nothing to read: still open
            assert waiting is None, f"{waiting!r} waits on the idle connection (b'' is a close)"
            connection.setblocking(True)
            assert _exchange(connection, address).startswith(b"HTTP/1.1 200")
