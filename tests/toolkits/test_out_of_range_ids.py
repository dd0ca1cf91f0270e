"""Found by tests/test_fuzz_forms.py: an organisation id no database can hold answered 500."""

import pytest
from django.urls import reverse

from toolkits.models import ActionPlan

pytestmark = pytest.mark.django_db

TOO_BIG_FOR_ANY_ID = str(2**63)  # one more than the largest 64-bit integer a database key can hold


@pytest.mark.parametrize("ids", [[TOO_BIG_FOR_ANY_ID], ["1", TOO_BIG_FOR_ANY_ID], [str(-(2**63) - 1)]])
def test_sharing_a_plan_with_an_id_no_database_can_hold_is_refused_not_a_500(client, team, ids):
    plan = team["plan"]
    client.force_login(team["marta"])

    response = client.post(
        reverse("toolkits:plan_share", kwargs={"public_id": plan.public_id}), {"organisations": ids}
    )

    assert 400 <= response.status_code < 500
    assert "is not a valid value" in response.content.decode()
    assert not plan.shares.exists()


def test_starting_a_plan_for_an_organisation_id_no_database_can_hold_is_refused(client, team):
    client.force_login(team["marta"])
    before = ActionPlan.objects.count()

    response = client.post(
        reverse("toolkits:plan_start", kwargs={"template_id": team["template"].pk}),
        {"title": "Overflow", "organisation": TOO_BIG_FOR_ANY_ID},
    )

    assert 400 <= response.status_code < 500
    assert ActionPlan.objects.count() == before
