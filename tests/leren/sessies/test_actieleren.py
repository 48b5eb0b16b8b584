from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from samenwerk.leren.models import Actieleren, Casusinbreng
from samenwerk.leren.sessies import actieleren as services

from .conftest import casustafel

pytestmark = pytest.mark.django_db


def gegevens(personas, **anders):
    basis = {
        "indiener": personas.professional,
        "vraag": "Hoe krijg ik de huisarts aan tafel?",
        "gespreksleider": personas.gebiedsaanjager,
        "les_vorige_keer": "Eerst bellen, dan mailen.",
        "deelnemers": [(personas.collega_andere_organisatie, "Wijkverpleging"), (personas.niet_betrokken, "Buurtcoach")],
        "adviezen": [
            services.Adviesregel("Bel de praktijkondersteuner", personas.collega_andere_organisatie, gekozen=True),
            services.Adviesregel("Nodig uit via de inwoner", personas.niet_betrokken, gekozen=True),
        ],
        "dialoog_adviseur": personas.collega_andere_organisatie,
        "vervolgstappen": "Volgende week bellen.",
        "volgende_inbrenger": personas.niet_betrokken,
    }
    return services.Actielerengegevens(**(basis | anders))


def test_record_with_advices_and_the_useful_answer(personas, sessie):
    rij = services.maak_actieleren(actor=personas.gebiedsaanjager, tafel=casustafel(sessie), gegevens=gegevens(personas))
    assert [a.gekozen for a in rij.adviezen.all()] == [True, True]
    assert [d.expertise for d in rij.deelnemers.all()] == ["Wijkverpleging", "Buurtcoach"]
    # Afterwards the contributor records it was useful, and what.
    rij = services.wijzig_actieleren(
        actor=personas.professional, actieleren=rij, versie=rij.versie,
        gegevens=gegevens(personas, nuttig_bevonden=True, wat_nuttig="De tip over de praktijkondersteuner"),
    )  # fmt: skip
    assert (rij.nuttig_bevonden, rij.versie) == (True, 1)
    with pytest.raises(services.Conflict):
        services.wijzig_actieleren(actor=personas.professional, actieleren=rij, versie=0, gegevens=gegevens(personas))


def test_no_discussion_field_on_purpose():
    velden = {f.name for f in Actieleren._meta.get_fields()}
    assert not {"discussie", "discussion", "vragenronde"} & velden


def test_three_chosen_advices_are_refused(personas, sessie):
    drie = [services.Adviesregel(f"Advies {i}", personas.niet_betrokken, gekozen=True) for i in range(3)]
    with pytest.raises(ValidationError) as fout:
        services.maak_actieleren(
            actor=personas.gebiedsaanjager, tafel=casustafel(sessie),
            gegevens=gegevens(personas, adviezen=drie, dialoog_adviseur=None),
        )  # fmt: skip
    assert fout.value.message_dict["adviezen"] == [
        "De inbrenger kiest hoogstens twee adviezen om mee verder te gaan; er zijn er 3 gekozen."
    ]
    assert not Actieleren.objects.exists()


def test_other_checks(personas, sessie):
    tafel = casustafel(sessie)
    with pytest.raises(ValidationError) as fout:
        services.maak_actieleren(
            actor=personas.gebiedsaanjager, tafel=tafel,
            gegevens=gegevens(personas, vraag=" ", dialoog_adviseur=personas.manager, nuttig_bevonden=True,
                              deelnemers=[(personas.professional_andere_gemeente, "")]),
        )  # fmt: skip
    assert set(fout.value.message_dict) == {"vraag", "dialoog_adviseur", "wat_nuttig", "deelnemers"}
    with pytest.raises(ValidationError, match="casustafel"):
        services.maak_actieleren(
            actor=personas.gebiedsaanjager, tafel=sessie.tafels.get(soort="nieuwkomer"), gegevens=gegevens(personas)
        )
    with pytest.raises(ValidationError, match="gebiedsaanjager of de gespreksleider"):
        services.maak_actieleren(actor=personas.manager, tafel=tafel, gegevens=gegevens(personas))


def test_only_a_shared_case_may_be_linked(personas, sessie):
    def inbreng(status):
        return Casusinbreng.objects.create(
            gemeente=personas.gemeente, ingebracht_door=personas.professional, doel="casustafel", status=status,
            tekst="[NAAM] woont met twee kinderen in [PLAATS].", gedeeld_op=timezone.now(),
        )  # fmt: skip

    with pytest.raises(ValidationError) as fout:
        services.maak_actieleren(
            actor=personas.gebiedsaanjager, tafel=casustafel(sessie),
            gegevens=gegevens(personas, inbreng=inbreng(Casusinbreng.Status.TE_BEOORDELEN)),
        )  # fmt: skip
    assert "inbreng" in fout.value.message_dict
    rij = services.maak_actieleren(
        actor=personas.gebiedsaanjager, tafel=casustafel(sessie), gegevens=gegevens(personas, inbreng=inbreng("gedeeld"))
    )
    assert rij.inbreng.tekst.startswith("[NAAM]")
