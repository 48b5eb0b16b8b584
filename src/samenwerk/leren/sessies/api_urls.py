from django.urls import path

from . import api

urlpatterns = [
    path("leren/sessies/", api.SessiesAPI.as_view(), name="leren-sessies"),
    path("leren/gebieden/<int:pk>/reeks/", api.ReeksAPI.as_view(), name="leren-reeks"),
    path("leren/sessies/<int:pk>/", api.SessieAPI.as_view(), name="leren-sessie"),
    path("leren/sessies/<int:pk>/aanmelding/", api.AanmeldingAPI.as_view(), name="leren-aanmelding"),
    path("leren/sessies/<int:pk>/aanwezigheid/", api.AanwezigheidAPI.as_view(), name="leren-aanwezigheid"),
    path("leren/sessies/<int:pk>/verslag/", api.VerslagAPI.as_view(), name="leren-verslag"),
    path("leren/sessies/<int:pk>/feedback/", api.FeedbackAPI.as_view(), name="leren-feedback"),
    path("leren/tafels/<int:pk>/actieleren/", api.ActielerenNieuwAPI.as_view(), name="leren-actieleren-nieuw"),
    path("leren/actieleren/<int:pk>/", api.ActielerenAPI.as_view(), name="leren-actieleren"),
]
