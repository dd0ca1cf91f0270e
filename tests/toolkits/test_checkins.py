"""Mentor check-ins: scheduled when a mentee city's plan becomes final, recorded by the city team, commented
on by the mentor, shown over time on the plan page."""

import io
import re
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.toolkits import factories as f
from tests.toolkits.checkin_helpers import fill, finalise, form_data
from toolkits import services
from toolkits.checkins import services as checkin_services
from toolkits.models import ActionPlan, CheckIn, CheckInActionUpdate, CheckInComment, CheckInIndicatorValue

pytestmark = pytest.mark.django_db


@pytest.fixture
def mentored(team):
    """Lisbon mentors Gdańsk; Gdańsk's plan has three actions and one SMART goal, and is final."""
    f.pairing(team["lisbon"], team["gdansk"])
    fill(team["plan"], team["marta"])
    return {**team, "checkin": finalise(team["plan"], team["marta"])}


def checkin_url(checkin, name="checkin"):
    return reverse(f"toolkits:{name}", kwargs={"public_id": checkin.plan.public_id, "months": checkin.months})


# --- Scheduling -------------------------------------------------------------------------------------
def test_a_mentee_plan_becoming_final_gets_three_check_ins(team):
    pairing = f.pairing(team["lisbon"], team["gdansk"])

    services.plan_transition(plan=team["plan"], action="finalise", user=team["marta"])

    today = timezone.localdate()
    checkins = list(CheckIn.objects.filter(plan=team["plan"]).order_by("months"))
    assert [(c.months, c.due_on) for c in checkins] == [
        (3, checkin_services.add_months(today, 3)),
        (6, checkin_services.add_months(today, 6)),
        (12, checkin_services.add_months(today, 12)),
    ]
    assert {c.pairing for c in checkins} == {pairing}
    assert not any(c.is_submitted for c in checkins)


def test_months_are_added_as_calendar_months():
    assert checkin_services.add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert checkin_services.add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)
    assert checkin_services.add_months(date(2027, 12, 1), 12) == date(2028, 12, 1)


def test_no_check_ins_without_a_running_pairing(team):
    today = timezone.localdate()
    # Gdańsk mentors someone (the wrong side), and a pairing that ended, and one that has not started.
    f.pairing(team["gdansk"], team["dresden"])
    ended = f.pairing(team["lisbon"], team["gdansk"])
    ended.starts_on, ended.ends_on = today - timedelta(days=400), today - timedelta(days=1)
    ended.save()
    later = f.pairing(team["dresden"], team["gdansk"])
    later.starts_on = today + timedelta(days=10)
    later.save()

    services.plan_transition(plan=team["plan"], action="finalise", user=team["marta"])

    assert not CheckIn.objects.exists()


def test_finalising_again_schedules_nothing_twice(team):
    f.pairing(team["lisbon"], team["gdansk"])
    services.plan_transition(plan=team["plan"], action="finalise", user=team["marta"])
    first = sorted(CheckIn.objects.values_list("months", "due_on"))

    services.plan_transition(plan=team["plan"], action="reopen", user=team["marta"])
    services.plan_transition(plan=team["plan"], action="finalise", user=team["marta"])
    checkin_services.checkins_schedule(plan=team["plan"], final_on=date(2030, 1, 1))

    assert sorted(CheckIn.objects.values_list("months", "due_on")) == first


def test_a_draft_is_not_scheduled(team):
    f.pairing(team["lisbon"], team["gdansk"])
    assert checkin_services.checkins_schedule(plan=team["plan"], final_on=timezone.localdate()) == []


def test_plans_final_before_check_ins_existed_get_them_from_the_command(team):
    f.pairing(team["lisbon"], team["gdansk"])
    ActionPlan.objects.filter(pk=team["plan"].pk).update(status=ActionPlan.Status.FINAL)
    out = io.StringIO()

    call_command("schedule_checkins", stdout=out)
    call_command("schedule_checkins", stdout=out)

    assert out.getvalue().splitlines() == ["3 check-in(s) scheduled.", "0 check-in(s) scheduled."]
    assert CheckIn.objects.filter(plan=team["plan"]).count() == 3


# --- Recording a check-in ---------------------------------------------------------------------------
def test_the_team_records_a_check_in(client, mentored):
    checkin, plan = mentored["checkin"], mentored["plan"]
    client.force_login(mentored["piotr"])
    page = client.get(checkin_url(checkin)).content.decode()
    assert "Action 0" in page and "Goal indicator 0" in page and "Measure 2" in page

    response = client.post(
        checkin_url(checkin),
        form_data(plan, statuses={0: "done", 2: "dropped"}, notes={0: "Hired in May"}, values={0: "12"}),
        follow=True,
    )

    assert response.status_code == 200
    assert "Check-in saved" in response.content.decode()
    checkin.refresh_from_db()
    assert checkin.submitted_by == mentored["piotr"] and checkin.submitted_at is not None
    updates = list(checkin.action_updates.order_by("row").values_list("action", "status", "note"))
    assert updates == [
        ("Action 0", "done", "Hired in May"),
        ("Action 1", "in_progress", ""),
        ("Action 2", "dropped", ""),
    ]
    # Indicators: each action's (three) then the goal's.
    values = list(checkin.indicator_values.values_list("indicator", "target", "value"))
    assert values[0] == ("Measure 0", "0", "12")
    assert values[-1] == ("Goal indicator 0", "All", "value 3")


def test_errors_keep_what_was_typed_and_save_nothing(client, mentored):
    checkin, plan = mentored["checkin"], mentored["plan"]
    client.force_login(mentored["marta"])
    data = form_data(plan, notes={0: "Two assistants hired", 1: "<b>bold</b>"}, values={0: "٤٥ مدرسة"})
    del data["actions-2-status"]

    response = client.post(checkin_url(checkin), data)

    page = response.content.decode()
    assert response.status_code == 400
    assert "Two assistants hired" in page and "٤٥ مدرسة" in page
    assert "HTML tags" in page  # the note with markup
    assert "This field is required" in page  # the action without a status
    assert not CheckInActionUpdate.objects.exists()
    checkin.refresh_from_db()
    assert not checkin.is_submitted


def test_a_row_the_plan_does_not_have_is_refused(client, mentored):
    checkin, plan = mentored["checkin"], mentored["plan"]
    client.force_login(mentored["marta"])
    data = form_data(plan)
    data["actions-TOTAL_FORMS"] = "4"
    data.update({"actions-3-ref": "not-a-section:7", "actions-3-status": "done", "actions-3-note": ""})

    response = client.post(checkin_url(checkin), data)

    assert response.status_code == 400
    assert "a row the plan does not have" in response.content.decode()
    assert not CheckInActionUpdate.objects.exists()


def test_a_form_opened_before_the_actions_changed_is_refused(client, mentored):
    checkin, plan = mentored["checkin"], mentored["plan"]
    client.force_login(mentored["marta"])
    data = form_data(plan)
    data["actions-TOTAL_FORMS"] = "2"  # the page showed two actions; the plan now has three

    response = client.post(checkin_url(checkin), data)

    assert response.status_code == 400
    assert "actions changed" in response.content.decode()
    assert not CheckInActionUpdate.objects.exists()


def test_submitting_twice_is_safe(client, mentored):
    checkin, plan = mentored["checkin"], mentored["plan"]
    client.force_login(mentored["marta"])
    data = form_data(plan, statuses={0: "done"})

    client.post(checkin_url(checkin), data)
    checkin.refresh_from_db()
    first_submitted = checkin.submitted_at
    client.post(checkin_url(checkin), data)

    checkin.refresh_from_db()
    assert checkin.submitted_at == first_submitted
    assert CheckInActionUpdate.objects.filter(checkin=checkin).count() == 3
    assert CheckInIndicatorValue.objects.filter(checkin=checkin).count() == 4


def test_a_check_in_far_ahead_is_not_open_yet(client, mentored):
    later = CheckIn.objects.get(plan=mentored["plan"], months=12)
    client.force_login(mentored["marta"])

    page = client.get(checkin_url(later)).content.decode()
    response = client.post(checkin_url(later), form_data(mentored["plan"]), follow=True)

    assert "This check-in opens on" in page and 'name="actions-0-status"' not in page
    assert "come back then" in response.content.decode()
    assert not CheckInActionUpdate.objects.exists()


def test_the_next_check_in_starts_from_the_last_statuses(client, mentored):
    plan = mentored["plan"]
    client.force_login(mentored["marta"])
    client.post(checkin_url(mentored["checkin"]), form_data(plan, statuses={1: "done"}, notes={1: "Old"}))
    six = CheckIn.objects.get(plan=plan, months=6)
    CheckIn.objects.filter(pk=six.pk).update(due_on=timezone.localdate())

    page = client.get(checkin_url(six)).content.decode()

    assert re.search(r'<input[^>]*name="actions-1-status" value="done"[^>]*checked', page)
    assert re.search(r'<input[^>]*name="actions-0-status" value="in_progress"[^>]*checked', page)
    assert "Old" not in page  # notes are about one check-in
    assert 'value="value 0"' in page


# --- Comments ---------------------------------------------------------------------------------------
def test_the_mentor_reads_and_comments_on_a_submitted_check_in(client, mentored):
    checkin, plan = mentored["checkin"], mentored["plan"]
    client.force_login(mentored["marta"])
    client.post(checkin_url(checkin), form_data(plan, statuses={0: "done"}))
    client.force_login(mentored["ana"])

    page = client.get(checkin_url(checkin)).content.decode()
    response = client.post(
        checkin_url(checkin, "checkin_comment"), {"body": "Well done on action 0!"}, follow=True
    )

    assert "Action 0" in page and "Done" in page and 'name="actions-0-status"' not in page
    assert "Well done on action 0!" in response.content.decode()
    comment = CheckInComment.objects.get()
    assert comment.author == mentored["ana"] and comment.author_organisation == mentored["lisbon"]


def test_no_comment_before_the_check_in_is_submitted(client, mentored):
    client.force_login(mentored["ana"])
    response = client.post(checkin_url(mentored["checkin"], "checkin_comment"), {"body": "Hello"})
    assert response.status_code == 404
    assert not CheckInComment.objects.exists()


def test_an_empty_comment_is_refused_keeping_the_page(client, mentored):
    checkin = mentored["checkin"]
    checkin_services.checkin_submit(checkin=checkin, user=mentored["marta"], actions=[], indicators=[])
    client.force_login(mentored["ana"])

    response = client.post(checkin_url(checkin, "checkin_comment"), {"body": "   "})

    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert not CheckInComment.objects.exists()


# --- Progress on the plan page ----------------------------------------------------------------------
def test_the_plan_page_shows_progress_over_time(client, mentored):
    plan = mentored["plan"]
    client.force_login(mentored["marta"])
    client.post(checkin_url(mentored["checkin"]), form_data(plan, statuses={0: "done"}, values={3: "40%"}))
    six = CheckIn.objects.get(plan=plan, months=6)
    CheckIn.objects.filter(pk=six.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    client.post(checkin_url(six), form_data(plan, statuses={0: "done", 1: "done"}, values={3: "65%"}))
    CheckIn.objects.filter(plan=plan, months=12).update(due_on=timezone.localdate() - timedelta(days=5))

    for viewer in (mentored["marta"], mentored["ana"]):
        client.force_login(viewer)
        page = client.get(reverse("toolkits:plan", kwargs={"public_id": plan.public_id})).content.decode()
        compact = " ".join(page.split())
        assert "Implementation check-ins" in page
        # 3 months: 1 done, 2 in progress of 3; 6 months: 2 done, 1 in progress.
        assert "<td>1</td> <td>2</td> <td>3</td>" in compact
        assert "<td>2</td> <td>1</td> <td>3</td>" in compact
        assert "Overdue by 5 days" in page
        assert '<td dir="auto">40%</td><td dir="auto">65%</td>' in compact


def test_peer_reviewers_do_not_see_check_ins(client, mentored):
    plan = mentored["plan"]
    ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.SHARED)
    services.plan_share(plan=plan, organisations=[mentored["dresden"]], user=mentored["marta"])
    ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.FINAL)
    client.force_login(mentored["uwe"])

    page = client.get(reverse("toolkits:plan", kwargs={"public_id": plan.public_id}))

    assert page.status_code == 200
    assert "Implementation check-ins" not in page.content.decode()
    assert client.get(checkin_url(mentored["checkin"])).status_code == 404
