from typing import Any

from django import template

from ..models import Identiteitsprovider

register = template.Library()


@register.inclusion_tag("oidc/knoppen.html")
def inloggen_via(next_url: str = "") -> dict[str, Any]:
    """ "Inloggen via <gemeente>" for each municipality with an active identity provider."""
    providers = Identiteitsprovider.objects.actief().select_related("gemeente").order_by("gemeente__naam")
    return {"providers": list(providers), "next": next_url}
