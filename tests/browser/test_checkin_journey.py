"""The mentor check-in journey (issue 16), in a real browser, with axe and screenshots (its pages use no
script): a Gdańsk official records the 3-month check-in of a final plan, Lisbon's mentor comments on it
(in Arabic too), and the plan page shows the progress."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, accessibility_violations, open_page, screenshot
from toolkits import services
from toolkits.models import ActionPlan, ActionPlanTemplatePage, CheckIn, CheckInComment, Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TEAM, MENTOR = "gdansk.team@example.org", "lisbon@example.org"


def demo_facts() -> dict:
    """A final plan of Gdańsk's of its own, with two actions and a SMART goal, whose 3-month check-in fell
    due two days ago (committed before the server serves)."""
    from accounts.models import User

    user = User.objects.get(email=TEAM)
    template = ActionPlanTemplatePage.objects.live().filter(locale__language_code="en").first()
    plan = services.plan_create(
        template=template,
        organisation=Organisation.objects.get(memberships__user=user),
        user=user,
        title="Gdańsk: language cafés in libraries",
    )
    rows = {
        "actions": [
            {
                "action": "Open a language café in 6 libraries",
                "indicator": "Libraries with a café",
                "target": "6",
            },
            {"action": "Recruit volunteer hosts", "indicator": "", "target": ""},
        ],
        "goals": [
            {"goal": "Newcomers practise Polish weekly", "indicator": "Weekly visitors", "target": "150"}
        ],
    }
    for section in plan.sections.all():
        kind = plan.template_snapshot[section.position]["type"]
        if kind in rows:
            section.plan = plan
            services.section_save(section=section, user=user, content={"rows": rows[kind]}, base_version=0)
    services.plan_transition(plan=ActionPlan.objects.get(pk=plan.pk), action="finalise", user=user)
    CheckIn.objects.filter(plan=plan, months=3).update(due_on=timezone.localdate() - timedelta(days=2))
    return {"plan_url": f"/en/plans/{plan.public_id}/", "plan": plan}


def assert_accessible(page) -> None:
    assert accessibility_violations(page) == [], page.url


def test_a_mentee_records_the_3_month_check_in_and_the_mentor_comments(browser, site):
    # The team, without JavaScript: from the plan page to the check-in form.
    team = open_page(browser, site, DESKTOP, email=TEAM)
    team.goto(site.plan_url)
    expect(team.get_by_role("heading", name="Implementation check-ins")).to_be_visible()
    # Its name ends with the check-in, visually hidden (read "Record it : 3-month check-in").
    team.get_by_role("link", name=re.compile(r"^Record it\s*:\s*3-month check-in")).click()
    expect(team.get_by_role("heading", level=1)).to_have_text("3-month check-in")
    assert_accessible(team)

    cafe = team.get_by_role("group", name="Open a language café in 6 libraries")
    cafe.get_by_label("Done").check()
    cafe.get_by_label("Note").fill("Six cafés open every Thursday")
    hosts = team.get_by_role("group", name="Recruit volunteer hosts")
    hosts.get_by_label("In progress").check()
    hosts.get_by_label("Note").fill("<b>eleven</b> hosts")  # refused: plain text only, kept as typed
    team.get_by_label(re.compile("^Weekly visitors")).fill("95")
    team.get_by_label(re.compile("^Libraries with a café")).fill("6")
    team.get_by_role("button", name="Submit check-in").click()
    expect(team.get_by_role("alert")).to_contain_text("need your attention")
    expect(hosts.get_by_label("Note")).to_have_value("<b>eleven</b> hosts")
    expect(team.get_by_label(re.compile("^Weekly visitors"))).to_have_value("95")
    expect(cafe.get_by_label("Done")).to_be_checked()
    assert_accessible(team)
    hosts.get_by_label("Note").fill("Eleven hosts so far, Ukrainian and Belarusian speakers")
    team.get_by_role("button", name="Submit check-in").click()
    expect(team.get_by_text("Check-in saved.")).to_be_visible()
    screenshot(team, "checkin-01-recorded-en")
    checkin = CheckIn.objects.get(plan=site.plan, months=3)
    assert checkin.is_submitted and checkin.action_updates.filter(status="done").count() == 1
    team.context.close()

    # The mentor reads the report and comments, in Arabic.
    mentor = open_page(browser, site, DESKTOP, email=MENTOR)
    mentor.goto(site.plan_url.replace("/en/", "/ar/", 1) + "checkins/3/")
    assert mentor.locator("html").get_attribute("dir") == "rtl"
    expect(mentor.get_by_text("Six cafés open every Thursday")).to_be_visible()
    mentor.locator("#id_body").fill("عمل رائع! How did you find the hosts?")
    mentor.locator("form[action$='/comments/'] button[type=submit]").click()
    expect(mentor.get_by_text("عمل رائع! How did you find the hosts?")).to_be_visible()
    assert mentor.get_by_text("عمل رائع!").get_attribute("dir") == "auto"
    screenshot(mentor, "checkin-02-mentor-comment-ar")
    assert_accessible(mentor)
    assert CheckInComment.objects.filter(checkin=checkin, author__email=MENTOR).count() == 1

    # The plan page shows the progress: one action done, one in progress; the indicators' values.
    mentor.goto(site.plan_url)
    progress = mentor.get_by_role("table", name="Actions done and in progress at each check-in")
    expect(progress.get_by_role("row").nth(1)).to_contain_text(
        re.compile(r"3-month check-in[\s\S]*\s1\s+1\s+2")
    )
    indicators = mentor.get_by_role("table", name="Indicators at each check-in")
    expect(indicators.get_by_role("row", name=re.compile("Weekly visitors"))).to_contain_text("95")
    screenshot(mentor, "checkin-03-plan-progress-en")
    assert_accessible(mentor)
    mentor.goto(site.plan_url.replace("/en/", "/ar/", 1))
    expect(mentor.get_by_role("heading", level=2).first).to_be_visible()
    screenshot(mentor, "checkin-04-plan-progress-ar")
    assert_accessible(mentor)
    mentor.context.close()
