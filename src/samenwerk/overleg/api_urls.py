from django.urls import path

from . import api

urlpatterns = [
    path("casussen/<int:pk>/overleggen/", api.OverleggenAPI.as_view(), name="overleggen"),
    path("overleggen/<int:overleg_id>/", api.OverlegAPI.as_view(), name="overleg"),
    path("overleggen/<int:overleg_id>/deelnemers/", api.DeelnemersAPI.as_view(), name="overleg-deelnemers"),
    path("overleggen/<int:overleg_id>/akkoord/", api.AkkoordAPI.as_view(), name="overleg-akkoord"),
    path("overleggen/<int:overleg_id>/uitnodigen/", api.UitnodigenAPI.as_view(), name="overleg-uitnodigen"),
    path("overleggen/<int:overleg_id>/overleg.ics", api.OverlegIcsAPI.as_view(), name="overleg-ics"),
    path("uitnodigingen/<str:token>/antwoord/", api.AntwoordAPI.as_view(), name="uitnodiging-antwoord"),
    path("uitnodigingen/<str:token>/doorsturen/", api.DoorsturenAPI.as_view(), name="uitnodiging-doorsturen"),
]
