from django.urls import path

from . import api, api_voorzitter, api_werkwijze

aanmelding = "tafels/<int:pk>/aanmeldingen/<int:aanmelding_id>/"
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
    path(
        "tafels/<int:pk>/bijeenkomsten/<int:bijeenkomst_id>/blokken/<int:blok_id>/tijd/",
        api_voorzitter.BloktijdAPI.as_view(),
        name="tafel-bloktijd",
    ),
    path(
        "tafels/<int:pk>/bijeenkomsten/<int:bijeenkomst_id>/reflecties/",
        api_voorzitter.ReflectieAPI.as_view(),
        name="tafel-reflecties",
    ),
    # The Werkwijze Samen aan Zet, steps 3-6
    path(aanmelding + "kennismaking/", api_werkwijze.KennismakingAPI.as_view(), name="tafel-kennismaking"),
    path(aanmelding + "ecogram/", api_werkwijze.EcogramAPI.as_view(), name="tafel-ecogram"),
    path(
        aanmelding + "ecogram/personen/<int:persoon_id>/",
        api_werkwijze.EcogrampersoonAPI.as_view(),
        name="tafel-ecogrampersoon",
    ),
    path(aanmelding + "voorbereiding/", api_werkwijze.VoorbereidingAPI.as_view(), name="tafel-voorbereiding"),
    path(
        aanmelding + "voorbereiding/professionals/",
        api_werkwijze.MdoProfessionalsAPI.as_view(),
        name="tafel-mdo-professionals",
    ),
]

from . import api_rapport  # noqa: E402

urlpatterns += [
    path("tafels/<int:pk>/rapport/", api_rapport.RapportAPI.as_view(), name="tafel-rapport"),
    path("tafels/<int:pk>/budget/", api_rapport.BudgetpottenAPI.as_view(), name="tafel-budget"),
    path("tafels/<int:pk>/budget/bestedingen/", api_rapport.BestedingenAPI.as_view(), name="tafel-bestedingen"),
]
