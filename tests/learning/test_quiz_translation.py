"""A lesson's quiz is translated with the rest of the lesson (wagtail-localize): its questions, answers
and feedback are segments an editor can translate, and they stay translated when the English is edited.

Quizzes written by code as plain lists were invisible to wagtail-localize; once an editor saved the
English lesson (the admin writes the other format, with new ids) and synced, every quiz string came up
untranslated: "Published … with missing translations". Migration 0010 and the demo store the admin's
format, with ids that do not change."""

import json
from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from learning.models import LessonPage
from learning.quiz_format import body_with_item_ids
from tests.factories import UserFactory, lessons_of, make_course, quiz_block, text_block

pytestmark = pytest.mark.django_db
migration = import_module("learning.migrations.0011_quizzes_in_the_admins_format")


def segment_texts(page) -> set[str]:
    source, _created = TranslationSource.get_or_create_from_instance(page)
    source.update_from_db()
    return set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))


def missing_in(source, locale) -> list[str]:
    """What wagtail-localize's publish checks before it says "with missing translations"."""
    segments = StringSegment.objects.filter(source=source).annotate_translation(locale)
    return sorted(segments.filter(translation__isnull=True).values_list("string__data", flat=True))


def translate_every_string(source, locale) -> None:
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": f"FR {segment.string.data}"},
        )


def edit_in_the_admin(lesson: LessonPage, change) -> None:
    """What saving the lesson in the admin does: the body is written from its blocks (the admin's
    format), here after `change` edited the raw blocks."""
    lesson = LessonPage.objects.get(pk=lesson.pk)
    raw = list(lesson.body.raw_data)
    change(raw)
    lesson.body = raw
    list(lesson.body)  # every block read as a value, then written back from its value, as the admin does
    lesson.body = lesson.body.stream_block.get_prep_value(lesson.body)
    lesson.save_revision().publish()


@pytest.fixture
def lesson():
    course = make_course(lessons=1)
    LessonPage.objects.filter(pk=lessons_of(course)[0].pk).update(
        body=json.dumps([text_block(), in_plain_lists(quiz_block())])
    )
    migration.forwards(apps, None)  # what `migrate` does to lessons written before
    return LessonPage.objects.get(pk=lessons_of(course)[0].pk)


def in_plain_lists(block: dict) -> dict:
    """A quiz block as code wrote it before migration 0011: lists without item ids (the factories no
    longer write this format, tests/test_translatable_content.py)."""
    value = block["value"]
    questions = [
        {**question["value"], "answers": [answer["value"] for answer in question["value"]["answers"]]}
        for question in value["questions"]
    ]
    return {**block, "value": {**value, "questions": questions}}


def test_a_quiz_written_as_plain_lists_offers_nothing_to_translate_until_migrated():
    course = make_course(lessons=1)
    lesson = lessons_of(course)[0]
    LessonPage.objects.filter(pk=lesson.pk).update(
        body=json.dumps([text_block(), in_plain_lists(quiz_block())])
    )
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert "Only Belgian citizens" not in segment_texts(lesson)  # the symptom, before the migration

    migration.forwards(apps, None)

    texts = segment_texts(LessonPage.objects.get(pk=lesson.pk))
    assert {"Check what you know", "Who can register to vote in municipal elections in Belgium?"} <= texts
    assert {"Only Belgian citizens", "Residents can too.", "Fees keep people away."} <= texts


def test_the_migration_is_stable_and_keeps_the_quiz_working(lesson):
    before = list(LessonPage.objects.get(pk=lesson.pk).body.raw_data)

    migration.forwards(apps, None)

    again = LessonPage.objects.get(pk=lesson.pk)
    assert list(again.body.raw_data) == before  # the same ids: translations keep matching
    assert body_with_item_ids(before) == before
    quiz = next(block.value for block in again.body if block.block_type == "quiz")
    assert quiz["questions"][0]["answers"][1]["text"] == "Residents after five years"
    assert quiz["questions"][0]["answers"][1]["correct"] is True


def test_after_editing_the_english_and_syncing_only_the_changed_text_is_missing(client, lesson):
    french = Locale.objects.get(language_code="fr")
    translate_object(lesson, [french])
    source = TranslationSource.objects.get_for_instance(lesson)
    translate_every_string(source, french)
    Translation.objects.get(source=source, target_locale=french).save_target(publish=True)
    assert missing_in(source, french) == []

    def new_feedback(raw):
        quiz = next(block for block in raw if block["type"] == "quiz")
        quiz["value"]["questions"][0]["value"]["answers"][0]["value"]["feedback"] = "Residents can vote too."

    edit_in_the_admin(lesson, new_feedback)
    source.update_from_db()  # admin → "Sync translated pages"
    Translation.objects.get(source=source, target_locale=french).save_target(publish=True)

    assert missing_in(source, french) == ["Residents can vote too."]
    french_lesson = lesson.get_translation(french).specific
    quiz = next(block.value for block in french_lesson.body if block.block_type == "quiz")
    assert quiz["questions"][0]["text"] == "FR Who can register to vote in municipal elections in Belgium?"
    assert quiz["questions"][1]["answers"][2]["feedback"] == "FR Fees keep people away."


def test_publishing_a_fully_translated_lesson_says_published(client, lesson):
    french = Locale.objects.get(language_code="fr")
    translate_object(lesson, [french])
    source = TranslationSource.objects.get_for_instance(lesson)
    translate_every_string(source, french)
    french_lesson = lesson.get_translation(french)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[french_lesson.pk]), {"action": "publish"}, follow=True
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "with missing translations" not in html
    assert "Published" in html
