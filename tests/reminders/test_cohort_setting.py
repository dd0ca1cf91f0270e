"""The number of days after which an inactive trainee is reminded is a cohort setting: the trainer sets
it in the workspace, staff in the Wagtail admin, through the same list of settings and the same service."""

import pytest

from learning.models import Cohort
from tests.learning.test_admin_services import edit_cohort
from tests.workspace.conftest import cohort_of, make_trainer, url
from tests.workspace.test_cohort_settings import settings_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort():
    trainer = make_trainer(display_name="Tess Trainer")
    return cohort_of(trainer, capacity=3, title="Brussels spring cohort")


def trainer_of(cohort):
    return cohort.trainers.get()


def test_the_trainer_sets_and_clears_the_reminder_for_inactive_trainees(client, cohort):
    client.force_login(trainer_of(cohort))
    page = client.get(url("cohort_edit", cohort.pk)).content.decode()
    assert 'name="remind_inactive_days"' in page and "Remind trainees inactive for (days)" in page

    assert (
        client.post(url("cohort_edit", cohort.pk), settings_of(cohort, remind_inactive_days=10)).status_code
        == 302
    )
    cohort.refresh_from_db()
    assert cohort.remind_inactive_days == 10

    client.post(url("cohort_edit", cohort.pk), settings_of(cohort))  # left empty: no reminders
    cohort.refresh_from_db()
    assert cohort.remind_inactive_days is None


@pytest.mark.parametrize("days", ["0", "400", "a week"])
def test_a_number_of_days_out_of_range_is_refused_and_keeps_what_was_typed(client, cohort, days):
    client.force_login(trainer_of(cohort))

    response = client.post(
        url("cohort_edit", cohort.pk), settings_of(cohort, remind_inactive_days=days, title="Typed title")
    )

    assert response.status_code in (200, 422)
    page = response.content.decode()
    assert 'value="Typed title"' in page and "is-invalid" in page
    assert Cohort.objects.get(pk=cohort.pk).remind_inactive_days is None


def test_staff_set_it_in_the_admin(admin_client, cohort):
    assert (
        'name="remind_inactive_days"'
        in admin_client.get(f"/admin/learning/cohorts/edit/{cohort.pk}/").content.decode()
    )

    response = edit_cohort(admin_client, cohort, remind_inactive_days=14)

    assert response.status_code == 302
    cohort.refresh_from_db()
    assert cohort.remind_inactive_days == 14
