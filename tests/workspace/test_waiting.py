"""One place listing what waits for a trainer across their cohorts (reflections to review, requests to
answer, past sessions without attendance), with counts on *My cohorts*; nobody else's items."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learning.models import Attendance, Reflection
from tests.factories import LiveSessionFactory, UserFactory, lessons_of

from .conftest import Status, cohort_of, enrol, url

pytestmark = pytest.mark.django_db


def give_work(cohort, name):
    """A reflection to review, a request to answer and a past session without attendance."""
    lesson = lessons_of(cohort.course)[0]
    trainee = enrol(cohort, Status.ACTIVE, display_name=f"{name} Trainee")
    Reflection.objects.create(
        enrolment=trainee,
        lesson=lesson,
        lesson_key=lesson.translation_key,
        prompt_id="p",
        text="My plan",
        submitted_at=timezone.now(),
    )
    enrol(cohort, Status.PENDING, display_name=f"{name} Applicant")
    start = timezone.now() - timedelta(days=2)
    return LiveSessionFactory(
        cohort=cohort, title=f"{name} session", starts_at=start, ends_at=start + timedelta(hours=1)
    )


def test_the_page_lists_every_kind_of_waiting_item_with_links(client, trainer, cohort):
    session = give_work(cohort, "Amina")
    client.force_login(trainer)

    html = client.get(url("waiting")).content.decode()

    assert "1 reflection to review" in html and "Amina Trainee" in html
    reflection = Reflection.objects.get()
    assert url("trainee", cohort.pk, reflection.enrolment_id) + f"#reflection-{reflection.pk}" in html
    assert "1 request to answer" in html and "Amina Applicant" in html
    assert "1 past session without attendance" in html
    assert url("attendance", cohort.pk, session.pk) in html


def test_answered_items_leave_the_list(client, trainer, cohort):
    session = give_work(cohort, "Amina")
    Reflection.objects.update(status=Reflection.Status.ACCEPTED)
    Attendance.objects.create(session=session, enrolment=Reflection.objects.get().enrolment, present=True)
    client.force_login(trainer)

    html = client.get(url("waiting")).content.decode()

    assert "0 reflections to review" in html and "0 past sessions without attendance" in html


def test_another_trainers_items_are_never_shown(client, trainer, other_trainer, cohort):
    give_work(cohort_of(other_trainer, title="Other cohort"), "Otto")
    client.force_login(trainer)

    html = client.get(url("waiting")).content.decode()
    assert "Otto" not in html and "Other cohort" not in html
    assert "Nothing waits for you" in html
    assert "Otto" not in client.get(url("cohorts")).content.decode()


def test_a_person_who_trains_nobody_gets_a_not_found(client):
    client.force_login(UserFactory())

    assert client.get(url("waiting")).status_code == 404


def test_my_cohorts_shows_the_counts_per_cohort_and_a_link(client, trainer, cohort):
    give_work(cohort, "Amina")
    client.force_login(trainer)

    html = client.get(url("cohorts")).content.decode()

    assert "Waiting for you: 3 items" in html and url("waiting") in html
    row = html.split("Brussels spring cohort</a></th>")[1].split("</tr>")[0]
    assert row.count('<span class="badge text-bg-warning">1</span>') == 3


def queries(client, address):
    # Twice first: new data retires the site's caches, and the first request refills them.
    client.get(address)
    client.get(address)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def test_queries_do_not_grow_with_the_number_of_cohorts(
    client, trainer, course, django_assert_max_num_queries
):
    client.force_login(trainer)
    give_work(cohort_of(trainer, course=course), "First")
    few = (queries(client, url("waiting")), queries(client, url("cohorts")))
    for number in range(5):
        give_work(cohort_of(trainer, course=course), f"Person {number}")

    assert (queries(client, url("waiting")), queries(client, url("cohorts"))) == few
    with django_assert_max_num_queries(few[0]):
        client.get(url("waiting"))
