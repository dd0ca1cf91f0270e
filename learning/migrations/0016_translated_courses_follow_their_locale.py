"""Translated courses said they were taught in their source's language: wagtail-localize copied it on
Translate and again on every Sync. A course translated in synced mode whose language is its source's,
while the source is taught in its own page's language, gets its locale's language (the default
learning.course_language now gives). Only synced translations change: an editor could not choose another
language for one (every Sync put the source's back), whereas a translation taken out of sync may hold an
editor's choice."""

from django.conf import settings
from django.db import migrations


def _set_language(page, language, Revision) -> None:
    page.language = language
    page.save(update_fields=["language"])
    for revision in Revision.objects.filter(pk__in={page.latest_revision_id, page.live_revision_id} - {None}):
        if revision.content.get("language") == language:
            continue
        revision.content["language"] = language
        revision.save(update_fields=["content"])


def translated_courses_follow_their_locale(apps, schema_editor) -> None:
    CoursePage = apps.get_model("learning", "CoursePage")
    Locale = apps.get_model("wagtailcore", "Locale")
    Revision = apps.get_model("wagtailcore", "Revision")
    Translation = apps.get_model("wagtail_localize", "Translation")
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    known = {code for code, _name in settings.LANGUAGES}
    courses = {
        (course.translation_key, course.locale_id): course
        for course in CoursePage.objects.filter(alias_of__isnull=True)
    }
    keys = {key for key, _locale in courses}
    for translation in Translation.objects.filter(enabled=True, source__object_id__in=keys).select_related(
        "source"
    ):
        key = translation.source.object_id
        source = courses.get((key, translation.source.locale_id))
        target = courses.get((key, translation.target_locale_id))
        if source is None or target is None:
            continue
        source_code, target_code = codes[source.locale_id], codes[target.locale_id]
        if target.language == source.language == source_code and target_code != source_code:
            if target_code in known:
                _set_language(target, target_code, Revision)


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0015_cohort_remind_inactive_days"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailcore", "0098_apitoken"),  # Revision
    ]

    operations = [
        migrations.RunPython(translated_courses_follow_their_locale, migrations.RunPython.noop),
    ]
