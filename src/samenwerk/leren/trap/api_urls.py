from django.urls import path

from . import api

urlpatterns = [
    path("leren/overleggen/", api.OverleggenAPI.as_view(), name="leren-overleggen"),
    path("leren/overleggen/<int:pk>/", api.OverlegAPI.as_view(), name="leren-overleg"),
    path("leren/overleggen/<int:pk>/agenda/", api.AgendapuntAPI.as_view(), name="leren-overleg-agenda"),
    path("leren/overleggen/<int:pk>/besluiten/", api.BesluitAPI.as_view(), name="leren-overleg-besluiten"),
    path("leren/overleggen/<int:pk>/acties/", api.ActieAPI.as_view(), name="leren-overleg-acties"),
    path("leren/overleggen/<int:pk>/aanwezigheid/", api.AanwezigheidAPI.as_view(), name="leren-overleg-aanwezigheid"),
    path("leren/dilemmas/", api.DilemmasAPI.as_view(), name="leren-dilemmas"),
    path("leren/dilemmas/niveaus/", api.DilemmaNiveausAPI.as_view(), name="leren-dilemma-niveaus"),
    path("leren/dilemmas/<int:pk>/", api.DilemmaAPI.as_view(), name="leren-dilemma"),
    path("leren/dilemmas/<int:pk>/behandelen/", api.BehandelAPI.as_view(), name="leren-dilemma-behandelen"),
    path("leren/dilemmas/<int:pk>/escaleren/", api.EscaleerAPI.as_view(), name="leren-dilemma-escaleren"),
    path("leren/dilemmas/<int:pk>/oplossen/", api.OplossingAPI.as_view(), name="leren-dilemma-oplossen"),
    path("leren/documenten/", api.DocumentenAPI.as_view(), name="leren-documenten"),
    path("leren/documenten/<int:pk>/", api.DocumentAPI.as_view(), name="leren-document"),
]
