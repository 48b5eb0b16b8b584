from django.contrib.auth import views as auth_views
from django.urls import include, path

from samenwerk.gemeenten.admin import beheer_site
from samenwerk.portaal.views import favicon

urlpatterns = [
    path("", include("samenwerk.portaal.urls")),
    path("casussen/", include("samenwerk.casussen.urls")),
    path("casussen/<int:pk>/plan/", include("samenwerk.plannen.urls")),
    path("casussen/<int:pk>/regie/", include("samenwerk.regie.urls")),
    path("casussen/<int:pk>/rendement/", include("samenwerk.rendement.urls_analyse")),
    path("mijn-plan/", include("samenwerk.plannen.urls_inwoner")),
    path("", include("samenwerk.overleg.urls")),
    path("uitnodiging/", include("samenwerk.overleg.urls_extern")),
    path("inloggen/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("inloggen/via/", include("samenwerk.oidc.urls")),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", include("samenwerk.accounts.urls")),
    path("", include("samenwerk.ops.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", beheer_site.urls),
    path("api/v1/", include("samenwerk.api.urls")),
    path("prijslijst/", include("samenwerk.rendement.urls")),
    path("signaleringen/", include("samenwerk.signalering.urls")),
    path("rendement/", include("samenwerk.rendement.urls_rapport")),
    path("tafel/", include("samenwerk.tafel.urls")),
    path("leren/", include("samenwerk.leren.urls")),
    path("zet/", include("samenwerk.zet.urls")),
    path("leertraject/", include("samenwerk.leertraject.urls")),
    # Browsers ask for /favicon.ico whatever the page links (base.html links the SVG).
    path("favicon.ico", favicon, name="favicon"),
]

handler404 = "samenwerk.api.exceptions.niet_gevonden"
handler500 = "samenwerk.api.exceptions.serverfout"
