from django.urls import path

from . import api

urlpatterns = [
    path("casussen/<int:pk>/ave/", api.AveAPI.as_view(), name="casus-ave"),
    path("casussen/<int:pk>/zorgsignalen/", api.ZorgsignalenAPI.as_view(), name="casus-zorgsignalen"),
]
