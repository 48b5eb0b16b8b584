"""Signed anchors of the access log's chains, kept outside the database.

The HMACs of rows and seals (privacy.audit, privacy.zegels) stop whoever holds the database
from changing them. They cannot show that the *last* seals were cut off: what is left is
still a valid chain. So `manage.py checkpoint_audit_log`, run every few minutes, seals what
is ready and appends each chain's newest seal (chain, seal number, hash, time) with an HMAC
over those values to `toegangslog-ankers.jsonl` in settings.AUDIT_ANCHOR_DIR, a directory the
database's users cannot write. `verify_audit_log` then requires every chain to reach its last
anchor with the same hash. Seals made after the last anchor are covered by their HMACs only:
the interval of the job is the window in which cutting off the end goes unseen
(docs/privacy.md). Anchors written before the seals (issue 21) name a row (`seq`); they are
still checked against that row.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .audit import Breuk
from .models import Zegel

BESTAND = "toegangslog-ankers.jsonl"


@dataclass(frozen=True)
class Anker:
    chain: int
    positie: int  # the seal's number (or, in an anchor from before the seals, the row's seq)
    hash: str
    tijdstip: str
    soort: str = "zegel"  # "zegel", or "rij" before the seals


@dataclass
class Ankers:
    zegels: dict[int, Anker] = field(default_factory=dict)  # per chain, the furthest valid anchor
    rijen: dict[int, Anker] = field(default_factory=dict)  # the same, anchors from before the seals
    ongeldig: list[Anker] = field(default_factory=list)  # lines whose signature does not hold


def pad() -> Path:
    return Path(settings.AUDIT_ANCHOR_DIR) / BESTAND


def _mac(anker: Anker) -> str:
    soort = "" if anker.soort == "rij" else "zegel|"  # a row anchor's message is as it always was
    bericht = f"samenwerk-toegangslog-anker|{soort}{anker.chain}|{anker.positie}|{anker.hash}|{anker.tijdstip}".encode()
    return hmac.new(settings.AUDIT_KEY.encode(), bericht, hashlib.sha256).hexdigest()


def lees_ankers() -> Ankers:
    ankers = Ankers()
    if not pad().exists():
        return ankers
    with pad().open(encoding="utf-8") as bestand:
        for regel in bestand:
            if not regel.strip():
                continue
            try:
                d = json.loads(regel)
                soort = "zegel" if "zegel" in d else "rij"
                positie = int(d["zegel"] if soort == "zegel" else d["seq"])
                anker = Anker(int(d["chain"]), positie, str(d["hash"]), str(d["tijdstip"]), soort)
                geldig = hmac.compare_digest(_mac(anker), str(d["mac"]))
            except (ValueError, KeyError, TypeError):
                anker, geldig = Anker(0, 0, "", ""), False
            per_chain = ankers.zegels if anker.soort == "zegel" else ankers.rijen
            if not geldig:
                ankers.ongeldig.append(anker)
            elif anker.chain not in per_chain or anker.positie > per_chain[anker.chain].positie:
                per_chain[anker.chain] = anker
    return ankers


def schrijf_ankers() -> tuple[list[Anker], list[Breuk]]:
    """Seal what is ready, then anchor every chain whose seals grew since its last anchor,
    after checking the seals added since then (a broken chain is not anchored: that would
    bless the break). Returns the anchors written and the breaks found."""
    from .zegels import Kop, loop_zegels, verzegel

    verzegel()
    vorige = lees_ankers().zegels
    nieuw: list[Anker] = []
    breuken: list[Breuk] = []
    for chain in sorted(set(Zegel.objects.values_list("chain", flat=True).distinct().order_by())):
        anker = vorige.get(chain)
        bij_anker = Zegel.objects.filter(chain=chain, seq=anker.positie).first() if anker else None
        if anker and (bij_anker is None or bij_anker.hash != anker.hash):
            breuken.append(Breuk(chain, f"zegel {anker.positie}", f"wijkt af van het anker van {anker.tijdstip}, of ontbreekt"))
            continue
        kop = Kop()
        gevonden = list(loop_zegels(chain, kop, sinds=bij_anker.tijdstip if bij_anker else None))
        if gevonden:
            breuken += gevonden
        elif kop.zegel is not None and (anker is None or kop.zegel.seq > anker.positie):
            nieuw.append(Anker(chain, kop.zegel.seq, kop.zegel.hash, timezone.now().isoformat(timespec="seconds")))
    if nieuw:
        _voeg_toe(nieuw)
    return nieuw, breuken


def _voeg_toe(ankers: list[Anker]) -> None:
    """Append (never rewrite) and flush to disk before returning."""
    pad().parent.mkdir(parents=True, exist_ok=True)
    regels = "".join(
        json.dumps({"chain": a.chain, "zegel": a.positie, "hash": a.hash, "tijdstip": a.tijdstip, "mac": _mac(a)}, sort_keys=True)
        + "\n"
        for a in ankers
    )
    fd = os.open(pad(), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(fd, regels.encode())
        os.fsync(fd)
    finally:
        os.close(fd)
