from django.urls import path

from . import api

D = "leertrajecten/<int:pk>/deelnemers/<int:deelnemer_id>/"
urlpatterns = [
    path("leertrajecten/", api.LeertrajectenAPI.as_view(), name="leertrajecten"),
    path("leertrajecten/<int:pk>/", api.LeertrajectAPI.as_view(), name="leertraject"),
    path("leertrajecten/<int:pk>/deelnemers/", api.DeelnemersAPI.as_view(), name="leertraject-deelnemers"),
    path(
        "leertrajecten/<int:pk>/dagen/<int:dag_id>/aanwezigheid/", api.AanwezigheidAPI.as_view(), name="leertraject-aanwezigheid"
    ),
    path(D + "opdrachten/<str:code>/", api.InleveringAPI.as_view(), name="leertraject-inlevering"),
    path(D + "opdrachten/<str:code>/feedback/", api.FeedbackAPI.as_view(), name="leertraject-feedback"),
    path(D + "certificaat/", api.CertificaatAPI.as_view(), name="leertraject-certificaat"),
    path(D + "certificaat/intrekken/", api.IntrekkenAPI.as_view(), name="leertraject-intrekken"),
    path("badges/verifieren/", api.VerifierenAPI.as_view(), name="badge-verifieren"),
]
