"""The resident's own access (domain.md §1, §8; issue 3 item 8; issue 7 item 4): a secure,
expiring link to read their plan in plain language, acknowledge it, comment on it, download
it, and see who looked at their file. No account; they see nothing else.

The link only works while the resident's consent for the Samenwerkwijze stands: withdrawing
it revokes every open link at the next use. Only the newest link works: sending a new one
revokes the earlier ones (issue 17 item 9). The e-mail goes through the product's outbox
(ADR 0005); the timeline says it was sent only once it was (issue 17 item 5)."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerk.berichten import verzending
from samenwerk.berichten.models import Bericht
from samenwerk.casussen.models import Casus
from samenwerk.casussen.services import heeft_toestemming, log_casus, tijdlijn
from samenwerk.gemeenten.models import User
from samenwerk.privacy.audit import Grondslag, Onderwerp, record
from samenwerk.privacy.models import Actie

from .models import PlanLink, PlanReactie, Samenwerkplan

GELDIG = datetime.timedelta(days=14)


def hash_van(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


MAIL = "plannen.planlink"
MAIL_LABEL = gettext_lazy("Link naar het plan voor de inwoner")


class LinkOngeldig(Http404):
    """Unknown, expired, replaced or revoked: the same answer for each (a Dutch page)."""


def mail_planlink(bericht: Bericht) -> EmailMessage | None:
    """The outbox's composer: the e-mail with the link, or None when the link no longer works
    (replaced by a newer one, consent withdrawn) — then it is not sent at all."""
    link = PlanLink.objects.select_related("casus__inwoner").filter(pk=bericht.onderwerp_id).first()
    if link is None or not link.geldig or not heeft_toestemming(link.casus):
        return None
    url = verzending.absolute(reverse("inwoner:plan", args=[bericht.gegevens["_token"]]))
    context = {"voornaam": link.casus.inwoner.voornaam, "url": url, "dagen": GELDIG.days}
    return EmailMessage(_("Uw plan staat klaar"), render_to_string("plannen/inwoner/mail.txt", context), None, [bericht.aan])


def planlink_verzonden(bericht: Bericht) -> None:
    link = PlanLink.objects.select_related("casus").filter(pk=bericht.onderwerp_id).first()
    if link is not None:
        tijdlijn(link.casus, None, "planlink", _("E-mail met de link naar het plan is verstuurd aan de inwoner"))


def planlink_berichten(casus: Casus) -> list[Bericht]:
    """The plan-link e-mails of this case in the outbox, newest first, with their state."""
    return list(Bericht.objects.filter(planlink__casus=casus).order_by("-aangemaakt_op", "-id")[:5])


@transaction.atomic
def stuur_planlink(*, actor: User, casus: Casus) -> PlanLink:
    if not heeft_toestemming(casus):
        raise ValidationError(_("De inwoner heeft geen toestemming gegeven; er wordt niets gedeeld."))
    if not casus.inwoner.email:
        raise ValidationError(_("Van de inwoner is geen e-mailadres bekend. Vul het eerst in, of geef het plan op papier."))
    if not Samenwerkplan.objects.filter(casus=casus).exists():
        raise ValidationError(_("Er is nog geen plan om te delen."))
    # Only the newest link works: an earlier one may sit in an old mailbox or a forwarded mail.
    PlanLink.objects.filter(casus=casus, ingetrokken_op__isnull=True).update(ingetrokken_op=timezone.now())
    token = secrets.token_urlsafe(32)
    link = PlanLink.objects.create(
        casus=casus, token_hash=hash_van(token), aangemaakt_door=actor, verloopt_op=timezone.now() + GELDIG
    )
    # The token is kept (as a secret of the outbox row) only until the e-mail is sent.
    verzending.zet_klaar(
        soort=MAIL, aan=casus.inwoner.email, onderwerp=link, gemeente=casus.gemeente_id, gegevens={"_token": token}
    )
    tijdlijn(casus, actor, "planlink", _("Link naar het plan klaargezet voor de inwoner; de e-mail wordt verstuurd"))
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
    """The valid link for this token, or LinkOngeldig (unknown, expired, replaced, revoked:
    the same answer)."""
    link = PlanLink.objects.select_related("casus__inwoner").filter(token_hash=hash_van(token)).first()
    if link is None or not link.geldig:
        raise LinkOngeldig
    if not heeft_toestemming(link.casus):
        PlanLink.objects.filter(casus=link.casus, ingetrokken_op__isnull=True).update(ingetrokken_op=timezone.now())
        raise LinkOngeldig
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
