"""Regenerate the README screenshots: a throw-away SQLite demo served on a free port, a demo
professional logged in with Debian's Chromium. Run with `make screenshots`.

Each page is taken at desktop width (1280 px, the whole page: `<name>.png`) and at phone width
(360 px, the first screen as a phone shows it: `<name>-telefoon.png`); the chair's view also at
tablet width (768 px), the width it is designed for."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "Lindenhoven-demo-2026"
DESKTOP = {"width": 1280, "height": 800}
TABLET = {"width": 768, "height": 1024}
TELEFOON = {"width": 360, "height": 780}


def vastleggen(page, naam: str) -> None:  # type: ignore[no-untyped-def]
    """The current page at desktop width (whole page) and at phone width (first screen)."""
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=str(OUT / f"{naam}.png"), full_page=True)
    page.set_viewport_size(TELEFOON)
    page.screenshot(path=str(OUT / f"{naam}-telefoon.png"))
    page.set_viewport_size(DESKTOP)


def wacht_op(base: str, server: subprocess.Popen, seconden: float = 120) -> None:  # type: ignore[type-arg]
    """Until the server answers (a busy machine takes longer than a fixed pause)."""
    eind = time.monotonic() + seconden
    while time.monotonic() < eind:
        if server.poll() is not None:
            raise SystemExit("de server is gestopt")
        try:
            urllib.request.urlopen(f"{base}/inloggen/", timeout=5)  # noqa: S310 (our own loopback server)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"de server op {base} antwoordt niet")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = os.environ | {"SQLITE_PATH": f"{tmp}/screens.sqlite3", "SAMENWERK_DEMO_PASSWORD": PASSWORD}
        env.pop("DATABASE_URL", None)
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        subprocess.run([*manage, "load_demo", "--quiet-logins"], env=env, check=True)
        port = free_port()
        server = subprocess.Popen([*manage, "runserver", f"127.0.0.1:{port}", "--noreload"], env=env)
        try:
            base = f"http://127.0.0.1:{port}"
            wacht_op(base, server)
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="nl-NL")
                page.goto(f"{base}/inloggen/")
                page.get_by_label("E-mailadres").fill("professional@lindenhoven.example")
                page.get_by_label("Wachtwoord").fill(PASSWORD)
                page.get_by_role("button", name="Inloggen").click()
                page.get_by_role("heading", level=1, name="Code invullen").wait_for()
                demo_code = [*manage, "demo_code", "professional@lindenhoven.example"]
                code = subprocess.run(demo_code, env=env, check=True, capture_output=True, text=True).stdout.strip()
                page.get_by_label("Code").fill(code)
                page.get_by_role("button", name="Inloggen").click()
                page.get_by_role("heading", level=1, name="Welkom, Sanne").wait_for()
                vastleggen(page, "start")
                page.goto(f"{base}/sociale-kaart/")
                vastleggen(page, "sociale-kaart")
                page.goto(f"{base}/casussen/")
                vastleggen(page, "mijn-casussen")
                page.get_by_role("cell", name="Ruud Brinkman").locator("xpath=..").get_by_role("link").click()
                page.get_by_role("link", name="Het Samenwerkplan").click()
                vastleggen(page, "plan")
                page.goto(f"{base}/casussen/")
                page.get_by_role("cell", name="Sevda Aydın").locator("xpath=..").get_by_role("link").click()
                vastleggen(page, "casus")
                page.get_by_role("link", name="Samenwerkoverleg", exact=True).click()
                page.get_by_role("table").get_by_role("link").first.click()
                vastleggen(page, "overleg")
                page.goto(f"{base}/casussen/")
                page.get_by_role("cell", name="Henk Scholten").locator("xpath=..").get_by_role("link").click()
                page.get_by_role("link", name="Naar het overleg").click()
                page.get_by_role("link", name="Voorzittersweergave").click()
                page.set_viewport_size(TABLET)
                page.screenshot(path=str(OUT / "voorzitter-tablet.png"), full_page=True)
                page.set_viewport_size(DESKTOP)
                page.goto(f"{base}/signaleringen/")
                vastleggen(page, "signaleringen")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
