"""The privacy officer searches and exports the access log of their municipality
(issue 7 item 4). Every search and export is itself logged."""

from __future__ import annotations

import csv

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from samenwerk.accounts.reauth import bevestiging_nodig
from samenwerk.casussen.forms import CasusnummerField
from samenwerk.casussen.models import Casus, Casusnummer
from samenwerk.gemeenten.models import Rol
from samenwerk.privacy.audit import Onderwerp, record
from samenwerk.privacy.models import Actie, Uitkomst
from samenwerk.privacy.selectors import EXPORT_VELDEN, zoek_in_log
from samenwerk.ui.forms import Form
from samenwerk.ui.spreadsheet import csv_rij
from samenwerk.ui.views import pagineer

from .context import werkcontext


class LogFilter(Form):
    casus = CasusnummerField(label=_("Casusnummer"), required=False)
    hele_inwoner = forms.BooleanField(
        label=_("Ook alles over de inwoner van deze casus"),
        required=False,
        help_text=_("Ook andere casussen van de inwoner en wat buiten een casus om over hen is vastgelegd."),
    )
    gebruiker = forms.CharField(label=_("Medewerker (naam of e-mail)"), required=False, max_length=100)
    actie = forms.ChoiceField(label=_("Actie"), required=False, choices=[("", _("Alle acties")), *Actie.choices])
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), required=False, choices=[("", _("Alle uitkomsten")), *Uitkomst.choices])
    van = forms.DateField(label=_("Vanaf"), required=False)
    tot = forms.DateField(label=_("Tot en met"), required=False)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
            self.add_error("tot", _("De einddatum ligt vóór de begindatum."))
        return data


def _zoek(request: HttpRequest) -> tuple[LogFilter, object, int]:
    ctx = werkcontext(request)
    if not ctx.heeft(Rol.PRIVACYFUNCTIONARIS) or ctx.gemeente is None:
        raise PermissionDenied
    form = LogFilter(request.GET or None)
    d = form.cleaned_data if form.is_valid() else {}
    try:
        casus_id, inwoner_id = _casus_of_inwoner(d.get("casus"), d.get("hele_inwoner", False), ctx.gemeente.pk)
    except ValidationError as fout:
        form.add_error("casus", fout)
        return form, zoek_in_log([ctx.gemeente.pk]).none(), ctx.gemeente.pk
    qs = zoek_in_log(
        [ctx.gemeente.pk],
        casus_id=casus_id,
        inwoner_id=inwoner_id,
        gebruiker=d.get("gebruiker", ""),
        actie=d.get("actie", ""),
        uitkomst=d.get("uitkomst", ""),
        van=d.get("van"),
        tot=d.get("tot"),
    )
    return form, qs, ctx.gemeente.pk


def _casus_of_inwoner(nummer: Casusnummer | None, hele_inwoner: bool, gemeente_id: int) -> tuple[int | None, int | None]:
    """(casus_id, inwoner_id) to search for. A case that no longer exists (removed after its
    retention period) is still searched by its id: its log rows outlive it."""
    if nummer is None:
        return None, None
    casus = Casus.objects.filter(pk=nummer.pk, gemeente_id=gemeente_id).values("aanmelddatum", "inwoner_id").first()
    if casus is not None and casus["aanmelddatum"].year != nummer.jaar:
        raise ValidationError(_("Er is geen casus met dit nummer in uw gemeente."))
    if hele_inwoner and casus is not None:
        return None, casus["inwoner_id"]
    return nummer.pk, None


def _log_zoekopdracht(request: HttpRequest, form: LogFilter, gemeente_id: int, actie: str) -> None:
    gebruikt = [k for k, v in (form.cleaned_data.items() if form.is_bound and form.is_valid() else []) if v]
    record(
        actor=request.user,
        actie=actie,
        gebeurtenis="toegangslog.doorzocht",
        velden=gebruikt,
        rol=Rol.PRIVACYFUNCTIONARIS,
        onderwerp=Onderwerp(gemeente_id=gemeente_id, object_type="toegangslog", gegevenssegment="toegangslog"),
    )


@require_GET
@login_required
def logboek(request: HttpRequest) -> HttpResponse:
    form, qs, gemeente_id = _zoek(request)
    _log_zoekopdracht(request, form, gemeente_id, Actie.SEARCH)
    return render(request, "portaal/logboek.html", {"form": form, **pagineer(request, qs, 50)})


class _Echo:
    def write(self, value: str) -> str:
        return value


@require_GET
@login_required
def logboek_export(request: HttpRequest) -> HttpResponse:
    form, qs, gemeente_id = _zoek(request)
    if omleiding := bevestiging_nodig(request):  # an export needs a fresh password + code
        return omleiding
    _log_zoekopdracht(request, form, gemeente_id, Actie.EXPORT)
    writer = csv.writer(_Echo())
    # User-Agents, organisations and reasons are typed by others: never a formula in Excel
    rijen = (writer.writerow(csv_rij(getattr(e, v) for v in EXPORT_VELDEN)) for e in qs.iterator(chunk_size=2000))
    response = StreamingHttpResponse(
        (r for part in ([writer.writerow(EXPORT_VELDEN)], rijen) for r in part), content_type="text/csv"
    )
    response["Content-Disposition"] = 'attachment; filename="toegangslog.csv"'
    return response
