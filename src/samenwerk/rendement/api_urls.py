from django.urls import path

from . import api, api_analyse

lijst = "gemeenten/<slug:gemeente>/prijslijsten/<int:jaar>/"
urlpatterns = [
    path("gemeenten/<slug:gemeente>/prijslijsten/", api.PrijslijstenView.as_view(), name="prijslijsten"),
    path(lijst, api.PrijslijstView.as_view(), name="prijslijst"),
    path(f"{lijst}items/", api.ItemsView.as_view(), name="prijsitems"),
    path(f"{lijst}items/<str:code>/", api.ItemView.as_view(), name="prijsitem"),
    path(f"{lijst}importeren/", api.ImportView.as_view(), name="prijslijst-importeren"),
]

analyse = "casussen/<int:pk>/rendement/"
urlpatterns += [
    path(analyse, api_analyse.AnalyseAPI.as_view(), name="rendement-analyse"),
    path(f"{analyse}kosten/", api_analyse.RegelsAPI.as_view(), name="rendement-kosten"),
    path(f"{analyse}kosten/<int:regel_id>/", api_analyse.RegelAPI.as_view(), name="rendement-kostenpost"),
    path("gemeenten/<slug:gemeente>/rendement/cijfers/", api_analyse.CijfersAPI.as_view(), name="rendement-cijfers"),
]
