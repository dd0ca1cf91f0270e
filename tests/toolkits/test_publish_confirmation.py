"""Publishing a plan as a public case asks first, on a page that shows what becomes public."""

import pytest
from django.urls import reverse

from toolkits import services
from toolkits.models import ActionPlan

pytestmark = pytest.mark.django_db


def url(plan, name):
    return reverse(name, kwargs={"public_id": plan.public_id})


@pytest.fixture
def final_plan(team):
    plan = team["plan"]
    services.plan_transition(plan=plan, action="finalise", user=team["marta"])
    return plan


def test_the_publish_button_leads_to_a_page_saying_what_becomes_public(client, team, final_plan):
    client.force_login(team["marta"])

    detail = client.get(url(final_plan, "toolkits:plan")).content.decode()
    assert f'href="{url(final_plan, "toolkits:plan_publish")}"' in detail

    response = client.get(url(final_plan, "toolkits:plan_publish"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Publish as a public case?" in html
    assert "Gdansk plan 2026" in html and team["gdansk"].city in html
    assert "section" in html and "Confirm: publish it" in html
    assert ActionPlan.objects.get(pk=final_plan.pk).status == ActionPlan.Status.FINAL


def test_the_confirm_button_publishes_and_shows_the_case(client, team, final_plan):
    client.force_login(team["marta"])

    response = client.post(url(final_plan, "toolkits:plan_publish"))

    assert response["Location"] == url(final_plan, "toolkits:case")
    assert ActionPlan.objects.get(pk=final_plan.pk).status == ActionPlan.Status.PUBLISHED


def test_the_old_status_form_no_longer_publishes_without_confirmation(client, team, final_plan):
    client.force_login(team["marta"])

    response = client.post(url(final_plan, "toolkits:plan_status"), {"action": "publish"})

    assert response["Location"] == url(final_plan, "toolkits:plan_publish")
    assert ActionPlan.objects.get(pk=final_plan.pk).status == ActionPlan.Status.FINAL


def test_another_citys_official_cannot_see_or_confirm(client, team, final_plan):
    client.force_login(team["uwe"])

    assert client.get(url(final_plan, "toolkits:plan_publish")).status_code == 404
    assert client.post(url(final_plan, "toolkits:plan_publish")).status_code == 404
    assert ActionPlan.objects.get(pk=final_plan.pk).status == ActionPlan.Status.FINAL


@pytest.fixture
def published(team, final_plan):
    from tests.toolkits import factories as f

    toolkit = f.toolkit(team["index"], title="Welcoming newcomers")
    ActionPlan.objects.filter(pk=final_plan.pk).update(toolkit=toolkit)
    services.plan_publish(plan=final_plan, user=team["marta"])
    return {"plan": final_plan, "toolkit": toolkit}


def test_a_published_case_is_listed_on_its_toolkits_page_and_in_the_library(client, team, published):
    case_url = url(published["plan"], "toolkits:case")

    toolkit_page = client.get(published["toolkit"].url).content.decode()
    library = client.get(team["index"].url).content.decode()

    assert "Action plans published from this toolkit" in toolkit_page and case_url in toolkit_page
    assert "Published action plans" in library and case_url in library


def test_site_search_finds_a_published_case_by_title_or_city(client, team, published):
    case_url = url(published["plan"], "toolkits:case")

    assert case_url in client.get(reverse("home:search"), {"q": "Gdansk plan"}).content.decode()
    assert case_url in client.get(reverse("home:search"), {"q": team["gdansk"].city}).content.decode()


def test_an_unpublished_plan_is_not_found_anywhere(client, team, final_plan):
    html = client.get(reverse("home:search"), {"q": "Gdansk plan"}).content.decode()

    assert url(final_plan, "toolkits:case") not in html
    assert url(final_plan, "toolkits:case") not in client.get(team["index"].url).content.decode()
