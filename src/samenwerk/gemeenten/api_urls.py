from django.urls import path

from . import api

urlpatterns = [
    path("mij/", api.MijView.as_view(), name="mij"),
    path("gemeenten/<slug:gemeente>/sociale-kaart/", api.SocialeKaartView.as_view(), name="sociale-kaart"),
]
