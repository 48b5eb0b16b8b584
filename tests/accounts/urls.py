"""The project's URLs plus a sensitive page and API endpoint, for the re-authentication tests."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.http import require_GET
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samenwerk.accounts.reauth import RecentAuthRequired, recent_auth_required
from samenwerk.config.urls import urlpatterns as project_urlpatterns


@require_GET
@login_required
@recent_auth_required
def gevoelig(request: HttpRequest) -> HttpResponse:
    return HttpResponse("geheime export")


class GevoeligAPI(APIView):
    permission_classes = [IsAuthenticated, RecentAuthRequired]

    def get(self, request: Request) -> Response:
        return Response({"export": "geheim"})


urlpatterns = [
    path("test/gevoelig/", gevoelig, name="gevoelig"),
    path("test/api/gevoelig/", GevoeligAPI.as_view(), name="gevoelig-api"),
    *project_urlpatterns,
]
