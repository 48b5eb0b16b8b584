"""Start the test OpenID provider: `python -m tests.accounts.oidc_op.serve` with OP_PORT,
OP_DB, OP_CLIENT_ID, OP_CLIENT_SECRET, OP_REDIRECT_URI and OP_USERS (JSON: [[username, email,
password], ...]) in the environment. Prints "ready" when it listens."""

from __future__ import annotations

import json
import os
import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.accounts.oidc_op.settings"
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from oidc_provider.models import Client, ResponseType

    call_command("migrate", verbosity=0)
    call_command("creatersakey")
    client = Client.objects.create(
        name="Samenwerkplatform",
        client_type="confidential",
        client_id=os.environ["OP_CLIENT_ID"],
        client_secret=os.environ["OP_CLIENT_SECRET"],
        jwt_alg="RS256",
        require_consent=False,
        _redirect_uris=os.environ["OP_REDIRECT_URI"],
        _scope="openid email profile",
    )
    client.response_types.add(ResponseType.objects.get(value="code"))
    for username, email, password in json.loads(os.environ.get("OP_USERS", "[]")):
        User.objects.create_user(username=username, email=email, password=password)
    server = make_server("127.0.0.1", int(os.environ["OP_PORT"]), get_wsgi_application(), _Server, _QuietHandler)
    print("ready", flush=True)
    sys.stdout.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
