"""The toolkit demo loads into the journey's starting point (again, unchanged: tests/test_demo_reload.py)."""

import pytest

from accounts.models import User
from toolkits.models import (
    ActionPlan,
    CheckIn,
    CheckInComment,
    Organisation,
    Pairing,
    PlanComment,
    ToolkitPage,
)

pytestmark = pytest.mark.django_db


def test_demo_has_the_four_cities_in_two_languages_and_four_plans(client, demo):
    # Loaded twice, it still has them once: tests/test_demo_reload.py.
    assert ToolkitPage.objects.filter(locale__language_code="en").count() == 4
    assert ToolkitPage.objects.filter(locale__language_code="fr").count() == 4
    assert Organisation.objects.count() == 4
    assert Pairing.objects.count() == 1
    statuses = sorted(ActionPlan.objects.values_list("status", flat=True))
    assert statuses == ["draft", "final", "published", "shared"]
    assert PlanComment.objects.count() == 2
    library = client.get("/fr/toolkits/").content.decode()
    assert "Lisbonne" in library and "Dresde" in library
    toolkit = ToolkitPage.objects.get(locale__language_code="en", slug="gdansk")
    document = toolkit.document_links.first().document
    download = client.get(document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    case = ActionPlan.objects.get(status="published")
    assert client.get(f"/en/cases/{case.public_id}/").status_code == 200


def test_demo_gdansk_final_plan_has_a_check_in_history(client, demo):
    plan = ActionPlan.objects.get(status="final", organisation__name="City of Gdańsk")
    checkins = list(CheckIn.objects.filter(plan=plan).order_by("months"))

    assert [(c.months, c.is_submitted) for c in checkins] == [(3, True), (6, True), (12, False)]
    assert checkins[2].is_open() and checkins[2].days_overdue() == 0  # the 12-month one: due, to record
    assert [c.action_updates.filter(status="done").count() for c in checkins[:2]] == [0, 1]
    assert CheckInComment.objects.filter(checkin__plan=plan, author__email="lisbon@example.org").count() == 2
    # Marta's draft is still the plan "My action plans" shows first, as the README says.
    assert ActionPlan.objects.filter(organisation=plan.organisation).first().status == "draft"
    client.force_login(User.objects.get(email="lisbon@example.org"))
    page = client.get(f"/en/plans/{plan.public_id}/").content.decode()
    assert "Implementation check-ins" in page and "Newcomer pupils in a club" in page
