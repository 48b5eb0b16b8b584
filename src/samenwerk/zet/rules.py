"""Who may do what in ZET (style.md §16: one rule per permission, used by the pages, the API
and the services alike).

domain.md §1 names the **onderzoeker** as the person who carries out a ZET evaluation, and
§9 says only the round's evaluators and the municipality's **functioneel beheerder** see its
data. So: an onderzoeker or functioneel beheerder sets up a round; its evaluators (members of
the round, who hold the onderzoeker role) do the interviews and the analysis; the beheerder
reads. Interview texts are never shown to a professional interviewed about the same case,
nor to anyone taking part in that case (privacy in issue 19)."""

from __future__ import annotations

from samenwerk.casussen.models import Betrokkene
from samenwerk.gemeenten.models import Gemeente, Rol, User

from .models import Evaluatieronde, Interview, Rondecasus, Rondelid

MAKERS = frozenset({Rol.ONDERZOEKER, Rol.FUNCTIONEEL_BEHEERDER})
EVALUATOREN = frozenset({Rol.ONDERZOEKER})


def heeft_rol(user: User, gemeente: Gemeente, rollen: frozenset[str]) -> bool:
    return user.is_authenticated and user.actieve_rollen(gemeente).filter(rol__in=rollen).exists()


def mag_ronde_maken(user: User, gemeente: Gemeente) -> bool:
    return heeft_rol(user, gemeente, MAKERS)


def is_evaluator(user: User, ronde: Evaluatieronde) -> bool:
    return Rondelid.objects.filter(ronde=ronde, user=user).exists()


def is_beheerder(user: User, ronde: Evaluatieronde) -> bool:
    return heeft_rol(user, ronde.gemeente, frozenset({Rol.FUNCTIONEEL_BEHEERDER}))


def mag_zien(user: User, ronde: Evaluatieronde) -> bool:
    return is_evaluator(user, ronde) or is_beheerder(user, ronde)


def mag_werken(user: User, ronde: Evaluatieronde) -> bool:
    """Interviews, the dossier study, the analysis and the improvement points: evaluators."""
    return ronde.status == Evaluatieronde.Status.OPEN and is_evaluator(user, ronde)


def mag_inrichten(user: User, ronde: Evaluatieronde) -> bool:
    """Name, period, themes and evaluators: the beheerder and the evaluators."""
    return ronde.status == Evaluatieronde.Status.OPEN and mag_zien(user, ronde)


def betrokken_bij(user: User, rondecasus: Rondecasus) -> bool:
    """The person took part in the case, or was interviewed about it as a professional."""
    if rondecasus.casus_id and Betrokkene.objects.filter(casus_id=rondecasus.casus_id, user=user).exists():
        return True
    return Interview.objects.filter(rondecasus=rondecasus, professional=user).exists()


def mag_interviews_lezen(user: User, rondecasus: Rondecasus) -> bool:
    return mag_zien(user, rondecasus.ronde) and not betrokken_bij(user, rondecasus)


def niet_te_lezen(user: User, rondecasussen: list[Rondecasus]) -> set[int]:
    """Of these cases of one round: those whose interviews this person may not read (two
    queries for any number of cases; the same rule as `betrokken_bij`)."""
    casus_ids = [rc.casus_id for rc in rondecasussen if rc.casus_id]
    betrokken = set(Betrokkene.objects.filter(casus_id__in=casus_ids, user=user).values_list("casus_id", flat=True))
    geinterviewd = set(
        Interview.objects.filter(rondecasus__in=[rc.pk for rc in rondecasussen], professional=user).values_list(
            "rondecasus_id", flat=True
        )
    )
    return {rc.pk for rc in rondecasussen if rc.casus_id in betrokken or rc.pk in geinterviewd}
