"""core.compiled_query gives what the ORM gives, with the ORM's SQL, however often it runs."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.backends import ModelBackend, _session_user
from core.compiled_query import CompiledQuery, Param
from learning import selectors
from learning.models import Enrolment, QuizAttempt
from notifications.models import Kind, Notification
from notifications.selectors import unread_count_expression
from tests.factories import EnrolmentFactory, UserFactory, lessons_of

pytestmark = pytest.mark.django_db


def _same_sql(compiled: str, orm: str) -> bool:
    # A placeholder is an expression to the ORM, which puts it in parentheses: "= (1)" for "= 1".
    return re.sub(r"\((\d+)\)", r"\1", compiled) == orm


def _fields(instance):
    return {field.attname: getattr(instance, field.attname) for field in instance._meta.concrete_fields}


def test_the_session_user_is_the_orms_with_its_unread_count_and_the_same_sql():
    anna, ben = UserFactory(), UserFactory()
    Notification.objects.create(recipient=anna, kind=Kind.choices[0][0])
    expected = type(anna).objects.annotate(unread_notifications=unread_count_expression()).get(pk=anna.pk)
    with CaptureQueriesContext(connection) as orm:
        type(anna).objects.annotate(unread_notifications=unread_count_expression()).get(pk=anna.pk)
    for _ in range(2):  # compiled on the first call, bound on the next
        with CaptureQueriesContext(connection) as compiled:
            (found,) = _session_user(pk=anna.pk)
        assert _fields(found) == _fields(expected)
        assert found.unread_notifications == expected.unread_notifications == 1
        assert found._state.db == "default" and not found._state.adding
        assert _same_sql(
            compiled.captured_queries[0]["sql"],
            orm.captured_queries[0]["sql"].replace(" LIMIT 21", " LIMIT 1"),
        )
    assert _session_user(pk=ben.pk)[0].unread_notifications == 0
    assert ModelBackend().get_user(ben.pk) == ben
    assert ModelBackend().get_user(ben.pk + anna.pk + 1000) is None


def test_an_inactive_person_is_signed_out_as_django_does():
    person = UserFactory(is_active=False)
    assert ModelBackend().get_user(person.pk) is None


def test_the_enrolment_of_a_course_comes_with_its_cohort_and_finished_lessons_as_the_orm_gives_them():
    enrolment = EnrolmentFactory()
    course = enrolment.cohort.course
    other = EnrolmentFactory(cohort=enrolment.cohort)
    for with_cohort in (True, False):
        found = selectors.learning_enrolment(user=enrolment.user, course=course, with_cohort=with_cohort)
        assert _fields(found) == _fields(enrolment)
        assert selectors.enrolment_done_keys(found) == set()
        with CaptureQueriesContext(connection) as queries:
            cohort = found.cohort
        assert cohort == enrolment.cohort and len(queries) == (0 if with_cohort else 1)
    assert selectors.learning_enrolment(user=other.user, course=course).pk == other.pk
    Enrolment.objects.filter(pk=enrolment.pk).update(status=Enrolment.Status.WITHDRAWN)
    assert selectors.learning_enrolment(user=enrolment.user, course=course) is None


def test_values_bind_anew_on_every_call_and_rows_keep_the_models_order():
    enrolment = EnrolmentFactory()
    lesson = lessons_of(enrolment.cohort.course)[0]
    lesson_key = lesson.translation_key
    for number in (2, 1):
        QuizAttempt.objects.create(
            enrolment=enrolment,
            lesson=lesson,
            lesson_key=lesson_key,
            quiz_id="q",
            number=number,
            answers={},
            score=0,
            passed=False,
        )
    attempts = CompiledQuery(
        QuizAttempt,
        lambda: QuizAttempt.objects.filter(
            enrolment=Param("enrolment", Enrolment._meta.pk),
            lesson_key=Param("lesson", QuizAttempt._meta.get_field("lesson_key")),
        ),
    )
    expected = list(QuizAttempt.objects.filter(enrolment=enrolment, lesson_key=lesson_key))
    assert [a.pk for a in attempts(enrolment=enrolment.pk, lesson=lesson_key)] == [a.pk for a in expected]
    assert attempts(enrolment=enrolment.pk + 1000, lesson=lesson_key) == []


def test_a_queryset_it_cannot_rebuild_faithfully_is_refused():
    with pytest.raises(ValueError):
        CompiledQuery(Enrolment, lambda: Enrolment.objects.prefetch_related("cohort"))(x=1)
    with pytest.raises(ValueError):
        CompiledQuery(Enrolment, lambda: Enrolment.objects.values("pk"))(x=1)
