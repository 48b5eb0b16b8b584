"""Structured logs: one JSON object per line with the request id (LOG_FORMAT=json, the
production default). Only the message and a fixed list of extra fields go out, never the
request's path, query string or form data: no personal data in any log line (a test walks the
demo with a browser and searches every line for the residents' names and addresses)."""

from __future__ import annotations

import contextvars
import datetime
import json
import logging
import re
from typing import Any

_VERZOEKREGEL = re.compile(r"^[A-Z]+ /")  # "GET /path HTTP/1.1" (runserver's django.server lines)
request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

# The extra={...} keys our code logs; all ids, counts, codes or route names.
EXTRA = (
    "user_id", "provider_id", "device", "count", "reden", "commando", "duur_seconden", "fout",
    "methode", "route", "status", "duur_ms", "soort", "aantal", "gemeente_id", "casus_id",
)  # fmt: skip


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


def _zonder_pad(arg: object) -> object:
    if isinstance(arg, str) and (arg.startswith("/") or _VERZOEKREGEL.match(arg)):
        return "<pad>"
    return arg


def _bericht(record: logging.LogRecord) -> str:
    """Django's request loggers put the path in the message ("Not Found: /mijn-plan/<token>/"):
    paths may carry a secret link, so they are left out."""
    if record.name.startswith(("django.request", "django.security", "django.server")) and record.args:
        args = record.args if isinstance(record.args, tuple) else (record.args,)
        veilig = tuple(_zonder_pad(a) for a in args)
        try:
            return str(record.msg) % veilig
        except (TypeError, ValueError):
            return str(record.msg)
    return record.getMessage()


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        regel: dict[str, Any] = {
            "tijd": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(timespec="milliseconds"),
            "niveau": record.levelname,
            "logger": record.name,
            "bericht": _bericht(record),
        }
        if getattr(record, "request_id", ""):
            regel["request_id"] = record.request_id
        for key in EXTRA:
            if hasattr(record, key):
                regel[key] = getattr(record, key)
        if record.exc_info:
            regel["uitzondering"] = record.exc_info[0].__name__ if record.exc_info[0] else ""
            regel["traceback"] = self.formatException(record.exc_info)
        return json.dumps(regel, default=str, ensure_ascii=False)
