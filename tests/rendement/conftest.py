import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def nederlands():
    """Dutch is the source language; a request in English elsewhere must not leak into tests
    that call services directly (the active language is per thread, not per test)."""
    with translation.override("nl"):
        yield
