"""Regenerate the README screenshots: a throw-away SQLite demo served on a free port, a demo
professional logged in with Debian's Chromium. Run with `make screenshots`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
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
            time.sleep(3)
            base = f"http://127.0.0.1:{port}"
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
                page.screenshot(path=str(OUT / "start.png"), full_page=True)
                page.goto(f"{base}/sociale-kaart/")
                page.screenshot(path=str(OUT / "sociale-kaart.png"), full_page=True)
                page.goto(f"{base}/casussen/")
                page.screenshot(path=str(OUT / "mijn-casussen.png"), full_page=True)
                page.get_by_role("cell", name="Ruud Brinkman").locator("xpath=..").get_by_role("link").click()
                page.get_by_role("link", name="Het Samenwerkplan").click()
                page.screenshot(path=str(OUT / "plan.png"), full_page=True)
                page.goto(f"{base}/casussen/")
                page.get_by_role("cell", name="Sevda Aydın").locator("xpath=..").get_by_role("link").click()
                page.get_by_role("link", name="Samenwerkoverleg", exact=True).click()
                page.get_by_role("table").get_by_role("link").first.click()
                page.screenshot(path=str(OUT / "overleg.png"), full_page=True)
                page.goto(f"{base}/signaleringen/")
                page.screenshot(path=str(OUT / "signaleringen.png"), full_page=True)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
