"""Bad input: a clear error in the person's language, a 4xx, and nothing already saved is lost."""

import pytest
from django.urls import reverse
from django.utils import translation

from toolkits import services

pytestmark = pytest.mark.django_db


def section_of(plan, kind):
    section = next(s for s in plan.sections.all() if plan.template_snapshot[s.position]["type"] == kind)
    section.plan = plan
    return section


def url(plan, section):
    return reverse("toolkits:section", kwargs={"public_id": plan.public_id, "key": section.key})


@pytest.fixture
def saved(team):
    plan = team["plan"]
    text = section_of(plan, "free_text")
    services.section_save(
        section=text, user=team["marta"], content={"text": "Saved analysis."}, base_version=0
    )
    return plan


def assert_kept(plan):
    assert section_of(plan, "free_text").content == {"text": "Saved analysis."}


def test_huge_text_is_refused_and_kept_in_the_form(client, team, saved):
    client.force_login(team["marta"])
    huge = "word " * 2000
    response = client.post(url(saved, section_of(saved, "free_text")), {"version": 1, "text": huge})
    assert response.status_code == 422
    assert "at most 5000 characters" in response.content.decode()
    assert huge.strip()[:200] in response.content.decode()
    assert_kept(saved)


def test_script_tags_are_refused_with_a_clear_message(client, team, saved):
    client.force_login(team["marta"])
    response = client.post(
        url(saved, section_of(saved, "free_text")), {"version": 1, "text": "<script>alert(1)</script>"}
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert "HTML tags" in page
    assert "<script>alert(1)</script>" not in page  # shown back escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert_kept(saved)


def test_comparison_signs_in_plain_text_are_fine(client, team, saved):
    client.force_login(team["marta"])
    response = client.post(
        url(saved, section_of(saved, "free_text")), {"version": 1, "text": "Budget < 5000 > 0"}
    )
    assert response.status_code == 302


def test_error_in_the_users_language(client, team, saved):
    client.force_login(team["marta"])
    path = url(saved, section_of(saved, "free_text")).replace("/en/", "/fr/", 1)
    response = client.post(path, {"version": 1, "text": "<b>gras</b>"})
    translation.deactivate()
    assert response.status_code == 422
    assert "balises HTML" in response.content.decode()


def rows_data(section, rows, total=None):
    prefix = f"rows-{section.key}"
    data = {
        "version": 0,
        f"{prefix}-TOTAL_FORMS": total if total is not None else len(rows),
        f"{prefix}-INITIAL_FORMS": 0,
    }
    for number, row in enumerate(rows):
        data.update({f"{prefix}-{number}-{name}": value for name, value in row.items()})
    return data


def test_dates_in_the_wrong_order_are_refused(client, team, saved):
    actions = section_of(saved, "actions")
    client.force_login(team["marta"])
    response = client.post(
        url(saved, actions),
        rows_data(actions, [{"action": "Welcome desk", "start": "2026-09-01", "end": "2026-03-01"}]),
    )
    assert response.status_code == 422
    assert "end date must be on or after the start date" in response.content.decode()
    assert 'value="Welcome desk"' in response.content.decode()
    actions.refresh_from_db()
    assert actions.content == {} and actions.version == 0
    assert_kept(saved)


@pytest.mark.parametrize(
    "row",
    [
        {"action": "Desk", "start": "31/31/2026"},
        {"action": "Desk", "budget": "a lot"},
        {"action": "Desk", "budget": "-5"},
        {"owner": "Nobody said what"},
    ],
)
def test_malformed_table_rows_are_refused(client, team, saved, row):
    actions = section_of(saved, "actions")
    client.force_login(team["marta"])
    response = client.post(url(saved, actions), rows_data(actions, [row]))
    assert response.status_code == 422
    actions.refresh_from_db()
    assert actions.version == 0


def test_tampered_management_form_is_a_4xx_not_a_500(client, team, saved):
    actions = section_of(saved, "actions")
    client.force_login(team["marta"])
    response = client.post(url(saved, actions), {"version": 0, f"rows-{actions.key}-TOTAL_FORMS": "many"})
    assert response.status_code == 422


def test_too_many_rows_are_refused(client, team, saved):
    actions = section_of(saved, "actions")
    client.force_login(team["marta"])
    rows = [{"action": f"Action {n}"} for n in range(45)]
    response = client.post(url(saved, actions), rows_data(actions, rows))
    assert response.status_code == 422


def test_missing_or_forged_version_is_refused(client, team, saved):
    client.force_login(team["marta"])
    free_text = section_of(saved, "free_text")
    assert client.post(url(saved, free_text), {"text": "No version"}).status_code == 422
    assert client.post(url(saved, free_text), {"version": "-1", "text": "x"}).status_code == 422
    assert_kept(saved)


def test_empty_or_markup_comment_is_refused(client, team, saved):
    client.force_login(team["marta"])
    free_text = section_of(saved, "free_text")
    comment_url = reverse("toolkits:comment_add", kwargs={"public_id": saved.public_id, "key": free_text.key})
    assert client.post(comment_url, {"body": ""}).status_code == 422
    assert client.post(comment_url, {"body": "<img src=x onerror=alert(1)>"}).status_code == 422
    assert client.post(comment_url, {"body": "x" * 2001}).status_code == 422
    assert not saved.comments.exists()


def test_plan_title_with_markup_is_refused(client, team):
    client.force_login(team["marta"])
    response = client.post(
        reverse("toolkits:plan_start", kwargs={"template_id": team["template"].pk}),
        {"title": "<script>x</script>", "organisation": team["gdansk"].pk},
    )
    assert response.status_code == 422


def test_unknown_section_is_404(client, team):
    client.force_login(team["marta"])
    response = client.get(
        reverse("toolkits:section", kwargs={"public_id": team["plan"].public_id, "key": "nope"})
    )
    assert response.status_code == 404
