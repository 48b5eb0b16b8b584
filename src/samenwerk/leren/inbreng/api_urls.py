from django.urls import path

from . import api

urlpatterns = [
    path("leren/inbreng/", api.InbrengenAPI.as_view(), name="leren-inbrengen"),
    path("leren/inbreng/<int:pk>/", api.InbrengAPI.as_view(), name="leren-inbreng"),
    path("leren/inbreng/<int:pk>/onherkenbaar/", api.OnherkenbaarAPI.as_view(), name="leren-inbreng-onherkenbaar"),
    path("leren/inbreng/<int:pk>/delen/", api.DelenAPI.as_view(), name="leren-inbreng-delen"),
    path("leren/tafels/<int:pk>/evaluatie/", api.EvaluatieAPI.as_view(), name="leren-evaluatie"),
    path("leren/tafels/<int:pk>/evaluatie/cel/", api.EvaluatiecelAPI.as_view(), name="leren-evaluatie-cel"),
]
