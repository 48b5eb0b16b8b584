"""Django's minimum-length validator with a Dutch error message.

Django 5.2 changed that message's msgid ("... at least %d characters.") while its Dutch
catalogue still has the old one, so the error came out in English. Remove this module when
Django's catalogue catches up (tests/accounts/test_passwords.py will tell: it checks the text).
"""

from __future__ import annotations

from django.contrib.auth.password_validation import MinimumLengthValidator as DjangoMinimumLengthValidator
from django.utils.translation import ngettext


class MinimumLengthValidator(DjangoMinimumLengthValidator):
    def get_error_message(self) -> str:
        return ngettext(
            "Dit wachtwoord is te kort. Het moet minstens %(min_length)d teken lang zijn.",
            "Dit wachtwoord is te kort. Het moet minstens %(min_length)d tekens lang zijn.",
            self.min_length,
        ) % {"min_length": self.min_length}
