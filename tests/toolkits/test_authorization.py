"""Who may read, edit and comment on a plan: 404 for everyone outside the team, reviewers and staff."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.toolkits import factories as f
from toolkits import services

pytestmark = pytest.mark.django_db


def urls(plan, section_key):
    kwargs = {"public_id": plan.public_id}
    return {
        "read": ("get", reverse("toolkits:plan", kwargs=kwargs), {}),
        "section": ("get", reverse("toolkits:section", kwargs={**kwargs, "key": section_key}), {}),
        "pdf": ("get", reverse("toolkits:plan_export", kwargs={**kwargs, "fmt": "pdf"}), {}),
        "docx": ("get", reverse("toolkits:plan_export", kwargs={**kwargs, "fmt": "docx"}), {}),
        "history": ("get", reverse("toolkits:plan_history", kwargs=kwargs), {}),
        "edit": (
            "post",
            reverse("toolkits:section", kwargs={**kwargs, "key": section_key}),
            {"version": 0, "text": "Hijacked"},
        ),
        "comment": (
            "post",
            reverse("toolkits:comment_add", kwargs={**kwargs, "key": section_key}),
            {"body": "Hi"},
        ),
        "share": ("post", reverse("toolkits:plan_share", kwargs=kwargs), {}),
        "status": ("post", reverse("toolkits:plan_status", kwargs=kwargs), {"action": "finalise"}),
        "case": ("get", reverse("toolkits:case", kwargs=kwargs), {}),
    }


def free_text_key(plan):
    return next(s["key"] for s in plan.template_snapshot if s["type"] == "free_text")


@pytest.fixture
def outsiders(team):
    other_template_plan_org = f.OrganisationFactory(name="City of Brighton")
    reviewer_elsewhere = f.member(other_template_plan_org)
    other_plan = f.plan(team["template"], team["dresden"], team["uwe"], title="Dresden plan")
    services.plan_share(plan=other_plan, organisations=[other_template_plan_org], user=team["uwe"])
    return {
        "another city's official": team["ana"],
        "a reviewer of another plan": reviewer_elsewhere,
        "a trainee": UserFactory(),
        "anonymous": None,
    }


@pytest.mark.parametrize(
    "who", ["another city's official", "a reviewer of another plan", "a trainee", "anonymous"]
)
@pytest.mark.parametrize(
    "action", ["read", "section", "pdf", "docx", "history", "edit", "comment", "share", "status", "case"]
)
def test_outsiders_get_404_on_a_draft(client, team, outsiders, who, action):
    plan = team["plan"]
    if outsiders[who] is not None:
        client.force_login(outsiders[who])
    method, url, data = urls(plan, free_text_key(plan))[action]

    response = getattr(client, method)(url, data)

    assert response.status_code == 404
    plan.refresh_from_db()
    assert plan.status == "draft"
    assert not plan.comments.exists()
    assert plan.sections.filter(version__gt=0).count() == 0


@pytest.mark.parametrize("action", ["read", "section", "pdf", "docx"])
def test_reviewer_reads_a_shared_plan(client, team, action):
    services.plan_share(plan=team["plan"], organisations=[team["lisbon"]], user=team["marta"])
    client.force_login(team["ana"])
    method, url, data = urls(team["plan"], free_text_key(team["plan"]))[action]
    assert getattr(client, method)(url, data).status_code == 200


@pytest.mark.parametrize("action", ["edit", "share", "status", "history"])
def test_reviewer_cannot_edit_or_manage(client, team, action):
    plan = team["plan"]
    services.plan_share(plan=plan, organisations=[team["lisbon"]], user=team["marta"])
    client.force_login(team["ana"])
    method, url, data = urls(plan, free_text_key(plan))[action]

    assert getattr(client, method)(url, data).status_code == 404
    plan.refresh_from_db()
    assert plan.status == "shared"
    assert plan.sections.filter(version__gt=0).count() == 0


def test_reviewer_sees_no_edit_form(client, team):
    plan = team["plan"]
    services.plan_share(plan=plan, organisations=[team["lisbon"]], user=team["marta"])
    client.force_login(team["ana"])
    page = client.get(urls(plan, free_text_key(plan))["section"][1]).content.decode()
    assert 'id="section-form"' not in page
    assert "Add comment" in page


def test_unsharing_removes_reviewer_access(client, team):
    plan = team["plan"]
    services.plan_share(plan=plan, organisations=[team["lisbon"]], user=team["marta"])
    services.plan_transition(plan=plan, action="unshare", user=team["marta"])
    client.force_login(team["ana"])
    assert client.get(urls(plan, free_text_key(plan))["read"][1]).status_code == 404


def test_staff_read_a_draft_but_do_not_edit_it(client, team):
    plan = team["plan"]
    client.force_login(UserFactory(is_staff=True))
    assert client.get(urls(plan, free_text_key(plan))["read"][1]).status_code == 200
    _method, url, data = urls(plan, free_text_key(plan))["edit"]
    assert client.post(url, data).status_code == 404


def test_malformed_plan_id_is_404(client, team):
    client.force_login(team["marta"])
    assert client.get("/en/plans/not-a-uuid/").status_code == 404
