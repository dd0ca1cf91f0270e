"""Feedback a person expects, in a real browser: a wrong verification code, the page that marks a
completed course, the reflections to revise on My learning, what waits for a trainer, and the
confirmation before a plan becomes public. Each page passes axe-core's WCAG 2.1 A/AA checks."""

import pytest
from playwright.sync_api import expect

from demo.data import DEMO_PASSWORD
from learning import services as learning_services
from learning.models import Enrolment, Reflection
from tests.browser.conftest import accessibility_violations, screenshot
from toolkits import services as toolkit_services
from toolkits.models import ActionPlan

# One demo and one live server for the module (conftest.site); the django_db mark gives it the database.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def log_in(page, email):
    page.context.clear_cookies()
    page.goto("/en/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form.allauth-form button[type=submit]").click()
    page.wait_for_url("**/accounts/profile/")


def demo_facts() -> dict:
    """What the journey finds, written (committed) before the server serves: a finished course, a
    reflection a trainer sent back, and the city's plan finalised, ready to be published."""
    from accounts.models import User

    finished = Enrolment.objects.filter(user__email="trainee@example.org", status="completed").first()
    reflection = Reflection.objects.filter(enrolment__user__email="trainee@example.org").first()
    reflection.status = Reflection.Status.SUBMITTED
    reflection.save(update_fields=["status"])
    learning_services.reflection_review(
        reflection=reflection, reviewer=None, accepted=False, feedback="Name one date, please."
    )
    marta = User.objects.get(email="city@example.org")
    plan = ActionPlan.objects.filter(organisation__memberships__user=marta).first()
    if plan.status in (ActionPlan.Status.DRAFT, ActionPlan.Status.SHARED):
        toolkit_services.plan_transition(plan=plan, action="finalise", user=marta)
    return {"finished": finished, "reflection": reflection, "plan": plan}


def test_feedback_loops(page, site):
    # A mistyped code: said so, with the form again.
    response = page.goto("/fr/verify/not-a-real-code-000000/")
    assert response.status == 404
    expect(page.locator("#id_code")).to_have_value("not-a-real-code-000000")
    screenshot(page, "80-verify-unknown-code-fr")
    assert accessibility_violations(page) == []

    # The trainee: the moment a course was completed, and a reflection sent back.
    finished, reflection, plan = site.finished, site.reflection, site.plan
    log_in(page, "trainee@example.org")
    page.goto(f"/en/learning/enrolments/{finished.pk}/completed/")
    expect(page.locator("h1")).to_have_text("Congratulations!")
    expect(page.get_by_role("link", name="Download the certificate (PDF)")).to_be_visible()
    screenshot(page, "81-course-completed-en")
    assert accessibility_violations(page) == []

    page.goto("/en/learning/")
    notice = page.locator("#revise-heading")
    expect(notice).to_contain_text("revise")
    screenshot(page, "82-my-learning-reflections-to-revise-en")
    assert accessibility_violations(page) == []
    page.locator("section[aria-labelledby=revise-heading] a").first.click()
    expect(page.locator(f"#block-{reflection.prompt_id}")).to_contain_text("Name one date, please.")
    screenshot(page, "83-lesson-reflection-feedback-en")

    # The trainer: what waits, across cohorts.
    log_in(page, "trainer@example.org")
    page.goto("/en/learning/trainer/")
    screenshot(page, "84-trainer-my-cohorts-waiting-counts-en")
    assert accessibility_violations(page) == []
    page.locator("a[href$='/learning/trainer/waiting/']").click()
    expect(page.locator("h1")).to_have_text("Waiting for you")
    screenshot(page, "85-trainer-waiting-for-you-en")
    assert accessibility_violations(page) == []

    # The city official: what becomes public, confirmed, then findable.
    log_in(page, "city@example.org")
    page.goto(f"/en/plans/{plan.public_id}/")
    page.get_by_role("link", name="Publish as a public case…").click()
    expect(page.locator("h1")).to_have_text("Publish as a public case?")
    screenshot(page, "86-plan-publish-confirmation-en")
    assert accessibility_violations(page) == []
    page.get_by_role("button", name="Confirm: publish it").click()
    expect(page.locator("h1")).to_have_text(plan.title)
    page.goto(f"/en/search/?q={plan.organisation.city}")
    expect(page.locator(f"a[href='/en/cases/{plan.public_id}/']")).to_be_visible()
    screenshot(page, "87-search-finds-published-case-en")
    assert accessibility_violations(page) == []
