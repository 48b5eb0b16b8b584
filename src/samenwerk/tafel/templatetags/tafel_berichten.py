"""The agenda e-mails of a meeting with their outbox state, for the meeting's page: a page
says "sent" only when the mail server accepted it (docs/berichten.md)."""

from __future__ import annotations

from django import template

from samenwerk.tafel import uitnodigingen

register = template.Library()


@register.simple_tag
def agenda_berichten(bijeenkomst):  # type: ignore[no-untyped-def]
    return uitnodigingen.verzonden(bijeenkomst)
