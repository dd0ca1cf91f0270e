"""Staff manage cohorts and enrolments in the Wagtail admin; capacity and people's records hold there too."""

import pytest

from learning.models import Enrolment
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, lessons_of, make_course

pytestmark = pytest.mark.django_db
Status = Enrolment.Status


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_staff_list_and_filter_cohorts_and_enrolments(admin_client):
    cohort = CohortFactory(title="Gdansk pilot")
    EnrolmentFactory(cohort=cohort, status=Status.PENDING, user=UserFactory(display_name="Amina Diallo"))

    assert "Gdansk pilot" in admin_client.get("/admin/learning/cohorts/").content.decode()
    listing = admin_client.get("/admin/learning/enrolments/?status=pending").content.decode()
    assert "Amina Diallo" in listing
    assert (
        "Amina Diallo" not in admin_client.get("/admin/learning/enrolments/?status=active").content.decode()
    )


def test_approving_in_the_admin_respects_capacity(admin_client):
    cohort = CohortFactory(capacity=1, waitlist=False)
    EnrolmentFactory(cohort=cohort)
    pending = EnrolmentFactory(cohort=cohort, status=Status.PENDING)

    response = admin_client.post(f"/admin/learning/enrolments/edit/{pending.pk}/", {"status": Status.ACTIVE})

    assert response.status_code == 200
    assert "full" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_staff_enrol_someone_through_the_admin(admin_client):
    cohort = CohortFactory(enrolment_mode="closed")
    trainee = UserFactory()

    admin_client.post("/admin/learning/enrolments/new/", {"user": trainee.pk, "cohort": cohort.pk})

    assert Enrolment.objects.get(user=trainee).status == Status.ACTIVE


def test_completion_cannot_be_set_by_hand(admin_client):
    enrolment = EnrolmentFactory()

    admin_client.post(f"/admin/learning/enrolments/edit/{enrolment.pk}/", {"status": Status.COMPLETED})

    enrolment.refresh_from_db()
    assert enrolment.status == Status.ACTIVE


def test_a_course_with_enrolments_cannot_be_deleted(admin_client):
    course = make_course()
    EnrolmentFactory(cohort=CohortFactory(course=course))

    response = admin_client.post(f"/admin/pages/{course.pk}/delete/", follow=True)

    assert "cannot be deleted" in response.content.decode()
    assert course.__class__.objects.filter(pk=course.pk).exists()
    assert all(lesson.pk for lesson in lessons_of(course))


def test_a_course_without_people_can_be_deleted(admin_client):
    course = make_course()

    admin_client.post(f"/admin/pages/{course.pk}/delete/")

    assert not course.__class__.objects.filter(pk=course.pk).exists()


def test_trainees_cannot_reach_the_admin_lists(client):
    client.force_login(UserFactory())

    response = client.get("/admin/learning/enrolments/")

    assert response.status_code in (302, 403)


def test_editor_previews_a_lesson_revision_with_its_quiz(admin_client):
    from tests.factories import quiz_block

    course = make_course(bodies=[[quiz_block(block_id="quiz")]])
    lesson = lessons_of(course)[0]
    revision = lesson.save_revision()

    response = admin_client.get(f"/admin/pages/{lesson.pk}/revisions/{revision.pk}/view/")

    assert response.status_code == 200
    assert "Check what you know" in response.content.decode()
