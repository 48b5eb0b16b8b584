"""Every environment variable the settings read is documented in docs/configuration.md."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_variable_is_documented():
    settings = (ROOT / "src/samenwerk/config/settings.py").read_text()
    gelezen = set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z_]+)"', settings))
    assert len(gelezen) > 20
    docs = (ROOT / "docs/configuration.md").read_text()
    assert {naam for naam in gelezen if f"`{naam}`" not in docs} == set()
