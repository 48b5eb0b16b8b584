from django.urls import path

from . import api

urlpatterns = [
    path("signaleringen/", api.SignaleringLijst.as_view(), name="signaleringen"),
    path("signaleringen/<int:pk>/afhandelen/", api.AfhandelenAPI.as_view(), name="signalering-afhandelen"),
    path("signaleringen/<int:pk>/uitstellen/", api.UitstellenAPI.as_view(), name="signalering-uitstellen"),
]
