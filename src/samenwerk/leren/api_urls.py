from django.urls import include, path

urlpatterns = [
    path("", include("samenwerk.leren.sessies.api_urls")),
    path("", include("samenwerk.leren.inbreng.api_urls")),
    path("", include("samenwerk.leren.trap.api_urls")),
]
