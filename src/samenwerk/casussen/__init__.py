"""Casussen: the resident, their network, how the case came in, consent, and the case's
workflow and timeline (domain.md §3 steps 1-3, §8)."""
