"""Log lines as JSON objects, each carrying the id of the request it belongs to.

`configure()` is called by `katabank serve` and `katabank worker`; tests and library use leave
logging alone. A request's id comes from a well-formed `X-Request-ID` header (a proxy's) or
is made here; it is echoed in the response, so a user's report leads to its log lines.
"""

from __future__ import annotations

import json
import logging
import logging.config
import re
import secrets
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

__all__ = ["REQUEST_ID", "JsonFormatter", "configure", "dict_config", "request_id_from"]

REQUEST_ID: ContextVar[str | None] = ContextVar("request_id", default=None)
_GOOD_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
# Attributes every LogRecord has; anything else was passed in `extra=` and is logged as a field.
# (uvicorn's `color_message` is its message again, with terminal colours: not for a log file.)
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "color_message",
}


def request_id_from(header: str | None) -> str:
    """The caller's id when it is short and plain (no log injection), else a new one."""
    if header and _GOOD_ID.fullmatch(header):
        return header
    return secrets.token_hex(8)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, and the extras."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = REQUEST_ID.get()
        if request_id:
            line["request_id"] = request_id
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                line[key] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)


def dict_config(level: str = "INFO") -> dict[str, Any]:
    """A `logging.config` dictionary sending every logger's lines to stderr as JSON.

    uvicorn applies it in each of its worker processes (`katabank serve --workers N`).
    """
    passed_up = {"handlers": [], "propagate": True}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {name: passed_up for name in ("uvicorn", "uvicorn.error", "procrastinate")},
    }


def configure(level: str = "INFO") -> None:
    """Send every logger's lines, uvicorn's included, to stderr as JSON."""
    logging.config.dictConfig(dict_config(level))
