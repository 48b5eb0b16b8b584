"""The real steps of logging in, for the tests of account security (other tests use
tests.auth.login, which skips the forms)."""

from __future__ import annotations

from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from samenwerk.gemeenten.models import User
from tests.factories import TEST_PASSWORD


def password_step(client: Client, user: User, *, password: str = TEST_PASSWORD, **extra: str) -> HttpResponse:
    return client.post(reverse("login"), {"username": user.email, "password": password}, **extra)


def code_step(client: Client, code: str, *, next_url: str = "/") -> HttpResponse:
    return client.post(f"{reverse('accounts:verify')}?next={next_url}", {"code": code})
