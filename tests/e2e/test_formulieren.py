"""Forms as a browser shows them (issue 16): no radio button or text area is ringed red
before the person touched it, and no group of radio buttons offers "---------"."""

import pytest
from django.urls import reverse

from tests.e2e.conftest import assert_accessible, browser_login
from tests.factories import TEST_PASSWORD, casus_met_team

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The drawn border of each required, untouched field, and the same field once it is not
# required (so valid): they must look the same.
RANDEN = """sel => Array.from(document.querySelectorAll(sel)).map(e => {
  const stijl = () => {
    const s = getComputedStyle(e);
    return [s.borderTopColor, s.borderTopWidth, s.backgroundColor].join(' ');
  };
  const groep = e.name ? Array.from(document.getElementsByName(e.name)) : [e];  // a radio group is invalid as a whole
  const leeg = stijl();
  groep.forEach(g => { g.required = false; });
  const geldig = stijl();
  groep.forEach(g => { g.required = true; });
  return {id: e.id, leeg, geldig};
})"""


def test_untouched_required_fields_are_not_red(live_server, page, personas):
    casus = casus_met_team(personas)
    browser_login(page, live_server.url, personas.professional.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}{reverse('casussen:toestemming', args=[casus.pk])}")
    keuzes = page.locator(".sw-keuzes label").all_inner_texts()
    assert keuzes and "---------" not in keuzes
    randen = page.evaluate(RANDEN, "input[type=radio][required], textarea[required]")
    assert randen, "the consent form has required radio buttons"
    for rand in randen:
        assert rand["leeg"] == rand["geldig"], rand
    assert_accessible(page)
