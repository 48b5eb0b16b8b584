"""Failed lookups while rendering templates (style.md §13 asks the same of queries: a page's
cost must not grow with its rows in a way a test can count). When `{{ a.b }}` finds no `b`
on `a`, Django's template engine calls `dir(a)` to tell a missing name from a property that
raised; on a form that is slow, and in a loop it is paid per row."""

from __future__ import annotations

from collections.abc import Callable
from unittest import mock

from django.template import base


def failed_template_lookups(action: Callable[[], object]) -> int:
    """How many attribute lookups failed while `action` rendered templates."""
    failed = 0

    def counting_dir(*args: object) -> list[str]:
        nonlocal failed
        failed += 1
        return dir(*args)

    with mock.patch.object(base, "dir", counting_dir, create=True):
        action()
    return failed
