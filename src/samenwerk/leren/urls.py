"""The learning staircase's pages: one URL module per part (leren/<part>/urls.py)."""

from django.urls import include, path

app_name = "leren"
urlpatterns = [
    path("", include("samenwerk.leren.sessies.urls")),
    path("", include("samenwerk.leren.inbreng.urls")),
    path("", include("samenwerk.leren.trap.urls")),
]
