"""Maatschappelijk rendement (domain.md §6): the municipal price list, the calculation of
societal costs before and after, and later the micro-analyses per case and their aggregates."""
