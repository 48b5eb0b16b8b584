"""Every Dutch text has its English translation, and the compiled catalogue matches it."""

import gettext
import re
from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "src" / "samenwerk" / "locale" / "en" / "LC_MESSAGES"


def _entries() -> list[tuple[str, list[str]]]:
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    entries = []
    for block in text.split("\n\n"):
        if "#~" in block:
            continue
        ids = re.search(r'^msgid ((?:".*"\n)+)', block + "\n", re.M)
        if not ids:
            continue
        msgid = "".join(re.findall(r'"(.*)"', ids.group(1)))
        if not msgid:
            continue
        strs = ["".join(re.findall(r'"(.*)"', m)) for m in re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', block + "\n", re.M)]
        entries.append((msgid, strs))
    return entries


def _unquote(text: str) -> str:
    return text.replace('\\"', '"').replace("\\n", "\n")


def test_every_text_is_translated_to_english():
    entries = _entries()
    assert len(entries) > 100
    untranslated = [msgid for msgid, strs in entries if not all(strs)]
    assert untranslated == [], "run `make messages` and translate these"
    body = (LOCALE / "django.po").read_text(encoding="utf-8").split("\n\n", 1)[1]  # after the header
    assert "#, fuzzy" not in body


def test_compiled_catalogue_matches_the_po_file():
    with (LOCALE / "django.mo").open("rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    for msgid, strs in _entries():
        if "%(" in msgid and len(strs) > 1:
            continue  # plural forms are looked up with ngettext below
        assert catalogue.gettext(_unquote(msgid)) == _unquote(strs[0]), msgid
    assert catalogue.ngettext("%(aantal)s organisatie", "%(aantal)s organisaties", 2) == "%(aantal)s organisations"
