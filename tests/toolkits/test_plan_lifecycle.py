"""A city team writes a plan from a template, shares it, finalises it and publishes it as a case."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.toolkits import factories as f
from toolkits.models import ActionPlan, PlanSection

pytestmark = pytest.mark.django_db


def plan_url(plan, name="toolkits:plan", **kwargs):
    return reverse(name, kwargs={"public_id": plan.public_id, **kwargs})


def section(plan, kind):
    return next(s for s in plan.sections.all() if plan.template_snapshot[s.position]["type"] == kind)


def test_city_official_starts_a_plan_from_a_template(client, team):
    client.force_login(team["piotr"])
    url = reverse("toolkits:plan_start", kwargs={"template_id": team["template"].pk})

    response = client.post(url, {"title": "Gdansk inclusion plan", "organisation": team["gdansk"].pk})

    plan = ActionPlan.objects.get(title="Gdansk inclusion plan")
    assert response.status_code == 302
    assert response["Location"] == plan_url(plan)
    assert plan.organisation == team["gdansk"]
    assert plan.status == ActionPlan.Status.DRAFT
    assert plan.sections.count() == len(f.SECTIONS)
    page = client.get(plan_url(plan)).content.decode()
    assert "Where we stand" in page and "Gdansk inclusion plan" in page


def test_official_cannot_start_a_plan_for_another_city(client, team):
    client.force_login(team["piotr"])
    url = reverse("toolkits:plan_start", kwargs={"template_id": team["template"].pk})

    response = client.post(url, {"title": "Not ours", "organisation": team["lisbon"].pk})

    assert response.status_code == 422
    assert not ActionPlan.objects.filter(title="Not ours").exists()


def test_template_edits_after_creation_do_not_change_the_plan(client, team):
    template_page = team["template"]
    template_page.sections = [
        ("free_text", {"title": "A brand new section", "guidance": "", "max_length": 100})
    ]
    template_page.title = "Renamed template"
    template_page.save_revision().publish()

    plan = ActionPlan.objects.get(pk=team["plan"].pk)
    client.force_login(team["marta"])
    page = client.get(plan_url(plan)).content.decode()

    assert plan.template_title == "City action plan"
    assert [s["title"] for s in plan.template_snapshot] == [s[1]["title"] for s in f.SECTIONS]
    assert "A brand new section" not in page and "Where we stand" in page


def test_member_saves_a_section_without_javascript(client, team):
    plan = team["plan"]
    free_text = section(plan, "free_text")
    client.force_login(team["piotr"])

    response = client.post(
        plan_url(plan, "toolkits:section", key=free_text.key),
        {"version": 0, "text": "We start with schools."},
    )

    assert response.status_code == 302
    free_text.refresh_from_db()
    assert free_text.content == {"text": "We start with schools."}
    assert free_text.version == 1
    assert free_text.revisions.get().author == team["piotr"]
    history = client.get(plan_url(plan, "toolkits:plan_history")).content.decode()
    assert "We start with schools." in history and "Piotr" in history


def test_autosave_through_htmx_answers_a_status_and_the_new_version(client, team):
    plan = team["plan"]
    free_text = section(plan, "free_text")
    client.force_login(team["marta"])

    response = client.post(
        plan_url(plan, "toolkits:section", key=free_text.key),
        {"version": 0, "text": "Draft one"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="save-status"' in body
    assert 'name="version" value="1"' in body and 'hx-swap-oob="true"' in body


def test_tables_goals_risks_questions_and_assessment_are_saved(client, team):
    plan = team["plan"]
    client.force_login(team["marta"])
    actions = section(plan, "actions")
    data = {
        "version": 0,
        f"rows-{actions.key}-TOTAL_FORMS": 2,
        f"rows-{actions.key}-INITIAL_FORMS": 0,
        f"rows-{actions.key}-0-action": "Train front-desk staff",
        f"rows-{actions.key}-0-owner": "Social welfare department",
        f"rows-{actions.key}-0-start": "2026-02-01",
        f"rows-{actions.key}-0-end": "2026-06-30",
        f"rows-{actions.key}-0-budget": "12000",
        f"rows-{actions.key}-1-action": "",
    }
    assert client.post(plan_url(plan, "toolkits:section", key=actions.key), data).status_code == 302
    actions.refresh_from_db()
    assert actions.content["rows"] == [
        {
            "action": "Train front-desk staff",
            "owner": "Social welfare department",
            "partners": "",
            "start": "2026-02-01",
            "end": "2026-06-30",
            "budget": "12000",
            "indicator": "",
            "target": "",
        }
    ]

    questions = section(plan, "questions")
    client.post(
        plan_url(plan, "toolkits:section", key=questions.key),
        {"version": 0, "answer_0": "Young migrants", "answer_1": "The council"},
    )
    assessment = section(plan, "assessment")
    client.post(plan_url(plan, "toolkits:section", key=assessment.key), {"version": 0, "score_0": "3"})
    questions.refresh_from_db()
    assessment.refresh_from_db()
    assert questions.content == {"answers": ["Young migrants", "The council"]}
    assert assessment.content == {"scores": [3], "comment": ""}
    page = client.get(plan_url(plan)).content.decode()
    assert "Train front-desk staff" in page and "Young migrants" in page


def test_sharing_makes_peer_city_a_reviewer_and_tells_them(client, team):
    plan = team["plan"]
    client.force_login(team["marta"])

    response = client.post(plan_url(plan, "toolkits:plan_share"), {"organisations": [team["lisbon"].pk]})

    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.SHARED
    assert [m.to for m in mail.outbox] == [[team["ana"].email]]
    client.force_login(team["ana"])
    assert client.get(plan_url(plan)).status_code == 200


def test_notifications_are_written_in_the_recipients_language(client, team):
    team["ana"].language = "fr"
    team["ana"].save()
    client.force_login(team["marta"])

    client.post(plan_url(team["plan"], "toolkits:plan_share"), {"organisations": [team["lisbon"].pk]})

    assert "/fr/plans/" in mail.outbox[0].body
    assert "retour" in mail.outbox[0].subject.lower() or "avis" in mail.outbox[0].subject.lower()


def test_reviewer_comments_and_owner_resolves(client, team):
    plan = team["plan"]
    client.force_login(team["marta"])
    client.post(plan_url(plan, "toolkits:plan_share"), {"organisations": [team["lisbon"].pk]})
    free_text = section(plan, "free_text")
    mail.outbox.clear()

    client.force_login(team["ana"])
    response = client.post(
        plan_url(plan, "toolkits:comment_add", key=free_text.key), {"body": "Add the NGOs you work with."}
    )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted([team["marta"].email, team["piotr"].email])
    shown = client.get(response["Location"]).content.decode()
    assert "We are letting the plan&#x27;s team know by e-mail." in shown and "has been told" not in shown
    comment = free_text.comments.get()
    assert comment.author_organisation == team["lisbon"]

    client.force_login(team["piotr"])
    assert client.post(plan_url(plan, "toolkits:comment_resolve", comment_id=comment.pk)).status_code == 302
    comment.refresh_from_db()
    assert comment.is_resolved and comment.resolved_by == team["piotr"]
    assert mail.outbox[-1].to == [team["ana"].email]


def test_reviewer_cannot_resolve_comments(client, team):
    plan = team["plan"]
    client.force_login(team["marta"])
    client.post(plan_url(plan, "toolkits:plan_share"), {"organisations": [team["lisbon"].pk]})
    free_text = section(plan, "free_text")
    client.post(plan_url(plan, "toolkits:comment_add", key=free_text.key), {"body": "Note to self"})
    comment = free_text.comments.get()

    client.force_login(team["ana"])
    assert client.post(plan_url(plan, "toolkits:comment_resolve", comment_id=comment.pk)).status_code == 404
    comment.refresh_from_db()
    assert not comment.is_resolved


def test_mentor_city_reviews_once_the_plan_is_shared(client, team):
    f.pairing(team["dresden"], team["gdansk"])
    plan = team["plan"]
    client.force_login(team["uwe"])
    assert client.get(plan_url(plan)).status_code == 404  # still a draft

    client.force_login(team["marta"])
    client.post(plan_url(plan, "toolkits:plan_share"), {})
    assert [m.to for m in mail.outbox] == [[team["uwe"].email]]

    client.force_login(team["uwe"])
    assert client.get(plan_url(plan)).status_code == 200
    free_text = section(plan, "free_text")
    assert (
        client.post(
            plan_url(plan, "toolkits:comment_add", key=free_text.key), {"body": "Good start"}
        ).status_code
        == 302
    )
    assert "Plans I review" in client.get(reverse("toolkits:my_plans")).content.decode()


def test_final_plan_is_locked_then_published_as_a_public_case_and_unpublished(client, team):
    plan = team["plan"]
    free_text = section(plan, "free_text")
    client.force_login(team["marta"])
    client.post(
        plan_url(plan, "toolkits:section", key=free_text.key), {"version": 0, "text": "Schools first."}
    )

    client.post(plan_url(plan, "toolkits:plan_status"), {"action": "finalise"})
    response = client.post(
        plan_url(plan, "toolkits:section", key=free_text.key), {"version": 1, "text": "Changed"}
    )
    assert response.status_code == 404
    client.post(plan_url(plan, "toolkits:plan_publish"))  # the Confirm button
    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.PUBLISHED

    client.logout()
    case = client.get(plan_url(plan, "toolkits:case"))
    assert case.status_code == 200
    assert "Schools first." in case.content.decode()
    assert "Not filled in yet." not in case.content.decode()  # unanswered sections stay out of the case
    assert team["template"].url in case.content.decode()
    assert client.get(plan_url(plan)).status_code == 404  # the workspace stays private

    client.force_login(team["marta"])
    client.post(plan_url(plan, "toolkits:plan_status"), {"action": "unpublish"})
    client.logout()
    assert client.get(plan_url(plan, "toolkits:case")).status_code == 404


def test_impossible_transition_is_refused_with_a_message(client, team):
    client.force_login(team["marta"])
    response = client.post(plan_url(team["plan"], "toolkits:plan_publish"), follow=True)
    assert "not possible" in response.content.decode()
    assert ActionPlan.objects.get(pk=team["plan"].pk).status == ActionPlan.Status.DRAFT


def test_deleting_a_used_template_is_refused(team):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        team["template"].delete()
    assert PlanSection.objects.filter(plan=team["plan"]).exists()


def test_admin_delete_of_a_used_template_is_refused_with_a_message(client, team):
    from tests.factories import UserFactory

    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[team["template"].pk]), follow=True)
    assert "Unpublish it instead" in response.content.decode()
    assert ActionPlan.objects.filter(pk=team["plan"].pk).exists()


def test_staff_list_every_plan_in_the_admin(client, team):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse("toolkits_plans_report"))
    assert response.status_code == 200
    assert "Gdansk plan 2026" in response.content.decode()
    assert plan_url(team["plan"]) in response.content.decode()


def test_the_city_team_hears_when_the_plan_is_final_or_published(client, team):
    plan = team["plan"]
    client.force_login(team["marta"])

    client.post(plan_url(plan, "toolkits:plan_status"), {"action": "finalise"})
    assert [m.to for m in mail.outbox] == [[team["piotr"].email]]  # the team, not the one who acted
    assert "Final" in mail.outbox[0].subject

    mail.outbox.clear()
    client.post(plan_url(plan, "toolkits:plan_publish"))  # the Confirm button
    assert [m.to for m in mail.outbox] == [[team["piotr"].email]]
    assert "public case" in mail.outbox[0].body


ROW_SAMPLES = {
    "actions": {"action": "Open a housing advice desk", "owner": "Housing office"},
    "goals": {"goal": "200 newcomers advised", "deadline": "2027-06-30"},
    "risks": {"risk": "Landlords refuse to take part", "likelihood": "medium", "mitigation": "A charter"},
}


@pytest.mark.parametrize("kind", sorted(ROW_SAMPLES))
def test_repeated_autosaves_of_a_table_that_started_empty_keep_its_rows(client, team, kind):
    """Autosave posts the page's management form unchanged (INITIAL_FORMS=0) with the version of the last
    save, and the same rows again when a field's "change" follows its "input" save: every save keeps the
    rows, never storing an empty table every other time."""
    plan = team["plan"]
    table = section(plan, kind)
    client.force_login(team["marta"])
    url = plan_url(plan, "toolkits:section", key=table.key)
    prefix = f"rows-{table.key}"
    data = {f"{prefix}-TOTAL_FORMS": 3, f"{prefix}-INITIAL_FORMS": 0}
    data.update({f"{prefix}-0-{name}": value for name, value in ROW_SAMPLES[kind].items()})
    first = next(iter(ROW_SAMPLES[kind]))

    for typed in ["", "", " and more", " and more"]:
        data[f"{prefix}-0-{first}"] = ROW_SAMPLES[kind][first] + typed
        table.refresh_from_db()
        response = client.post(url, {**data, "version": table.version}, headers={"HX-Request": "true"})
        assert response.status_code == 200
        table.refresh_from_db()
        assert [row[first] for row in table.content["rows"]] == [ROW_SAMPLES[kind][first] + typed]

    assert [len(r.content["rows"]) for r in table.revisions.order_by("version")] == [1, 1]
    assert ROW_SAMPLES[kind][first] + " and more" in client.get(url).content.decode()
