"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for e-mail tests."""

import email
import socket
import time

import pytest
from aiosmtpd.controller import Controller


class Postbus:
    def __init__(self) -> None:
        self.berichten: list[email.message.Message] = []

    def wacht(self, aantal: int, seconden: float = 5.0) -> list[email.message.Message]:
        """The messages once `aantal` have arrived (delivery is asynchronous)."""
        einde = time.monotonic() + seconden
        while len(self.berichten) < aantal and time.monotonic() < einde:
            time.sleep(0.02)
        return self.berichten

    async def handle_DATA(self, server, session, envelope):
        self.berichten.append(email.message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def smtp(settings):
    postbus = Postbus()
    port = vrije_poort()
    controller = Controller(postbus, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    yield postbus
    controller.stop()


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
