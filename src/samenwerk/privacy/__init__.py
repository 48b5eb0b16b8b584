"""Privacy: the access log (NEN 7513), consent enforcement, AVG rights, anonymisation.

Used by every other app; imports none of them (architecture.md)."""
