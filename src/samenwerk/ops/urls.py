from django.urls import path

from . import views

app_name = "ops"
urlpatterns = [
    path("gezondheid/", views.gezondheid, name="gezondheid"),
    path("metrics", views.prometheus, name="metrics"),
]
