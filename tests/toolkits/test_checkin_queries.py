"""The check-in page, its submission and the plan page's progress take as many queries for a plan of 50
actions as for one of 3."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.toolkits import factories as f
from tests.toolkits.checkin_helpers import fill, finalise, form_data

pytestmark = pytest.mark.django_db


def _counts(client, actions: int) -> dict:
    organisation, mentor = f.OrganisationFactory(), f.OrganisationFactory()
    user = f.member(organisation)
    f.pairing(mentor, organisation)
    plan = f.plan(organisation=organisation, user=user, title=f"Plan of {actions}")
    fill(plan, user, actions=actions, goals=actions // 3 + 1)
    checkin = finalise(plan, user)
    client.force_login(user)
    address = reverse("toolkits:checkin", kwargs={"public_id": plan.public_id, "months": 3})
    # Warm the site's own cached entries (site, locales, routes) once, so both plans are measured alike.
    client.get(reverse("toolkits:plan", kwargs={"public_id": plan.public_id}))
    client.get(address)
    counts = {}
    steps = {
        "form": lambda: client.get(address),
        "submit": lambda: client.post(address, form_data(plan, statuses={0: "done"})),
        "report": lambda: client.get(address),
        "plan page": lambda: client.get(reverse("toolkits:plan", kwargs={"public_id": plan.public_id})),
    }
    for name, step in steps.items():
        with CaptureQueriesContext(connection) as queries:
            response = step()
        assert response.status_code in {200, 302}, name
        counts[name] = len(queries)
    assert checkin.action_updates.count() == actions
    return counts


def test_query_counts_do_not_grow_with_the_actions(client):
    small = _counts(client, 3)
    big = _counts(client, 50)
    print(f"\ncheck-in queries, 3 and 50 actions: {small} {big}")
    assert big == small, (small, big)
