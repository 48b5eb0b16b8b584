"""Production smoke test (CI, after `collectstatic` and `migrate`): gunicorn with the production
settings (deploy/gunicorn.conf.py) and the task worker (`manage.py db_worker`) on a free
loopback port, then over HTTP the login page, a static file under its hashed name, the health
endpoint as a load balancer asks it (by address, plain HTTP), a task the worker runs, the
metrics behind their token, and a signed-in page after the real two sign-in steps (password,
then the authenticator code).

Run with the production environment set (DJANGO_ENV=production and the variables
docs/configuration.md requires). Requests carry `X-Forwarded-Proto: https` as the reverse
proxy would, so the HTTPS redirect, the `__Host-` cookies and the CSRF origin check are the
production ones. Creates one account (`smoke-<random>@ci.example`) in the database it is
given, with a random password and authenticator key; CI's database is thrown away after.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samenwerk.config.settings")


class Browser:
    """Just enough of a browser: one host, cookies (also the Secure ones: the proxy speaks
    HTTPS to the user), the proxy's headers."""

    def __init__(self, port: int, host: str) -> None:
        self.port, self.host = port, host
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        headers = {"Host": self.host, "X-Forwarded-Proto": "https", "User-Agent": "samenwerk-smoke/1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"https://{self.host}",
                "Referer": f"https://{self.host}{path}",
            }
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            content = response.read()
            for value in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(value).items():
                    self.cookies[name] = morsel.value
            return response.status, {k.lower(): v for k, v in response.getheaders()}, content
        finally:
            conn.close()


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SystemExit(f"smoke test FAILED: {message}")
    print(f"  ok  {message}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_account() -> tuple[str, str, str]:
    """A staff account with a confirmed authenticator: (e-mail, password, TOTP key hex)."""
    import django

    django.setup()
    from django.db import connection
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from samenwerk.gemeenten.models import User

    email, password = f"smoke-{secrets.token_hex(4)}@ci.example", secrets.token_urlsafe(24)
    user = User.objects.create_user(email=email, password=password, first_name="Smoke", last_name="Test")
    device = TOTPDevice.objects.create(user=user, name="smoke", confirmed=True)
    connection.close()
    return email, password, device.key


def totp(key_hex: str) -> str:
    from django_otp.oath import TOTP

    return f"{TOTP(bytes.fromhex(key_hex)).token():06d}"


def plain_get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    """As a load balancer or Prometheus asks: plain HTTP to the app server, Host is its address."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Host": f"127.0.0.1:{port}", **(headers or {})})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def health_and_worker(port: int, worker: subprocess.Popen) -> None:  # type: ignore[type-arg]
    status, body = plain_get(port, "/gezondheid/")
    rapport = json.loads(body)
    check(status == 200, f"GET /gezondheid/ over plain HTTP by address answers 200 (got {status}: {body[:200]!r})")
    controles = rapport["controles"]
    check(controles["database"]["ok"] and controles["migraties"]["ok"], "health: database reachable, migrations applied")

    from django_tasks_db.models import DBTaskResult

    from samenwerk.berichten.verzending import verstuur

    result = verstuur.enqueue([])
    deadline = time.monotonic() + 60
    while DBTaskResult.objects.get(pk=result.id).status != "SUCCESSFUL":
        if worker.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("smoke test FAILED: the task worker did not run the task")
        time.sleep(0.5)
    check(True, "the task worker (manage.py db_worker) ran a queued task")
    status, body = plain_get(port, "/gezondheid/")
    takenrij = json.loads(body)["controles"]["takenrij"]
    check(takenrij["ok"] and takenrij["wachtend"] == 0, f"health: task queue empty, no lag ({takenrij})")


def main() -> None:
    if os.environ.get("DJANGO_ENV") != "production":
        raise SystemExit("Run with DJANGO_ENV=production (see .ci/run).")
    host = os.environ["DJANGO_ALLOWED_HOSTS"].split(",")[0].strip()
    email, password, key = make_account()
    port = free_port()
    metrics_dir = tempfile.mkdtemp(prefix="samenwerk-metrics-")
    metrics_token = secrets.token_urlsafe(24)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "PROMETHEUS_MULTIPROC_DIR": metrics_dir,
        "SAMENWERK_METRICS_TOKEN": metrics_token,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
    }
    server = subprocess.Popen(  # our own gunicorn with the deploy/ configuration
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "samenwerk.config.wsgi:application"],
        cwd=ROOT,
        env=env,
    )
    worker = subprocess.Popen(  # the task worker, as deploy/systemd/samenwerk-worker.service starts it
        [sys.executable, "manage.py", "db_worker", "--interval", "0.5", "--no-startup-delay"], cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        browser = Browser(port, host)
        deadline = time.monotonic() + 60
        while True:
            try:
                status, headers, body = browser.request("GET", "/inloggen/")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("smoke test FAILED: gunicorn did not start") from None
                time.sleep(0.5)
        print(f"gunicorn (production settings) on 127.0.0.1:{port}, host {host}")

        page = body.decode()
        check(status == 200, f"GET /inloggen/ answers 200 (got {status})")
        check("strict-transport-security" in headers, "HSTS header is sent")
        css = re.search(r'href="(/static/vendor/utrecht-tokens/index\.[0-9a-f]{12}\.css)"', page)
        check(css is not None, "the login page links the design tokens under their hashed name")

        status, headers, body = browser.request("GET", css.group(1))
        check(
            status == 200 and headers.get("content-type", "").startswith("text/css") and b"--utrecht-" in body,
            f"GET {css.group(1)} answers 200 with the design tokens (text/css)",
        )
        check("immutable" in headers.get("cache-control", ""), "the hashed static file is cached as immutable")

        status, headers, _ = browser.request("GET", "/static/vendor/utrecht-tokens/pijltje.svg")
        check(status == 404, "files the templates do not link are not served (404)")

        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        check(token is not None and "__Host-csrftoken" in browser.cookies, "the login form carries a CSRF token")
        form = {"csrfmiddlewaretoken": token.group(1), "username": email, "password": password}
        status, headers, _ = browser.request("POST", "/inloggen/", form)
        check(status == 302 and "__Host-sessionid" in browser.cookies, f"the password step signs in (got {status})")

        status, headers, body = browser.request("GET", "/account/inlogcode/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body.decode())
        check(status == 200 and token is not None, "the code step asks for the authenticator code")
        status, headers, _ = browser.request(
            "POST", "/account/inlogcode/", {"csrfmiddlewaretoken": token.group(1), "code": totp(key)}
        )
        check(status == 302, f"the authenticator code is accepted (got {status})")

        status, headers, body = browser.request("GET", "/account/sessies/")
        signed_in = '<span class="sw-user">Smoke Test</span>' in body.decode()
        check(status == 200 and signed_in, f"GET /account/sessies/ answers 200, signed in as the account (got {status})")
        check("no-store" in headers.get("cache-control", ""), "signed-in pages are not cached")
        check(len(headers.get("x-request-id", "")) == 32, "every answer carries its request id")

        health_and_worker(port, worker)
        status, _, body = Browser(port, host).request("GET", "/metrics")
        check(status == 404 or status == 401, f"GET /metrics without the token is refused (got {status})")
        status, body = plain_get(port, "/metrics", {"Authorization": f"Bearer {metrics_token}"})
        check(
            status == 200
            and b'samenwerk_http_requests_total{methode="GET",route="accounts:sessions",status="200"}' in body
            and b"samenwerk_task_queue_ready 0.0" in body,
            "GET /metrics with the token: requests of both gunicorn workers per route, the task queue",
        )
        print("Production smoke test passed.")
    finally:
        for process in (server, worker):
            process.terminate()
        for process in (server, worker):
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
