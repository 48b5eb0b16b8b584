from django import template

from samenwerk.signalering.regels import label_van

register = template.Library()


@register.filter
def soortlabel(code: str) -> str:
    """The label of a kind of signal (kinds come from the registered rules)."""
    return label_van(code)
