"""Regie and escalation (domain.md §4): the AVE level of a case with its history, the
responsibilities per level (a table per municipality), opschalen with a procesregisseur and
what that procesregisseur does, and external care signals attached to a case."""
