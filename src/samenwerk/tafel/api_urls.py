from django.urls import path

from . import api

urlpatterns = [
    path("tafels/", api.TafelsAPI.as_view(), name="tafels"),
    path("tafels/<int:pk>/aanmeldingen/", api.AanmeldingenAPI.as_view(), name="tafel-aanmeldingen"),
    path("tafels/<int:pk>/aanmeldingen/<int:aanmelding_id>/", api.AanmeldingAPI.as_view(), name="tafel-aanmelding"),
    path("tafels/<int:pk>/aanmeldingen/<int:aanmelding_id>/triage/", api.TriageAPI.as_view(), name="tafel-triage"),
    path("tafels/<int:pk>/aanmeldingen/<int:aanmelding_id>/afspraken/", api.AfsprakenAPI.as_view(), name="tafel-afspraken"),
    path("tafels/<int:pk>/aanmeldingen/<int:aanmelding_id>/casuscheck/", api.CasuscheckAPI.as_view(), name="tafel-casuscheck"),
    path(
        "tafels/<int:pk>/aanmeldingen/<int:aanmelding_id>/procesevaluatie/",
        api.ProcesevaluatieAPI.as_view(),
        name="tafel-procesevaluatie",
    ),
    path("tafels/<int:pk>/bijeenkomsten/<int:bijeenkomst_id>/agenda/", api.AgendaAPI.as_view(), name="tafel-agenda"),
]
