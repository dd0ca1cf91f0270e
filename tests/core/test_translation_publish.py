"""Publishing a translation in wagtail-localize's editor (admin → Translate → Publish): a translation
that fails the page's checks is not published, and the editor is told what is wrong and where.

wagtail-localize said only "New validation errors were found" for model errors such as a slug taken by
a sibling, and did not check StreamField blocks at all: an answer longer than its block allows, or a
quiz question without a right answer, was published as it was."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.operations import translate_object

from learning.models import LessonPage
from tests.factories import UserFactory, lessons_of, make_course, quiz_block, text_block

pytestmark = pytest.mark.django_db

LONG_ANSWER = ("Des résidents étrangers, après cinq ans " * 10).strip()  # 399 characters; answers: 300


@pytest.fixture
def french():
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def translated_lesson(french, body=None, translations=None):
    """A lesson put into French with wagtail-localize, every segment translated ("FR …", the slug
    "fr-…", unless `translations` gives another text for a source text)."""
    course = make_course(lessons=1, bodies=[body or [text_block(), quiz_block()]])
    lesson = lessons_of(course)[0]
    translate_object(lesson, [french])
    source = TranslationSource.objects.get_for_instance(lesson)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        default = (
            f"fr-{segment.string.data}" if segment.context.path == "slug" else f"FR {segment.string.data}"
        )
        text = (translations or {}).get(segment.string.data, default)
        StringTranslation.objects.update_or_create(
            translation_of=segment.string, locale=french, context=segment.context, defaults={"data": text}
        )
    return lesson, lesson.get_translation(french)


def publish(client, page):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}, follow=True)


def live_body(page) -> str:
    return json.dumps(list(LessonPage.objects.get(pk=page.pk).body.raw_data), ensure_ascii=False)


def test_a_translated_answer_too_long_for_its_block_is_not_published_and_the_editor_is_told(editor, french):
    _lesson, french_lesson = translated_lesson(french, translations={"Only Belgian citizens": LONG_ANSWER})

    response = publish(editor, french_lesson)

    html = response.content.decode()
    assert response.status_code == 200
    assert "was not published in Français" in html
    assert "Body / Quiz / Questions 1 / Answers 1 / Answer:" in html
    assert "Ensure this value has at most 300 characters (it has 399)." in html
    assert "Published &#x27;" not in html  # wagtail-localize's "Published '…' in …"
    assert LONG_ANSWER not in live_body(french_lesson)
    wrong = StringTranslation.objects.get(locale=french, data=LONG_ANSWER)
    assert wrong.has_error and "at most 300 characters" in wrong.field_error  # shown on the segment


def test_a_quiz_question_without_a_right_answer_is_named(editor, french):
    questions = [
        {"text": "Who decides?", "multiple": False, "answers": [{"text": "Nobody", "correct": False}]}
    ]
    _lesson, french_lesson = translated_lesson(french, body=[quiz_block(questions=questions)])

    html = publish(editor, french_lesson).content.decode()

    assert "was not published in Français" in html
    assert "Body / Quiz / Questions 1 / Answers:" in html


def test_a_slug_taken_by_a_sibling_is_named(editor, french):
    lesson, french_lesson = translated_lesson(french)
    french_course = french_lesson.get_parent()
    french_lesson.refresh_from_db()
    french_course.add_child(instance=LessonPage(title="Autre", slug="taken", body="[]", locale=french))
    LessonPage.objects.filter(pk=lesson.pk).update(slug="taken")  # what the translation would use
    source = TranslationSource.objects.get_for_instance(lesson)
    source.update_from_db()

    html = publish(editor, french_lesson).content.decode()

    assert "was not published in Français" in html
    assert "Slug: The slug &#x27;taken&#x27; is already in use" in html


def test_a_valid_translation_is_published_as_before(editor, french):
    _lesson, french_lesson = translated_lesson(french)

    html = publish(editor, french_lesson).content.decode()

    assert "was not published" not in html
    assert "Published &#x27;FR Lesson 1&#x27; in Français." in html
    assert "FR Only Belgian citizens" in live_body(french_lesson)
