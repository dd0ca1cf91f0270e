"""The migration that makes "one current place per course" a database rule keeps every row: existing
enrolments get their course's key, and where a takeover already gave someone two current places in one
course, the oldest (the one the trainee's records were written to) stays and the later one is withdrawn."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import make_course

BEFORE = [("learning", "0003_workspace")]
AFTER = [("learning", "0004_one_current_enrolment_per_course")]

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_existing_enrolments_get_their_course_and_a_takeover_is_undone():
    course = make_course(lessons=1)  # pages are made with today's models, before going back
    old = migrate(BEFORE)
    try:
        User = old.get_model("accounts", "User")
        Cohort = old.get_model("learning", "Cohort")
        Enrolment = old.get_model("learning", "Enrolment")
        course = old.get_model("learning", "CoursePage").objects.get(pk=course.pk)
        trainee = User.objects.create(email="amina@example.org")
        other = User.objects.create(email="karim@example.org")
        real, intruder = (
            Cohort.objects.create(course=course, title="Real"),
            Cohort.objects.create(course=course, title="Intruder"),
        )
        kept = Enrolment.objects.create(user=trainee, cohort=real, status="active")
        taken = Enrolment.objects.create(user=trainee, cohort=intruder, status="active")
        untouched = Enrolment.objects.create(user=other, cohort=intruder, status="completed")

        new = migrate(AFTER)

        Enrolment = new.get_model("learning", "Enrolment")
        rows = {e.pk: (e.status, e.course_key) for e in Enrolment.objects.all()}
        key = course.translation_key
        assert rows[kept.pk] == ("active", key)
        assert rows[taken.pk] == ("withdrawn", key)
        assert rows[untouched.pk] == ("completed", key)
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
