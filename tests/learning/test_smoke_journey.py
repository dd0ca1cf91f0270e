import pytest
from django.core import mail

from learning.models import Enrolment, LessonProgress
from tests.factories import (
    CohortFactory,
    UserFactory,
    lessons_of,
    make_course,
    quiz_block,
    reflection_block,
    text_block,
)

pytestmark = pytest.mark.django_db


def test_trainee_enrols_and_follows_lessons(client, django_capture_on_commit_callbacks):
    course = make_course(
        bodies=[[text_block()], [quiz_block(block_id="q1")], [reflection_block(block_id="r1")]]
    )
    cohort = CohortFactory(course=course)
    trainee = UserFactory()
    client.force_login(trainee)

    page = client.get(course.url)
    assert page.status_code == 200
    assert "Enrol" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cohort.enrol_url, follow=True)
    assert response.status_code == 200
    assert Enrolment.objects.get(user=trainee).status == Enrolment.Status.ACTIVE
    assert len(mail.outbox) == 1

    first, second, third = lessons_of(course)
    assert client.get(first.url).status_code == 200
    client.post(f"/en/learning/lessons/{first.pk}/complete/")
    r = client.get(second.url)
    assert r.status_code == 200, r.content
    r = client.post(
        f"/en/learning/lessons/{second.pk}/quiz/q1/", {"attempt": "1", "q0": "1", "q1": ["0", "1"]}
    )
    assert r.status_code == 302, r.content.decode()
    r = client.post(
        f"/en/learning/lessons/{third.pk}/reflection/r1/", {"text": "More translated forms please"}
    )
    assert r.status_code == 302, r.content.decode()
    assert LessonProgress.objects.count() == 3
    assert Enrolment.objects.get(user=trainee).status == Enrolment.Status.COMPLETED
    assert client.get("/en/learning/").status_code == 200
