from django.urls import path

from . import api

urlpatterns = [
    path("casussen/", api.CasusLijst.as_view(), name="casussen"),
    path("casussen/<int:pk>/", api.CasusDetail.as_view(), name="casus"),
    path("casussen/<int:pk>/toestemmingen/", api.ToestemmingAPI.as_view(), name="casus-toestemmingen"),
    path("casussen/<int:pk>/netwerk/", api.NetwerkAPI.as_view(), name="casus-netwerk"),
    path("casussen/<int:pk>/status/", api.StatusAPI.as_view(), name="casus-status"),
]
