"""The raw-SQL baselines: for each measured page, one hand-written query that fetches the
rows the page shows (with the same visibility rule: the person takes part in the case now),
as a database specialist would write it. Page time ÷ this time is the cost of everything
else: ORM, permission checks, session, access log, templates."""

# The list pages show how many rows there are in all ("648 casussen", "pagina 1 van 26"; the
# API's "count"), so their baselines fetch that number too, as a database specialist would: the
# person's cases once (a CTE), counted, and the page's rows with their figures.
MIJN = """
WITH mijn AS (
    SELECT c.id, c.aanmelddatum FROM casussen_betrokkene b JOIN casussen_casus c ON c.id = b.casus_id
    WHERE b.user_id = %s AND b.tot IS NULL AND c.gemeente_id = %s {filter}
)
SELECT c.id, c.aanmelddatum, c.status, i.voornaam, i.achternaam, g.naam, b.rol, r.first_name, r.last_name,
       a.volgende, a.over_tijd, (SELECT COUNT(*) FROM mijn) AS totaal
FROM (SELECT id FROM mijn ORDER BY aanmelddatum DESC, id DESC LIMIT %s) m
JOIN casussen_casus c ON c.id = m.id
JOIN casussen_betrokkene b ON b.casus_id = c.id AND b.user_id = %s AND b.tot IS NULL
JOIN casussen_inwoner i ON i.id = c.inwoner_id
JOIN gemeenten_gebied g ON g.id = c.gebied_id
LEFT JOIN casussen_betrokkene rb ON rb.casus_id = c.id AND rb.rol = 'casusregisseur' AND rb.tot IS NULL
LEFT JOIN gemeenten_user r ON r.id = rb.user_id
LEFT JOIN LATERAL (
    SELECT MIN(af.uiterlijke_datum) FILTER (WHERE af.voltooid_op IS NULL) AS volgende,
           COUNT(*) FILTER (WHERE af.voltooid_op IS NULL AND af.uiterlijke_datum < CURRENT_DATE) AS over_tijd
    FROM plannen_samenwerkplan p JOIN plannen_afspraak af ON af.plan_id = p.id WHERE p.casus_id = c.id
) a ON TRUE
ORDER BY c.aanmelddatum DESC, c.id DESC
"""
MIJN_CASUSSEN = MIJN.format(filter="")
MIJN_CASUSSEN_FILTER = MIJN.format(filter="AND c.gebied_id = %s AND c.status = %s")
API_CASUSSEN = MIJN.format(filter="AND c.status = %s")

CASUS_DETAIL = """
SELECT c.*, i.*, g.naam,
  (SELECT json_agg(json_build_object('rol', b.rol, 'voornaam', u.first_name, 'achternaam', u.last_name, 'organisatie', o.naam))
     FROM casussen_betrokkene b JOIN gemeenten_user u ON u.id = b.user_id
     JOIN gemeenten_organisatie o ON o.id = b.organisatie_id WHERE b.casus_id = c.id AND b.tot IS NULL),
  (SELECT json_agg(n.*) FROM casussen_netwerklid n WHERE n.casus_id = c.id),
  (SELECT json_agg(t.* ORDER BY t.vastgelegd_op DESC) FROM casussen_toestemming t WHERE t.casus_id = c.id),
  (SELECT w.naar FROM regie_niveauwijziging w WHERE w.casus_id = c.id ORDER BY w.vastgelegd_op DESC LIMIT 1)
FROM casussen_casus c JOIN casussen_inwoner i ON i.id = c.inwoner_id JOIN gemeenten_gebied g ON g.id = c.gebied_id
WHERE c.id = %s AND EXISTS (SELECT 1 FROM casussen_betrokkene x WHERE x.casus_id = %s AND x.tot IS NULL)
"""

PLAN = """
SELECT r.nummer, r.soort, r.datum, e.welzijnscijfer, e.geleerd, a.id, a.wie, a.wat, a.start, a.uiterlijke_datum,
       a.voltooid_op, u.first_name, u.last_name, n.naam
FROM plannen_samenwerkplan p
JOIN plannen_ronde r ON r.plan_id = p.id
LEFT JOIN plannen_evaluatie e ON e.ronde_id = r.id
LEFT JOIN plannen_afspraak a ON a.ronde_id = r.id
LEFT JOIN casussen_betrokkene b ON b.id = a.betrokkene_id
LEFT JOIN gemeenten_user u ON u.id = b.user_id
LEFT JOIN casussen_netwerklid n ON n.id = a.netwerklid_id
WHERE p.casus_id = %s
ORDER BY r.nummer, a.uiterlijke_datum, a.id
"""

TIJDLIJN = "SELECT tijdstip, soort, omschrijving, door FROM casussen_gebeurtenis WHERE casus_id = %s ORDER BY tijdstip, id"

INBOX = """
WITH open_ AS (
    SELECT s.id, s.vervaldatum FROM signalering_signalering s
    WHERE s.ontvanger_id = %s AND s.gemeente_id = %s AND s.status = 'open'
      AND EXISTS (SELECT 1 FROM casussen_betrokkene b WHERE b.casus_id = s.casus_id AND b.user_id = %s AND b.tot IS NULL)
)
SELECT s.id, s.soort, s.vervaldatum, s.tekst, s.status, s.casus_id, c.aanmelddatum, g.naam, (SELECT COUNT(*) FROM open_) AS totaal
FROM (SELECT id FROM open_ ORDER BY vervaldatum, id LIMIT %s) m
JOIN signalering_signalering s ON s.id = m.id
JOIN casussen_casus c ON c.id = s.casus_id
JOIN gemeenten_gebied g ON g.id = c.gebied_id
ORDER BY s.vervaldatum, s.id
"""

PRIJSLIJST = """
SELECT i.code, i.omschrijving, i.eenheid, i.prijs, i.wet, i.bron
FROM rendement_prijslijst l JOIN rendement_prijsitem i ON i.prijslijst_id = l.id
WHERE l.gemeente_id = %s AND l.jaar = %s
ORDER BY i.code
"""

RAPPORT = """
SELECT k.blok, k.wet, COUNT(DISTINCT a.id), AVG(a.welzijn_voor), AVG(a.welzijn_na), AVG(a.welzijn_herhaling),
       SUM(k.prijs * k.aantal * k.frequentie)
FROM rendement_microanalyse a JOIN rendement_kostenpost k ON k.analyse_id = a.id
WHERE a.gemeente_id = %s
GROUP BY k.blok, k.wet
"""

# De Tafel: a meeting's fixed agenda (blocks with the case number of each registration) and
# the stuurgroep report's main figures for three years of one table.
TAFEL_AGENDA = """
SELECT b.volgorde, b.soort, b.minuten, a.id, c.id, c.aanmelddatum
FROM tafel_agendablok b LEFT JOIN tafel_aanmelding a ON a.id = b.aanmelding_id LEFT JOIN casussen_casus c ON c.id = a.casus_id
WHERE b.bijeenkomst_id = %s ORDER BY b.volgorde, b.id
"""
TAFEL_RAPPORT = """
WITH a AS (SELECT casus_id, aangemeld_op, triage FROM tafel_aanmelding WHERE tafel_id = %s AND aangemeld_op BETWEEN %s AND %s)
SELECT (SELECT json_agg(x) FROM (SELECT triage, COUNT(*) FROM a GROUP BY triage) x),
       (SELECT COUNT(*) FROM overleg_overleg o WHERE o.casus_id IN (SELECT casus_id FROM a)
          AND o.vorm = 'mdo_plus' AND o.status = 'gehouden'),
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY c.afgesloten_op - a.aangemeld_op)
          FROM a JOIN casussen_casus c ON c.id = a.casus_id WHERE c.afgesloten_op IS NOT NULL),
       (SELECT json_agg(y) FROM (SELECT o.naam, COUNT(DISTINCT b.casus_id) FROM casussen_betrokkene b
          JOIN gemeenten_organisatie o ON o.id = b.organisatie_id WHERE b.casus_id IN (SELECT casus_id FROM a)
          GROUP BY o.naam) y),
       (SELECT SUM(s.bedrag) FROM tafel_besteding s JOIN tafel_budgetpot p ON p.id = s.pot_id
          WHERE p.tafel_id = %s AND s.besloten_op BETWEEN %s AND %s)
"""

# The access log as the people it is about read it (issue 21): the rows about one resident,
# their own and the list views that named them (GIN index), newest first, fifty to a page, with
# the number of them. The resident sees what staff did; the privacy officer searches a period.
_OVER_INWONER = """
WITH rijen AS (
    SELECT id, tijdstip FROM privacy_auditentry
    WHERE gemeente_id = %s AND (inwoner_id = %s OR (cardinality(inwoner_ids) > 0 AND inwoner_ids @> ARRAY[%s]::bigint[]))
      {filter}
)
SELECT a.id, a.tijdstip, a.actie, a.gebeurtenis, a.gebruiker_naam, a.rol, a.organisatie, a.casus_id, a.inwoner_id,
       a.casus_ids, a.gegevenssegment, a.velden, a.relatie, a.toestemming, a.noodtoegang, a.reden, a.kanaal, a.ip_adres,
       (SELECT COUNT(*) FROM rijen) AS totaal
FROM (SELECT id, tijdstip FROM rijen ORDER BY tijdstip DESC, id DESC LIMIT 50) r
JOIN privacy_auditentry a ON a.id = r.id AND a.tijdstip = r.tijdstip
ORDER BY a.tijdstip DESC, a.id DESC
"""
WIE_KEEK = _OVER_INWONER.format(filter="AND uitkomst = 'success' AND rol <> 'inwoner' AND gebruiker_id IS NOT NULL")
LOGBOEK_INWONER = _OVER_INWONER.format(filter="AND tijdstip >= %s AND tijdstip < %s")
