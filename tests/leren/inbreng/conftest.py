import pytest

from samenwerk.leren.inbreng import deidentificatie

from .helpers import nep_deidentificeer


@pytest.fixture
def zonder_deduce(monkeypatch):
    """The flow tests run the worker's function with a stand-in for deduce's model, and fail
    loudly if anything tries to load the real one."""

    def geen_model():  # pragma: no cover - fails the test when reached
        raise AssertionError("deduce must not be loaded here")

    monkeypatch.setattr(deidentificatie, "model", geen_model)
    monkeypatch.setattr(deidentificatie, "deidentificeer", nep_deidentificeer)
