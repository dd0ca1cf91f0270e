"""A refused change of a plan's status says what the plan is now and what to do, once."""

import pytest
from django.urls import reverse

from toolkits.models import ActionPlan

pytestmark = pytest.mark.django_db


def plan_url(plan, name="toolkits:plan"):
    return reverse(name, kwargs={"public_id": plan.public_id})


def test_a_refused_change_names_the_status_the_plan_has_now_and_is_shown_once(client, team):
    plan = team["plan"]
    ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.FINAL)  # a colleague finalised it
    client.force_login(team["marta"])

    response = client.post(plan_url(plan, "toolkits:plan_status"), {"action": "unshare"}, follow=True)

    html = response.content.decode()
    assert (
        "Your plan is now “Final”, so that change is not possible. Choose one of the actions shown." in html
    )
    assert html.count("so that change is not possible") == 1
    assert "so that change is not possible" not in client.get(plan_url(plan)).content.decode()


def test_publishing_a_draft_says_to_mark_it_final_first(client, team):
    client.force_login(team["marta"])

    response = client.get(plan_url(team["plan"], "toolkits:plan_publish"), follow=True)

    assert (
        "Only a final plan can be published: mark it final first, then publish it."
        in response.content.decode()
    )
    assert ActionPlan.objects.get(pk=team["plan"].pk).status == ActionPlan.Status.DRAFT
