"""The report of a round (item 5): the rode draden, the improvement points, and per case
the three sources side by side with the differences flagged and the computed dossier facts.
As a page, a PDF (WeasyPrint) and an XLSX (ui/spreadsheet.py). The *extern* version — for the
netwerkoverleg or publication — is de-identified (anonimiseren.py) and names no evaluator."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from samenwerk.casussen.models import Betrokkene, Netwerklid
from samenwerk.gemeenten.models import User
from samenwerk.privacy.models import Actie
from samenwerk.ui.spreadsheet import xlsx_rij

from . import dossier, selectors
from .anonimiseren import deidentificeer
from .logboek import log
from .models import Evaluatieronde, Rondecasus


@dataclass
class Rapportcasus:
    matrix: selectors.Matrixcasus
    feiten: dossier.Dossierfeiten
    aanvulling: str


@dataclass
class Rapport:
    ronde: Evaluatieronde
    extern: bool
    themas: list
    casussen: list[Rapportcasus]
    teruggetrokken: int
    rode_draden: list
    verbeterpunten: list


def _namen(rcs: list[Rondecasus]) -> list[str]:
    """Every name the records know for these cases (residents, network, professionals)."""
    casus_ids = [rc.casus_id for rc in rcs if rc.casus_id]
    namen = [f"{rc.casus.inwoner.voornaam} {rc.casus.inwoner.achternaam}" for rc in rcs if rc.casus_id]
    namen += list(Netwerklid.objects.filter(casus_id__in=casus_ids).values_list("naam", flat=True))
    for voornaam, achternaam, org in Betrokkene.objects.filter(casus_id__in=casus_ids).values_list(
        "user__first_name", "user__last_name", "organisatie__naam"
    ):
        namen += [f"{voornaam} {achternaam}", org]
    return namen


def maak(user: User, ronde: Evaluatieronde, *, extern: bool, actie: str = Actie.READ) -> Rapport:
    """The report's content. Its read is logged once per case (the matrix logs), with the
    export/print action when it leaves as a file."""
    gebeurtenis = "zet.rapport.extern" if extern else "zet.rapport.bekeken"
    mat = selectors.matrix(user, ronde, gebeurtenis=gebeurtenis)
    if actie != Actie.READ:
        log(
            actor=user,
            ronde=ronde,
            gebeurtenis=gebeurtenis,
            actie=actie,
            rondecasussen=[m.rc for m in mat],
            object_type="zet.rapport",
        )
    rcs = list(Rondecasus.objects.filter(ronde=ronde, casus__isnull=False).select_related("casus", "casus__inwoner"))
    per_rc = {rc.pk: rc for rc in rcs}
    casussen = [Rapportcasus(matrix=m, feiten=dossier.bereken(per_rc[m.rc.pk].casus), aanvulling=m.rc.aanvulling) for m in mat]
    draden = list(selectors.rode_draden(ronde))
    punten = list(selectors.verbeterpunten(ronde))
    rapport = Rapport(
        ronde=ronde,
        extern=extern,
        themas=list(ronde.themas.all()),
        casussen=casussen,
        teruggetrokken=Rondecasus.objects.filter(ronde=ronde, casus__isnull=True).count(),
        rode_draden=draden,
        verbeterpunten=punten,
    )
    if extern:
        _anonimiseer(rapport, _namen(rcs))
    return rapport


def _anonimiseer(rapport: Rapport, namen: list[str]) -> None:
    """Blank every free text through the de-identification (objects are not saved)."""
    for c in rapport.casussen:
        c.aanvulling = deidentificeer(c.aanvulling, namen)
        for cel in c.matrix.cellen:
            for a in [cel.inwoner, *cel.professionals]:
                if a is not None:
                    a.tekst = deidentificeer(a.tekst, namen)
                    a.notities = deidentificeer(a.notities, namen)
    for d in rapport.rode_draden:
        d.naam = deidentificeer(d.naam, namen)
        d.beschrijving = deidentificeer(d.beschrijving, namen)
    for p in rapport.verbeterpunten:
        p.tekst = deidentificeer(p.tekst, namen)
        p.opvolging = deidentificeer(p.opvolging, namen)


def pdf_response(request: HttpRequest, rapport: Rapport) -> HttpResponse:
    from weasyprint import CSS, HTML

    html = render_to_string("zet/rapport_pdf.html", {"rapport": rapport, "ronde": rapport.ronde}, request=request)
    stylesheet = CSS(filename=finders.find("samenwerk/afdruk.css"))
    pdf = HTML(string=html, base_url=None).write_pdf(stylesheets=[stylesheet])
    response = HttpResponse(pdf, content_type="application/pdf")
    soort = "extern" if rapport.extern else "intern"
    response["Content-Disposition"] = f'attachment; filename="zet-rapport-{rapport.ronde.pk}-{soort}.pdf"'
    return response


def xlsx_response(rapport: Rapport) -> HttpResponse:
    boek = Workbook()
    vet = Font(bold=True)
    blad = boek.active
    blad.title = _("Rode draden")[:31]
    xlsx_rij(blad, [_("Rode draad"), _("Beschrijving"), _("Aantal waarnemingen"), _("Aantal casussen")])
    for d in rapport.rode_draden:
        xlsx_rij(blad, [d.naam, d.beschrijving, d.aantal_waarnemingen, d.aantal_casussen])
    punten = boek.create_sheet(_("Verbeterpunten")[:31])
    xlsx_rij(punten, [_("Verbeterpunt"), _("Eigenaar"), _("Uiterlijk"), _("Status"), _("Opvolging"), _("Rode draden")])
    for p in rapport.verbeterpunten:
        xlsx_rij(
            punten,
            [
                p.tekst,
                _("een medewerker") if rapport.extern and p.eigenaar_id else p.eigenaar_naam,
                p.uiterlijk,
                p.get_status_display(),
                p.opvolging,
                "; ".join(d.naam for d in p.rode_draden.all()),
            ],
        )
    bronnen = boek.create_sheet(_("Bronnen per casus")[:31])
    xlsx_rij(
        bronnen,
        [
            _("Casus"),
            _("Thema"),
            _("Oordeel inwoner"),
            _("Gemiddeld oordeel professionals"),
            _("Verschil"),
            _("Wijkt af"),
            _("Inwoner"),
            _("Professionals"),
        ],
    )
    for c in rapport.casussen:
        for cel in c.matrix.cellen:
            xlsx_rij(
                bronnen,
                [
                    c.matrix.rc.label, cel.thema.tekst, cel.inwoner.oordeel if cel.inwoner else None,
                    cel.gemiddelde_professionals,
                    cel.verschil, _("ja") if cel.wijkt_af else _("nee"), cel.inwoner.tekst if cel.inwoner else "",
                    "\n".join(a.tekst for a in cel.professionals),
                ],
            )  # fmt: skip
    feiten = boek.create_sheet(_("Dossierfeiten")[:31])
    xlsx_rij(feiten, [_("Casus"), _("Gebeurtenis"), _("Datum"), _("Dagen na het signaal")])
    for c in rapport.casussen:
        for f in c.feiten.feiten:
            xlsx_rij(feiten, [c.matrix.rc.label, f.label, f.datum, f.dagen])
    for b in boek.worksheets:
        for cel in b[1]:
            cel.font = vet
    uit = io.BytesIO()
    boek.save(uit)
    response = HttpResponse(uit.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    soort = "extern" if rapport.extern else "intern"
    response["Content-Disposition"] = f'attachment; filename="zet-rapport-{rapport.ronde.pk}-{soort}.xlsx"'
    return response
