"""Signing a test client in as a person. Every test logs in through here, so that when the
sign-in gains steps (two-factor authentication) the tests follow in one place."""

from __future__ import annotations

from django.test import Client

from samenwerk.gemeenten.models import User


def login(client: Client, user: User) -> None:
    client.force_login(user)
