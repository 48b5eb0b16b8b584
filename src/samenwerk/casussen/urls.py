from django.urls import path

from . import views

app_name = "casussen"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("aanmelden/", views.aanmelden, name="aanmelden"),
    path("noodtoegang/", views.noodtoegang, name="noodtoegang"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/tijdlijn/", views.tijdlijn, name="tijdlijn"),
    path("<int:pk>/toestemming/", views.toestemming, name="toestemming"),
    path("<int:pk>/netwerk/", views.netwerklid, name="netwerklid"),
    path("<int:pk>/professionals/", views.professional, name="professional"),
    path("<int:pk>/status/", views.status, name="status"),
]
