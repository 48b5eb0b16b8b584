from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    """`{{ d|get_item:k }}`: a dictionary's value for a key from the template."""
    return mapping.get(key) if mapping else None
