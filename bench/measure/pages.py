"""Server time of the main pages and API calls through the whole middleware stack (session,
two-factor check, permission filtering, the access-log row each read writes), each beside
its raw-SQL baseline: the same rows fetched with one hand-written query over the same
connection. The Django test client runs in this process; no network is involved."""

from __future__ import annotations

import datetime
import gc
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samenwerk.casussen.models import Casus
from samenwerk.privacy.models import AuditEntry

from . import sql, vast, vloer
from .onderwerpen import Onderwerpen, inloggen

HERHALINGEN = 40
OPWARMEN = 3


@dataclass
class Pagina:
    naam: str
    url: str
    sql: str
    params: list[Any]
    klein_url: str = ""  # the same page for a small subject: the query count must not change
    als: int | None = None  # measured as this person instead of the busiest casusregisseur
    klein_als: int | None = None  # the small page as this person instead of the small professional
    anoniem: bool = False  # a resident's page: no one signed in (a plan link)
    tijden: list[float] = field(default_factory=list)
    sql_tijden: list[float] = field(default_factory=list)
    queries: int = 0
    queries_klein: int | None = None
    rijen_sql: int = 0


def pagina_lijst(o: Onderwerpen) -> list[Pagina]:
    g, status = o.gemeente, "uitvoering"
    lijst = [
        Pagina(
            "Mijn casussen (drukste casusregisseur)",
            "/casussen/",
            sql.MIJN_CASUSSEN,
            [o.user_id, g.id, 25, o.user_id],
            klein_url="/casussen/",
        ),
        Pagina(
            "Casus: detail",
            f"/casussen/{o.casus_id}/",
            sql.CASUS_DETAIL,
            [o.casus_id, o.casus_id],
            klein_url=f"/casussen/{o.kleine_casus_id}/",
        ),
        Pagina(
            "Casus: plan met rondes en afspraken",
            f"/casussen/{o.casus_id}/plan/",
            sql.PLAN,
            [o.casus_id],
            klein_url=f"/casussen/{o.kleine_casus_id}/plan/",
        ),
        Pagina(
            "Casus: tijdlijn",
            f"/casussen/{o.casus_id}/tijdlijn/",
            sql.TIJDLIJN,
            [o.casus_id],
            klein_url=f"/casussen/{o.kleine_casus_id}/tijdlijn/",
        ),
        Pagina(
            "Signaleringen: inbox", "/signaleringen/", sql.INBOX, [o.user_id, g.id, o.user_id, 25], klein_url="/signaleringen/"
        ),
        Pagina(
            "Zoeken: casuslijst met filters (gebied, status)",
            f"/casussen/?gebied={o.gebied_id}&status={status}",
            sql.MIJN_CASUSSEN_FILTER,
            [o.user_id, g.id, o.gebied_id, status, 25, o.user_id],
            klein_url=f"/casussen/?gebied={o.klein_gebied_id}&status={o.klein_status}",
        ),
        Pagina(
            "API: casuslijst met filters",
            f"/api/v1/casussen/?gemeente={g.slug}&status={status}",
            sql.API_CASUSSEN,
            [o.user_id, g.id, status, 50, o.user_id],
            klein_url=f"/api/v1/casussen/?gemeente={o.klein_slug}&status={o.klein_status}",
        ),
    ]
    if o.rapport_user_id:
        lijst.append(
            Pagina("Rendement: rapport van de gemeente (manager)", "/rendement/", sql.RAPPORT, [g.id], als=o.rapport_user_id)
        )
    else:
        lijst.append(
            Pagina("Rendement: prijslijst (rapport bestaat nog niet)", f"/prijslijst/{o.jaar}/", sql.PRIJSLIJST, [g.id, o.jaar])
        )
    if o.tafel_id:
        tot = timezone.localdate()
        van = tot - datetime.timedelta(weeks=52 * 3)
        lijst += [
            Pagina(
                "Tafel: agenda van een bijeenkomst (voorzitter)",
                f"/tafel/{o.tafel_id}/bijeenkomsten/{o.tafel_bijeenkomst_id}/",
                sql.TAFEL_AGENDA,
                [o.tafel_bijeenkomst_id],
                als=o.tafel_voorzitter_id,
            ),
            Pagina(
                "Tafel: stuurgroeprapport over drie jaar (voorzitter)",
                f"/tafel/{o.tafel_id}/rapport/?van={van:%Y-%m-%d}&tot={tot:%Y-%m-%d}",
                sql.TAFEL_RAPPORT,
                [o.tafel_id, van, tot, o.tafel_id, van, tot],
                als=o.tafel_voorzitter_id,
            ),
        ]
    return lijst + _inzage(o)


def _inzage(o: Onderwerpen) -> list[Pagina]:
    i = o.inzage
    if i is None:
        return []
    inwoner_id, gemeente_id = Casus.objects.filter(nummer_is(i.casusnummer)).values_list("inwoner_id", "gemeente_id").get()
    tot = timezone.localdate()
    van = tot - datetime.timedelta(days=365)
    periode = f"van={van:%Y-%m-%d}&tot={tot:%Y-%m-%d}&hele_inwoner=on"
    begin, eind = (
        timezone.make_aware(datetime.datetime.combine(d, datetime.time.min)) for d in (van, tot + datetime.timedelta(days=1))
    )
    return [
        Pagina(
            "Inwoner: wie keek naar mijn gegevens",
            f"/mijn-plan/{i.token}/wie-keek/",
            sql.WIE_KEEK,
            [gemeente_id, inwoner_id, inwoner_id],
            klein_url=f"/mijn-plan/{i.klein_token}/wie-keek/",
            anoniem=True,
        ),
        Pagina(
            "Privacyfunctionaris: toegangslog van een inwoner over een jaar",
            f"/toegangslog/?casus={i.casusnummer}&{periode}",
            sql.LOGBOEK_INWONER,
            [gemeente_id, inwoner_id, inwoner_id, begin, eind],
            klein_url=f"/toegangslog/?casus={i.klein_casusnummer}&{periode}",
            als=i.privacy_user_id,
            klein_als=i.klein_privacy_user_id,
        ),
    ]


def nummer_is(nummer: str) -> Q:
    jaar, pk = nummer.split("-")
    return Q(pk=int(pk), aanmelddatum__year=int(jaar))


def meet(o: Onderwerpen, *, herhalingen: int = HERHALINGEN, melden: Callable[[str], Any] = print) -> dict[str, Any]:
    """Every page beside its baseline; the fixed database work of a signed-in request
    (bench/measure/vast.py) and the floor of the stack (bench/measure/vloer.py), with per page
    the ratios they leave."""
    client = inloggen(Client(), o.user_id)
    klein = inloggen(Client(), o.klein_user_id)
    anderen: dict[int, Client] = {}
    uitkomst = []
    # As the WSGI entry point does once the app is loaded (config/wsgi.py): what lives as long
    # as the process stays out of the garbage collector's full runs.
    gc.collect()
    gc.freeze()
    for p in pagina_lijst(o):
        wie, wie_klein = (Client(), Client()) if p.anoniem else (client, klein)
        if p.als:
            wie = anderen.get(p.als) or anderen.setdefault(p.als, inloggen(Client(), p.als))
        if p.klein_als:
            wie_klein = anderen.get(p.klein_als) or anderen.setdefault(p.klein_als, inloggen(Client(), p.klein_als))
        for _ in range(OPWARMEN):  # first requests may fill caches: count the queries after them
            _get(wie, p.url)
        with CaptureQueriesContext(connection) as q:
            _get(wie, p.url)
        p.queries = len(q.captured_queries)
        if p.klein_url:
            _get(wie_klein, p.klein_url)
            with CaptureQueriesContext(connection) as q:
                _get(wie_klein, p.klein_url)
            p.queries_klein = len(q.captured_queries)
        p.tijden = herhaal(wie, p.url, herhalingen)
        with connection.cursor() as cursor:
            for i in range(OPWARMEN + herhalingen):
                begin = time.perf_counter()
                cursor.execute(p.sql, p.params)
                p.rijen_sql = len(cursor.fetchall())
                if i >= OPWARMEN:
                    p.sql_tijden.append((time.perf_counter() - begin) * 1000)
        uitkomst.append(_samenvatting(p))
        melden(f"  {p.naam}: p50 {uitkomst[-1]['p50_ms']} ms, sql p50 {uitkomst[-1]['sql_p50_ms']} ms, {p.queries} queries")
    sessie = client.cookies[settings.SESSION_COOKIE_NAME].value
    tijden = vast.meet(user_id=o.user_id, sessie=sessie, chain=o.gemeente.id, herhalingen=herhalingen)
    vaste = {"p50_ms": round(percentiel(tijden, 50), 2), "p95_ms": round(percentiel(tijden, 95), 2), "sql": vast.SQL}
    melden(f"  vaste databasekosten per verzoek: p50 {vaste['p50_ms']} ms")
    logregel: dict[str, Any] = {
        soort: {"p50_ms": round(percentiel(t, 50), 3), "p95_ms": round(percentiel(t, 95), 3)}
        for soort, t in vast.leeg_en_vol(chain=o.gemeente.id, herhalingen=herhalingen * 5).items()
    }
    logregel["rijen"] = AuditEntry.objects.count()
    melden(
        f"  een regel in het toegangslog schrijven: leeg p50 {logregel['leeg']['p50_ms']} ms, "
        f"vol ({logregel['rijen']} rijen) p50 {logregel['vol']['p50_ms']} ms"
    )
    vloeren = {
        soort: {"p50_ms": round(percentiel(tijden, 50), 2), "p95_ms": round(percentiel(tijden, 95), 2)}
        for soort, tijden in vloer.meet(client, partial(herhaal, herhalingen=herhalingen)).items()
    }
    melden(
        f"  lege pagina (vloer): p50 {vloeren['html']['p50_ms']} ms, API {vloeren['api']['p50_ms']} ms, "
        f"verzoek zonder inhoud {vloeren['niets']['p50_ms']} ms"
    )
    for p in uitkomst:
        sql_p50 = max(p["sql_p50_ms"], 0.001)
        # page ÷ SQL if everything but the database cost nothing
        p["ondergrens_verhouding"] = round((vaste["p50_ms"] + p["sql_p50_ms"]) / sql_p50, 2)
        # the page's own work (what it costs above the empty page of its kind) ÷ SQL
        eigen_vloer = vloeren["api" if p["url"].startswith("/api/") else "html"]["p50_ms"]
        p["eigen_verhouding"] = round(max(p["p50_ms"] - eigen_vloer, 0) / sql_p50, 2)
    return {"paginas": uitkomst, "vaste_kosten": vaste, "vloer": vloeren, "logregel": logregel}


def herhaal(client: Client, url: str, herhalingen: int = HERHALINGEN) -> list[float]:
    """Warm up, then the server times in ms of `herhalingen` requests."""
    for _ in range(OPWARMEN):
        _get(client, url)
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        _get(client, url)
        tijden.append((time.perf_counter() - begin) * 1000)
    return tijden


def _get(client: Client, url: str) -> None:
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)


def percentiel(waarden: list[float], p: float) -> float:
    rij = sorted(waarden)
    return rij[min(len(rij) - 1, max(0, round(p / 100 * len(rij) + 0.5) - 1))]


def _samenvatting(p: Pagina) -> dict[str, Any]:
    def r(x: float) -> float:
        return round(x, 2)

    return {
        "naam": p.naam,
        "url": p.url,
        "n": len(p.tijden),
        "p50_ms": r(percentiel(p.tijden, 50)),
        "p95_ms": r(percentiel(p.tijden, 95)),
        "max_ms": r(max(p.tijden)),
        "sql_p50_ms": r(percentiel(p.sql_tijden, 50)),
        "sql_p95_ms": r(percentiel(p.sql_tijden, 95)),
        "sql_rijen": p.rijen_sql,
        "verhouding": r(percentiel(p.tijden, 50) / max(percentiel(p.sql_tijden, 50), 0.001)),
        "queries": p.queries,
        "queries_klein": p.queries_klein,
        "sql": " ".join(p.sql.split()),
    }
