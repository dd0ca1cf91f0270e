"""The trainer's journey in a real browser: log in, my cohorts, a cohort, approve a request, the matrix.

Walked in English, then the cohort page and the matrix in Arabic (right to left). Every page passes
axe-core's WCAG 2.1 A/AA checks.
"""

import pytest
from playwright.sync_api import expect

from demo.data import DEMO_PASSWORD
from learning.models import Cohort, Enrolment
from tests.browser.conftest import accessibility_violations, screenshot

# One demo and one live server for the module (conftest.site); the django_db mark gives it the database.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TRAINER = "trainer@example.org"


def log_in(page, language):
    page.goto(f"/{language}/accounts/login/")
    page.locator("#id_login").fill(TRAINER)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form.allauth-form button[type=submit]").click()
    page.wait_for_url("**/accounts/profile/")


def test_trainer_approves_a_request_and_opens_the_matrix(page):
    cohort = Cohort.objects.filter(trainers__email=TRAINER, enrolments__status="pending").first()
    pending = cohort.enrolments.filter(status="pending").select_related("user").first()
    log_in(page, "en")

    page.goto("/en/learning/")
    page.get_by_role("link", name="My cohorts: the trainer's workspace").click()
    expect(page.locator("h1")).to_have_text("My cohorts")
    screenshot(page, "50-trainer-my-cohorts-en")
    assert accessibility_violations(page) == []

    page.get_by_role("link", name=cohort.title).click()
    expect(page.locator("h1")).to_have_text(cohort.title)
    page.get_by_role("button", name=f"Approve {pending.user.display_name}").click()
    expect(page.locator(".alert-success")).to_contain_text("1 trainee updated.")
    screenshot(page, "51-trainer-cohort-approved-en")
    assert accessibility_violations(page) == []
    assert Enrolment.objects.get(pk=pending.pk).status == Enrolment.Status.ACTIVE

    page.get_by_role("link", name="Progress matrix").first.click()
    expect(page.locator("h1")).to_contain_text("Progress matrix")
    expect(page.locator("table.matrix")).to_be_visible()
    screenshot(page, "52-trainer-matrix-en")
    assert accessibility_violations(page) == []


def test_trainer_workspace_in_arabic_reads_right_to_left(page):
    cohort = (
        Cohort.objects.filter(trainers__email=TRAINER, sessions__attendance__isnull=False).distinct().first()
    )
    log_in(page, "ar")

    page.goto(f"/ar/learning/trainer/cohorts/{cohort.pk}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    expect(page.locator("h1")).to_have_text(cohort.title)
    expect(page.get_by_role("link", name="مصفوفة التقدّم")).to_be_visible()
    screenshot(page, "53-trainer-cohort-ar")
    assert accessibility_violations(page) == []

    page.goto(f"/ar/learning/trainer/cohorts/{cohort.pk}/matrix/")
    screenshot(page, "54-trainer-matrix-ar")
    assert accessibility_violations(page) == []
