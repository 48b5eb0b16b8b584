"""Plannen: the Samenwerkplan with its versions, the agreements per round, evaluations,
Positieve Gezondheid measurements and the resident's copy (domain.md §3 steps 2, 3, 5, 6)."""
