"""One current enrolment per person and course (across its cohorts and translations).

Existing rows get the course's translation key. Where a person already holds two current places in one
course (a second cohort that took them over), the oldest place is kept, because the records written
before the takeover belong to it, and the later ones are withdrawn: no row or record is deleted.
"""

from django.db import migrations, models
from django.db.models import Q
from django.utils import timezone

CURRENT = ["pending", "waitlisted", "active", "completed"]


def copy_course_keys(apps, schema_editor):
    Enrolment = apps.get_model("learning", "Enrolment")
    Cohort = apps.get_model("learning", "Cohort")
    keys = dict(Cohort.objects.values_list("pk", "course__translation_key"))
    for enrolment in Enrolment.objects.only("pk", "cohort_id").iterator():
        Enrolment.objects.filter(pk=enrolment.pk).update(course_key=keys[enrolment.cohort_id])
    held = set()
    current = Enrolment.objects.filter(status__in=CURRENT).order_by("created_at", "pk")
    for enrolment in current.only("pk", "user_id", "course_key").iterator():
        place = (enrolment.user_id, enrolment.course_key)
        if place in held:
            Enrolment.objects.filter(pk=enrolment.pk).update(
                status="withdrawn", status_changed_at=timezone.now()
            )
        held.add(place)
    if schema_editor.connection.vendor == "postgresql":
        # The updates above leave deferred foreign-key checks pending, and PostgreSQL refuses to alter a
        # table with pending trigger events: run the checks now, then defer again.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")


class Migration(migrations.Migration):
    dependencies = [("learning", "0003_workspace")]

    operations = [
        migrations.AddField(
            model_name="enrolment",
            name="course_key",
            field=models.UUIDField(editable=False, null=True, verbose_name="course"),
        ),
        migrations.RunPython(copy_course_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="enrolment",
            name="course_key",
            field=models.UUIDField(editable=False, verbose_name="course"),
        ),
        migrations.AddConstraint(
            model_name="enrolment",
            constraint=models.UniqueConstraint(
                condition=Q(status__in=CURRENT),
                fields=("user", "course_key"),
                name="one_current_enrolment_per_course",
            ),
        ),
    ]
