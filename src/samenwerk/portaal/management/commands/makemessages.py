"""makemessages without fuzzy matching: a guessed translation of a similar sentence is
worse than none (tests/test_i18n.py then asks for a real one)."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
