from django.urls import path

from . import views, views_correctie

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
    path("<int:pk>/correcties/nieuw/", views_correctie.nieuw, name="correctie"),
    path("<int:pk>/correcties/<int:verzoek_id>/", views_correctie.behandelen, name="correctie-behandelen"),
]
