"""Signed anchors of the access log's chains, kept outside the database.

The HMAC of each row (audit.entry_hash) stops whoever holds the database from changing a row
or rewriting the chain after it. It cannot show that the *last* rows were cut off: what is
left is still a valid chain. So `manage.py checkpoint_audit_log`, run every few minutes,
appends each chain's head (chain, seq, hash, time) with an HMAC over those values to
`toegangslog-ankers.jsonl` in settings.AUDIT_ANCHOR_DIR, a directory the database's users
cannot write. `verify_audit_log` then requires every chain to reach its last anchor with
the same hash. Rows written after the last anchor are covered by the HMAC only: the interval
of the job is the window in which cutting off the end goes unseen (docs/privacy.md).
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

from .audit import Breuk, Keteneinde, loop_keten
from .models import AuditEntry

BESTAND = "toegangslog-ankers.jsonl"


@dataclass(frozen=True)
class Anker:
    chain: int
    seq: int
    hash: str
    tijdstip: str


@dataclass
class Ankers:
    laatste: dict[int, Anker] = field(default_factory=dict)  # per chain, the furthest valid anchor
    ongeldig: list[Anker] = field(default_factory=list)  # lines whose signature does not hold


def pad() -> Path:
    return Path(settings.AUDIT_ANCHOR_DIR) / BESTAND


def _mac(chain: int, seq: int, hash_: str, tijdstip: str) -> str:
    bericht = f"samenwerk-toegangslog-anker|{chain}|{seq}|{hash_}|{tijdstip}".encode()
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
                anker = Anker(int(d["chain"]), int(d["seq"]), str(d["hash"]), str(d["tijdstip"]))
                geldig = hmac.compare_digest(_mac(anker.chain, anker.seq, anker.hash, anker.tijdstip), str(d["mac"]))
            except (ValueError, KeyError, TypeError):
                anker, geldig = Anker(0, 0, "", ""), False
            if not geldig:
                ankers.ongeldig.append(anker)
            elif anker.chain not in ankers.laatste or anker.seq > ankers.laatste[anker.chain].seq:
                ankers.laatste[anker.chain] = anker
    return ankers


def schrijf_ankers() -> tuple[list[Anker], list[Breuk]]:
    """Anchor every chain that grew since its last anchor, after checking the rows added
    since then (a broken chain is not anchored: that would bless the break). Returns the
    anchors written and the breaks found."""
    vorige = lees_ankers().laatste
    nieuw: list[Anker] = []
    breuken: list[Breuk] = []
    for chain in sorted(set(AuditEntry.objects.values_list("chain", flat=True).distinct().order_by())):
        anker = vorige.get(chain)
        if anker and AuditEntry.objects.filter(chain=chain, seq=anker.seq).values_list("hash", flat=True).first() != anker.hash:
            breuken.append(Breuk(chain, anker.seq, f"wijkt af van het anker van {anker.tijdstip}, of ontbreekt"))
            continue
        einde = Keteneinde(seq=anker.seq, hash=anker.hash) if anker else Keteneinde()
        gevonden = list(loop_keten(chain, einde, vanaf=(einde.seq, einde.hash)))
        if gevonden:
            breuken += gevonden
        elif anker is None or einde.seq > anker.seq:
            nieuw.append(Anker(chain, einde.seq, einde.hash, timezone.now().isoformat(timespec="seconds")))
    if nieuw:
        _voeg_toe(nieuw)
    return nieuw, breuken


def _voeg_toe(ankers: list[Anker]) -> None:
    """Append (never rewrite) and flush to disk before returning."""
    pad().parent.mkdir(parents=True, exist_ok=True)
    regels = "".join(
        json.dumps({**vars(a), "mac": _mac(a.chain, a.seq, a.hash, a.tijdstip)}, sort_keys=True) + "\n" for a in ankers
    )
    fd = os.open(pad(), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(fd, regels.encode())
        os.fsync(fd)
    finally:
        os.close(fd)
