from django.urls import path

from . import api

urlpatterns = [
    path("casussen/<int:pk>/plan/", api.PlanAPI.as_view(), name="plan"),
    path("casussen/<int:pk>/plan/afspraken/", api.AfsprakenAPI.as_view(), name="plan-afspraken"),
    path(
        "casussen/<int:pk>/plan/afspraken/<int:afspraak_id>/voltooid/",
        api.AfspraakVoltooidAPI.as_view(),
        name="plan-afspraak-voltooid",
    ),
    path("casussen/<int:pk>/plan/afspraken/<int:afspraak_id>/", api.AfspraakAPI.as_view(), name="plan-afspraak"),
    path(
        "casussen/<int:pk>/plan/afspraken/<int:afspraak_id>/intrekken/",
        api.AfspraakIntrekkenAPI.as_view(),
        name="plan-afspraak-intrekken",
    ),
    path("casussen/<int:pk>/plan/evaluaties/", api.EvaluatiesAPI.as_view(), name="plan-evaluaties"),
]
