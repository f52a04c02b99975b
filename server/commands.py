"""`katabank serve`, `katabank users create|reset-password`, `katabank db upgrade`."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from sqlmodel import Session

from server import accounts, db, logins, logs
from server.config import Settings
from server.models import Role

__all__ = ["KEEP_ALIVE_SECONDS", "register"]

# How long an idle keep-alive connection stays open. Longer than the idle timeouts of the
# proxies the README suggests (nginx and load balancers 60 s, Caddy 2 min): with uvicorn's
# 5 s, a proxy could reuse a connection just as the server closed it, and a POST on it would
# be lost (nginx does not retry a non-idempotent request; the user sees a 502).
KEEP_ALIVE_SECONDS = 125


def register(subcommands: Any) -> None:
    """Add the web server's sub-commands to the `katabank` command line."""
    serve = subcommands.add_parser("serve", help="Run the web app (migrates the database first).")
    serve.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
    serve.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("PORT") or 8000),
        help="Port to listen on (default: $PORT, else 8000).",
    )
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="Web processes sharing the port (each with its own embedded grading queue).",
    )
    serve.set_defaults(run=_serve)

    users = subcommands.add_parser("users", help="Manage accounts.")
    user_actions = users.add_subparsers(dest="users_command", required=True, metavar="ACTION")
    create = user_actions.add_parser("create", help="Create an account.")
    create.add_argument("username")
    create.add_argument("--role", choices=[role.value for role in Role], default="candidate")
    create.add_argument(
        "--password-stdin",
        action="store_true",
        help="Read the password from the first line of standard input instead of a prompt.",
    )
    create.set_defaults(run=_create_user)
    reset = user_actions.add_parser(
        "reset-password", help="Set a new password for an account and end all its logins."
    )
    reset.add_argument("username")
    reset.add_argument(
        "--password-stdin",
        action="store_true",
        help="Read the password from the first line of standard input instead of a prompt.",
    )
    reset.set_defaults(run=_reset_password)

    database = subcommands.add_parser("db", help="The database schema.")
    db_actions = database.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = db_actions.add_parser("upgrade", help="Apply every pending migration.")
    upgrade.set_defaults(run=_upgrade)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server.app import create_app

    # Every line as JSON with its request id (the app logs each request itself, telemetry.py);
    # the configuration is handed to uvicorn so that each worker process applies it too.
    options: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "proxy_headers": False,
        "server_header": False,
        "log_level": "info",
        "log_config": logs.dict_config(),
        "access_log": False,
        "timeout_keep_alive": KEEP_ALIVE_SECONDS,
    }
    if args.workers <= 1:
        uvicorn.run(create_app(Settings()), **options)
        return 0
    # Migrate once here, so the processes do not all try at once; each then finds it done.
    engine = db.make_engine(Settings().database_url)
    try:
        db.upgrade(engine)
    finally:
        engine.dispose()
    uvicorn.run("server.app:create_app", factory=True, workers=args.workers, **options)
    return 0


def _read_password(from_stdin: bool) -> str | None:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != password:
        print("error: the passwords differ", file=sys.stderr)
        return None
    return password


def _create_user(args: argparse.Namespace) -> int:
    password = _read_password(args.password_stdin)
    if password is None:
        return 1
    engine = db.make_engine(Settings().database_url)
    try:
        db.upgrade(engine)
        with Session(engine) as session:
            user = accounts.create_user(
                session=session, username=args.username, password=password, role=Role(args.role)
            )
            print(f"created {user.role.value} {user.username!r}")
    except accounts.AccountError as exc:
        return _refused(exc)
    finally:
        engine.dispose()
    return 0


def _reset_password(args: argparse.Namespace) -> int:
    engine = db.make_engine(Settings().database_url)
    try:
        db.upgrade(engine)
        with Session(engine) as session:
            user = accounts.find_user(session=session, username=args.username)
            if user is None:
                print(f"error: username: there is no account {args.username!r}", file=sys.stderr)
                return 1
            password = _read_password(args.password_stdin)
            if password is None:
                return 1
            accounts.set_password(session=session, user=user, password=password)
            ended = logins.end_logins(session=session, user=user)
            print(f"password of {user.username!r} reset; {ended} login(s) ended")
    except accounts.AccountError as exc:
        return _refused(exc)
    finally:
        engine.dispose()
    return 0


def _refused(exc: accounts.AccountError) -> int:
    for field, message in exc.errors.items():
        print(f"error: {field}: {message}", file=sys.stderr)
    return 1


def _upgrade(args: argparse.Namespace) -> int:
    settings = Settings()
    engine = db.make_engine(settings.database_url)
    try:
        db.upgrade(engine)
    finally:
        engine.dispose()
    print(f"database at head: {engine.url.render_as_string(hide_password=True)}")
    return 0
