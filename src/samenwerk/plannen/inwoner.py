"""The resident's own access (domain.md §1, §8; issue 3 item 8; issue 7 item 4): a secure,
expiring link to read their plan in plain language, acknowledge it, comment on it, download
it, and see who looked at their file. No account; they see nothing else.

The link only works while the resident's consent for the Samenwerkwijze stands: withdrawing
it revokes every open link at the next use."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from samenwerk.casussen.models import Casus
from samenwerk.casussen.services import heeft_toestemming, log_casus, tijdlijn
from samenwerk.gemeenten.models import User
from samenwerk.privacy.audit import Grondslag, Onderwerp, record
from samenwerk.privacy.models import Actie

from .models import PlanLink, PlanReactie, Samenwerkplan

GELDIG = datetime.timedelta(days=14)


def hash_van(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@task()
def mail_planlink(*, email: str, voornaam: str, url: str) -> None:
    """Sent from the database queue (outbox): nothing is lost when the mail server is down."""
    tekst = render_to_string("plannen/inwoner/mail.txt", {"voornaam": voornaam, "url": url, "dagen": GELDIG.days})
    send_mail(_("Uw plan staat klaar"), tekst, None, [email])


@transaction.atomic
def stuur_planlink(*, actor: User, casus: Casus) -> PlanLink:
    if not heeft_toestemming(casus):
        raise ValidationError(_("De inwoner heeft geen toestemming gegeven; er wordt niets gedeeld."))
    if not casus.inwoner.email:
        raise ValidationError(_("Van de inwoner is geen e-mailadres bekend. Vul het eerst in, of geef het plan op papier."))
    if not Samenwerkplan.objects.filter(casus=casus).exists():
        raise ValidationError(_("Er is nog geen plan om te delen."))
    token = secrets.token_urlsafe(32)
    link = PlanLink.objects.create(
        casus=casus, token_hash=hash_van(token), aangemaakt_door=actor, verloopt_op=timezone.now() + GELDIG
    )
    url = settings.SITE_URL.rstrip("/") + reverse("inwoner:plan", args=[token])
    email, voornaam = casus.inwoner.email, casus.inwoner.voornaam
    transaction.on_commit(lambda: mail_planlink.enqueue(email=email, voornaam=voornaam, url=url))
    tijdlijn(casus, actor, "planlink", _("Link naar het plan gestuurd aan de inwoner"))
    log_casus(
        actor=actor,
        casus=casus,
        actie=Actie.CREATE,
        gebeurtenis="planlink.verstuurd",
        segment="plan",
        object_type="planlink",
        object_id=link.pk,
    )
    return link


def link_voor(token: str) -> PlanLink:
    """The valid link for this token, or 404 (unknown, expired, revoked: the same answer)."""
    link = PlanLink.objects.select_related("casus__inwoner").filter(token_hash=hash_van(token)).first()
    if link is None or not link.geldig:
        raise Http404
    if not heeft_toestemming(link.casus):
        PlanLink.objects.filter(casus=link.casus, ingetrokken_op__isnull=True).update(ingetrokken_op=timezone.now())
        raise Http404
    return link


def log_inwoner(link: PlanLink, actie: str, gebeurtenis: str, segment: str = "plan") -> None:
    casus = link.casus
    record(
        actor=None,
        actie=actie,
        gebeurtenis=gebeurtenis,
        rol="inwoner",
        onderwerp=Onderwerp(
            gemeente_id=casus.gemeente_id,
            inwoner_id=casus.inwoner_id,
            casus_id=casus.pk,
            object_type="plan",
            gegevenssegment=segment,
        ),
        grondslag=Grondslag(doel="inzage door de inwoner", relatie="inwoner", toestemming=True),
    )


@transaction.atomic
def erken_plan(*, link: PlanLink) -> Samenwerkplan:
    plan = Samenwerkplan.objects.select_for_update().get(casus=link.casus)
    plan.erkend_op, plan.erkend_versie = timezone.now(), plan.versie
    plan.save(update_fields=["erkend_op", "erkend_versie"])
    tijdlijn(link.casus, None, "erkend", _("De inwoner heeft het plan gezien en is akkoord (versie %(v)s)") % {"v": plan.versie})
    log_inwoner(link, Actie.UPDATE, "plan.erkend")
    return plan


@transaction.atomic
def reageer(*, link: PlanLink, tekst: str) -> PlanReactie:
    if not tekst.strip():
        raise ValidationError({"tekst": _("Schrijf eerst uw reactie.")})
    plan = Samenwerkplan.objects.get(casus=link.casus)
    reactie = PlanReactie.objects.create(plan=plan, tekst=tekst.strip()[:2000], versie=plan.versie)
    tijdlijn(link.casus, None, "reactie", _("De inwoner heeft gereageerd op het plan"))
    log_inwoner(link, Actie.CREATE, "plan.reactie")
    return reactie
