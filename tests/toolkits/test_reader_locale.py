"""A plan's dates and amounts are written the way the reader's language writes them."""

import pytest
from django.urls import reverse

from toolkits import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_with_an_action(team):
    plan = team["plan"]
    section = next(s for s in plan.sections.all() if plan.template_snapshot[s.position]["type"] == "actions")
    row = {"action": "Open a welcome desk", "start": "2027-03-11", "end": "2027-09-30", "budget": "180000"}
    services.section_save(section=section, user=team["marta"], content={"rows": [row]}, base_version=0)
    return plan


def plan_page(client, team, plan, language):
    client.force_login(team["marta"])
    path = reverse("toolkits:plan", kwargs={"public_id": plan.public_id})
    return client.get(f"/{language}/{path.split('/', 2)[2]}").content.decode()


def test_in_french_11_march_is_day_first(client, team, plan_with_an_action):
    html = plan_page(client, team, plan_with_an_action, "fr")

    assert "11/03/2027" in html
    assert "180\u00a0000" in html or "180 000" in html or "180\u202f000" in html


def test_in_english_11_march_cannot_be_read_as_3_november(client, team, plan_with_an_action):
    html = plan_page(client, team, plan_with_an_action, "en")

    assert "03/11/2027" not in html
    assert "11 Mar 2027" in html
    assert "180,000" in html
