"""The load of `make bench`: professionals who log in (password, then the code of their
authenticator) and then work through a mix of pages. Started by bench/measure/load.py with
BENCH_GEBRUIKERS pointing at a JSON list of {email, sleutel, casussen, gemeente, gebied}.

The measured minute starts when the last user has logged in: the statistics are reset then
(the logins are counted apart, in BENCH_LOGINS) and the run stops BENCH_SECONDEN later."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import os
import random
import re
import struct
import threading
import time
import urllib.parse

import gevent
from locust import between, task
from locust.contrib.fasthttp import FastHttpUser

with open(os.environ["BENCH_GEBRUIKERS"]) as bestand:
    GEBRUIKERS = json.load(bestand)
WACHTWOORD = os.environ["BENCH_WACHTWOORD"]
AANTAL, SECONDEN = int(os.environ["BENCH_AANTAL"]), int(os.environ["BENCH_SECONDEN"])
_volgende = itertools.count()
_slot = threading.Lock()
_logins = {"gelukt": 0, "mislukt": 0, "begin": time.time()}
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def totp(sleutel_hex: str, stap: int = 0) -> str:
    """RFC 6238 with django-otp's defaults: SHA-1, 30 seconds, 6 digits."""
    teller = int(time.time()) // 30 + stap
    digest = hmac.new(bytes.fromhex(sleutel_hex), struct.pack(">Q", teller), hashlib.sha1).digest()
    start = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[start : start + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


class Professional(FastHttpUser):
    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        try:
            gelukt = self._inloggen()
        except Exception:  # counted; the user then stops
            gelukt = False
        _logins["gelukt" if gelukt else "mislukt"] += 1
        if _logins["gelukt"] + _logins["mislukt"] == AANTAL:
            self._meting_begint()
        if not gelukt:
            raise RuntimeError(f"login failed for {self.wie['email']}")

    def _meting_begint(self) -> None:
        runner = self.environment.runner
        _logins["seconden"] = round(time.time() - _logins["begin"], 1)
        with open(os.environ["BENCH_LOGINS"], "w") as bestand:
            json.dump(_logins, bestand)
        runner.stats.reset_all()
        gevent.spawn_later(SECONDEN, runner.quit)

    def _inloggen(self) -> bool:
        with _slot:
            self.wie = GEBRUIKERS[next(_volgende) % len(GEBRUIKERS)]
        self.rng = random.Random(self.wie["email"])
        pagina = self.client.get("/inloggen/", name="inloggen")
        _post(
            self.client,
            "/inloggen/",
            {"username": self.wie["email"], "password": WACHTWOORD, "csrfmiddlewaretoken": _token(pagina.text)},
            name="inloggen",
        )
        for stap in (0, 1):
            pagina = self.client.get("/account/inlogcode/", name="inlogcode")
            gegevens = {"code": totp(self.wie["sleutel"], stap), "csrfmiddlewaretoken": _token(pagina.text)}
            antwoord = _post(self.client, "/account/inlogcode/", gegevens, name="inlogcode", allow_redirects=False)
            if antwoord.status_code == 302:
                return True
        return False

    def _casus(self) -> int:
        return self.rng.choice(self.wie["casussen"])

    @task(3)
    def mijn_casussen(self) -> None:
        self.client.get("/casussen/", name="/casussen/")

    @task(3)
    def casus(self) -> None:
        self.client.get(f"/casussen/{self._casus()}/", name="/casussen/[id]/")

    @task(2)
    def plan(self) -> None:
        self.client.get(f"/casussen/{self._casus()}/plan/", name="/casussen/[id]/plan/")

    @task(1)
    def tijdlijn(self) -> None:
        self.client.get(f"/casussen/{self._casus()}/tijdlijn/", name="/casussen/[id]/tijdlijn/")

    @task(2)
    def inbox(self) -> None:
        self.client.get("/signaleringen/", name="/signaleringen/")

    @task(1)
    def zoeken(self) -> None:
        self.client.get(f"/casussen/?gebied={self.wie['gebied']}&status=uitvoering", name="/casussen/?gebied&status")

    @task(2)
    def api(self) -> None:
        self.client.get(f"/api/v1/casussen/?gemeente={self.wie['gemeente']}&status=uitvoering", name="/api/v1/casussen/")

    @task(1)
    def prijslijst(self) -> None:
        self.client.get("/prijslijst/", name="/prijslijst/")


def _post(client, url: str, gegevens: dict[str, str], **opties):  # type: ignore[no-untyped-def]
    kop = {"Content-Type": "application/x-www-form-urlencoded"}
    return client.post(url, data=urllib.parse.urlencode(gegevens), headers=kop, **opties)


def _token(html: str) -> str:
    gevonden = CSRF.search(html)
    return gevonden.group(1) if gevonden else ""
