import pytest

from .helpers import ronde_met_casussen


@pytest.fixture
def z(personas):  # type: ignore[no-untyped-def]
    return ronde_met_casussen(personas)
