"""What the fuzzing of tests/test_fuzz_forms.py found, each kept as a plain regression test (the plans'
one is in tests/toolkits/test_out_of_range_ids.py, beside its fixtures)."""

import pytest
from django.urls import reverse

from learning.models import Cohort
from tests.workspace.conftest import cohort_of, make_trainer
from tests.workspace.test_cohort_settings import settings_of

pytestmark = pytest.mark.django_db

TOO_BIG_FOR_ANY_ID = str(2**63)  # one more than the largest 64-bit integer a database key can hold


def test_a_co_trainer_id_no_database_can_hold_is_refused_and_the_cohort_kept(client):
    trainer = make_trainer()
    cohort = cohort_of(trainer, capacity=5)
    client.force_login(trainer)

    response = client.post(
        reverse("learning:workspace:cohort_edit", args=[cohort.pk]),
        {**settings_of(cohort, title="Changed"), "co_trainers": [TOO_BIG_FOR_ANY_ID]},
    )

    assert response.status_code == 422  # the form again, with the message
    assert "is not a valid value" in str(response.context["form"].errors), response.context["form"].errors
    assert Cohort.objects.get(pk=cohort.pk).title == cohort.title
    assert list(Cohort.objects.get(pk=cohort.pk).trainers.all()) == [trainer]


@pytest.mark.parametrize("course", [TOO_BIG_FOR_ANY_ID, str(-(2**63) - 1)])
def test_a_new_cohort_for_a_course_id_no_database_can_hold_is_refused_not_a_500(client, course):
    trainer = make_trainer()
    client.force_login(trainer)

    response = client.post(reverse("learning:workspace:cohort_create"), {"course": course, "title": "New"})

    assert response.status_code == 422
    assert "course" in response.context["form"].errors
    assert not Cohort.objects.filter(title="New").exists()
