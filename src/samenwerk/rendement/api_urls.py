from django.urls import path

from . import api

lijst = "gemeenten/<slug:gemeente>/prijslijsten/<int:jaar>/"
urlpatterns = [
    path("gemeenten/<slug:gemeente>/prijslijsten/", api.PrijslijstenView.as_view(), name="prijslijsten"),
    path(lijst, api.PrijslijstView.as_view(), name="prijslijst"),
    path(f"{lijst}items/", api.ItemsView.as_view(), name="prijsitems"),
    path(f"{lijst}items/<str:code>/", api.ItemView.as_view(), name="prijsitem"),
    path(f"{lijst}importeren/", api.ImportView.as_view(), name="prijslijst-importeren"),
]
