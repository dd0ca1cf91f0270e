"""Quizzes written as plain lists (by code: the demo, imports) get the admin's ListBlock format, so that
wagtail-localize offers their questions, answers and feedback for translation (learning/quiz_format.py).

Pages and their revisions both: a draft saved before this would otherwise bring the old format back
when it is published. Running it twice changes nothing; reversing it leaves the (valid) new format.
"""

import json

from django.db import migrations

from learning.quiz_format import body_with_item_ids


def _converted(raw):
    body = json.loads(raw) if isinstance(raw, str) else raw
    if not isinstance(body, list):
        return None
    converted = body_with_item_ids(body)
    return converted if converted != body else None


def forwards(apps, schema_editor):
    LessonPage = apps.get_model("learning", "LessonPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")

    for page in LessonPage.objects.only("pk", "body").iterator(chunk_size=200):
        converted = _converted(list(page.body.raw_data))
        if converted is not None:
            LessonPage.objects.filter(pk=page.pk).update(body=converted)

    lesson_type = ContentType.objects.filter(app_label="learning", model="lessonpage").first()
    if lesson_type is None:
        return
    for revision in (
        Revision.objects.filter(content_type=lesson_type).only("pk", "content").iterator(chunk_size=200)
    ):
        converted = _converted(revision.content.get("body"))
        if converted is not None:
            revision.content["body"] = json.dumps(converted)
            Revision.objects.filter(pk=revision.pk).update(content=revision.content)


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0010_certificates_and_workspace_become_apps"),
        ("wagtailcore", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
