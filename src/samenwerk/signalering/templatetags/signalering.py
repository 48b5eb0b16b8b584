from django import template
from django.urls import reverse

from samenwerk.signalering.regels import label_van, link_van

register = template.Library()


@register.filter
def soortlabel(code: str) -> str:
    """The label of a kind of signal (kinds come from the registered rules)."""
    return label_van(code)


@register.filter
def signaallink(signalering: object) -> str:
    """Where a signal leads: its case, or (about no case) the page its rule names."""
    casus_id = getattr(signalering, "casus_id", None)
    if casus_id is not None:
        return reverse("casussen:detail", args=[casus_id])
    return link_van(signalering.soort, signalering.onderwerp_id)  # type: ignore[attr-defined]
