"""A short, readable name for a browser's User-Agent ("Firefox op Windows"), for "Mijn sessies".

Deliberately small: the common browsers and systems; anything else shows as unknown, with
the full text available on the page.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

# Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
BROWSERS = [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari")]
SYSTEMS = [
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
]


def describe(user_agent: str) -> str:
    browser = next((name for token, name in BROWSERS if token in user_agent), None)
    system = next((name for token, name in SYSTEMS if token in user_agent), None)
    if browser and system:
        return _("%(browser)s op %(systeem)s") % {"browser": browser, "systeem": system}
    return browser or system or _("Onbekende browser")
