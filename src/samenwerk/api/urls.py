"""Version 1 of the API. Each app contributes its own `api_urls`; names live under `api:`."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("", include("samenwerk.gemeenten.api_urls")),
    path("", include("samenwerk.casussen.api_urls")),
    path("", include("samenwerk.plannen.api_urls")),
    path("", include("samenwerk.overleg.api_urls")),
    path("", include("samenwerk.rendement.api_urls")),
    path("", include("samenwerk.regie.api_urls")),
    path("", include("samenwerk.signalering.api_urls")),
    path("", include("samenwerk.tafel.api_urls")),
    path("", include("samenwerk.leren.api_urls")),
    path("", include("samenwerk.zet.api_urls")),
    path("", include("samenwerk.leertraject.api_urls")),
]
