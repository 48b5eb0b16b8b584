"""The front-end files we take from npm packages, one file at a time.

A package's `dist` folder holds far more than the product links (the design tokens' holds
15 MB in every format), and not all of it is whole: `@utrecht/design-tokens` 5.0.1 ships
`background-image-icon.css`, which points at `pijltje.svg` and four other images the package
does not contain. Collecting the whole folder made the hashed-name storage of production
stop at that reference, so there was no manifest and every page answered 500 (issue 17).

So the static files hold only the files named in `settings.VENDOR_STATIC` (static path →
file in node_modules), and the manifest storage stays strict: a file we serve that points
at something missing still fails `collectstatic`, in CI, instead of a 404 in a browser.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import CheckMessage, Warning
from django.core.files.storage import FileSystemStorage


class VendorFinder(BaseFinder):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.bestanden: dict[str, Path] = {pad: Path(bron) for pad, bron in settings.VENDOR_STATIC.items()}

    def check(self, **kwargs: Any) -> list[CheckMessage]:
        return [
            Warning(f"{bron} does not exist (static file {pad}); run npm ci.", id="samenwerk.W001")
            for pad, bron in self.bestanden.items()
            if not bron.is_file()
        ]

    def find(self, path: str, find_all: bool = False, **kwargs: Any) -> str | list[str] | None:
        bron = self.bestanden.get(path)
        gevonden = [str(bron)] if bron is not None and bron.is_file() else []
        return gevonden if find_all else (gevonden[0] if gevonden else None)

    def list(self, ignore_patterns: Any) -> Iterator[tuple[str, FileSystemStorage]]:
        for pad, bron in self.bestanden.items():
            opslag = FileSystemStorage(location=bron.parent)
            opslag.prefix = os.path.dirname(pad)  # collectstatic puts the file under its prefix
            yield bron.name, opslag
