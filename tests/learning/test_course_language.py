"""A translated course is taught in its own language by default: wagtail-localize copied the source's
language of instruction on Translate and again on every Sync, so a French course said "English"
(learning.course_language)."""

import importlib
import io

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Revision
from wagtail_localize.models import Translation, TranslationSource

from learning.course_language import default_language
from learning.models import CoursePage
from tests.factories import UserFactory, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def french():
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def translate(client, page, locale):
    """The admin's Translate action (wagtail-localize), published at once as a live page's is."""
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [locale.pk]}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return CoursePage.objects.get(translation_key=page.translation_key, locale=locale)


def sync(client, page):
    """The admin's Sync translated pages, with Publish ticked."""
    page.save_revision().publish()
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def stored(page) -> tuple[str, str, str]:
    """The language of the page's row, of its latest revision and of its live revision."""
    page = CoursePage.objects.get(pk=page.pk)
    return (
        page.language,
        page.get_latest_revision_as_object().language,
        page.live_revision.as_object().language if page.live_revision else None,
    )


def test_translate_in_the_admin_gives_a_french_course_french(
    editor, french, django_capture_on_commit_callbacks
):
    course = make_course(lessons=0)
    course.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        translated = translate(editor, course, french)

    assert stored(translated) == ("fr", "fr", "fr")
    assert CoursePage.objects.get(pk=course.pk).language == "en"


def test_translate_of_a_course_its_language_holds_as_an_alias(
    editor, french, django_capture_on_commit_callbacks
):
    course = make_course(lessons=0)
    course.save_revision().publish()
    call_command("sync_locale_trees", stdout=io.StringIO())
    alias = CoursePage.objects.get(translation_key=course.translation_key, locale=french)
    assert alias.alias_of_id == course.pk and alias.language == "en"  # an alias shows English words

    with django_capture_on_commit_callbacks(execute=True):
        translated = translate(editor, course, french)

    assert translated.pk == alias.pk and translated.alias_of_id is None
    assert stored(translated) == ("fr", "fr", "fr")


def test_a_sync_keeps_the_french_course_french(editor, french, django_capture_on_commit_callbacks):
    course = make_course(lessons=0)
    course.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate(editor, course, french)
    course.summary = "A course for migrant and refugee leaders, in six sessions."

    with django_capture_on_commit_callbacks(execute=True):
        sync(editor, course)

    translated.refresh_from_db()
    assert translated.summary == course.summary  # the sync did run (an untranslated text falls back)
    assert stored(translated) == ("fr", "fr", "fr")


def test_an_editors_choice_for_a_translation_survives_a_sync(
    editor, french, django_capture_on_commit_callbacks
):
    course = make_course(lessons=0)
    course.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate(editor, course, french)
    translated.language = "ar"  # the French page of a course its French cohort gets in Arabic
    translated.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        sync(editor, course)

    assert stored(translated) == ("ar", "ar", "ar")


def test_a_course_taught_in_another_language_than_its_page_keeps_it_in_translation(
    editor, french, django_capture_on_commit_callbacks
):
    course = make_course(lessons=0, language="ar")  # an English page for a course taught in Arabic
    course.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        translated = translate(editor, course, french)

    assert stored(translated) == ("ar", "ar", "ar")


def test_the_french_catalogue_filters_a_translated_course_by_french(
    client, editor, french, django_capture_on_commit_callbacks
):
    course = make_course(title="Speaking up", lessons=0)
    course.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate(editor, course, french)
    index_url = translated.get_parent().get_url()
    assert index_url.startswith("/fr/")

    assert "Speaking up" in client.get(index_url, {"language": "fr"}).content.decode()
    assert "Speaking up" not in client.get(index_url, {"language": "en"}).content.decode()


@pytest.mark.parametrize(
    ("source_language", "target", "expected"),
    [("en", "fr", "fr"), ("en", "ti", "ti"), ("ar", "fr", "ar"), ("en", "xx", "en")],
)
def test_the_default_follows_the_locale_only_when_the_source_follows_its_own(
    source_language, target, expected
):
    assert (
        default_language(source_language=source_language, source_locale_code="en", target_locale_code=target)
        == expected
    )


def test_the_migration_gives_synced_translated_courses_their_locales_language(
    editor, french, django_capture_on_commit_callbacks
):
    migration = importlib.import_module("learning.migrations.0016_translated_courses_follow_their_locale")
    spanish = Locale.objects.get(language_code="es")
    course = make_course(lessons=0)
    course.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate(editor, course, french)
        kept = translate(editor, course, spanish)
    # What wagtail-localize left before: the source's language, in the row and its revisions.
    for page in (translated, kept):
        CoursePage.objects.filter(pk=page.pk).update(language="en")
        for revision in Revision.objects.filter(object_id=str(page.pk)):
            revision.content["language"] = "en"
            revision.save(update_fields=["content"])
    # Taken out of sync: the editor may have chosen English on purpose.
    Translation.objects.filter(target_locale=spanish).update(enabled=False)

    migration.translated_courses_follow_their_locale(django_apps, None)

    assert stored(translated) == ("fr", "fr", "fr")
    assert stored(kept) == ("en", "en", "en")
    assert CoursePage.objects.get(pk=course.pk).language == "en"
