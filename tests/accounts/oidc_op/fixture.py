"""Start the test OpenID provider (serve.py) in its own process on a free loopback port."""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[3]
PASSWORD = "provider-wachtwoord-123"
# username at the provider, e-mail address
ACCOUNTS = [
    ("medewerker", "medewerker@provider.example"),
    ("mfa", "mfa@provider.example"),
    ("verlopen", "verlopen@provider.example"),
    ("ander-publiek", "ander-publiek@provider.example"),
    ("vervalst", "vervalst@provider.example"),
    ("onbekend", "onbekend@provider.example"),
]


@dataclass(frozen=True)
class Provider:
    url: str
    issuer: str
    client_id: str
    client_secret: str


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def openid_provider(redirect_uri: str, tmp: Path) -> Iterator[Provider]:
    port = _free_port()
    client_id, secret = "samenwerk-test", secrets.token_urlsafe(24)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))} | {
        "OP_PORT": str(port),
        "OP_DB": str(tmp / "provider.sqlite3"),
        "OP_CLIENT_ID": client_id,
        "OP_CLIENT_SECRET": secret,
        "OP_REDIRECT_URI": redirect_uri,
        "OP_USERS": json.dumps([[u, e, PASSWORD] for u, e in ACCOUNTS]),
        "PYTHONPATH": str(ROOT),
    }
    process = subprocess.Popen(  # the test provider, fixed arguments
        [sys.executable, "-m", "tests.accounts.oidc_op.serve"], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{url}/openid/.well-known/openid-configuration", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the test OpenID provider did not start")
            time.sleep(0.2)
        yield Provider(url=url, issuer=f"{url}/openid", client_id=client_id, client_secret=secret)
    finally:
        process.terminate()
        process.wait(timeout=20)
