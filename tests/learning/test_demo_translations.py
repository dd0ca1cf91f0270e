"""The demo's translations are wagtail-localize's: each translated page is a Translation of its English
source with every segment translated, so an editor's *Translate* and *Sync translated pages* see them;
one course is translated whole into Arabic and Ukrainian, and its lessons are read in those languages."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from demo.data import read
from learning.models import Cohort, CourseIndexPage, CoursePage, Enrolment, LessonPage, Topic
from tests.factories import EnrolmentFactory, UserFactory
from toolkits.models import ToolkitPage

pytestmark = pytest.mark.django_db

SPEAK_UP = read("courses")["courses"]["speak_up"]


def translated_pages(code: str) -> list[Page]:
    """The pages of a language that are translations, not aliases of the English page."""
    return list(
        Page.objects.filter(locale__language_code=code, alias_of__isnull=True, depth__gt=1)
        .specific()
        .order_by("path")
    )


def translation_of(page: Page) -> Translation:
    return Translation.objects.select_related("source__locale").get(
        source__object_id=page.translation_key, target_locale=page.locale
    )


def translations_state() -> dict:
    """What a second load must leave as it was (tests/test_demo_reload.py): no translation duplicated."""
    return {
        "pages": Page.objects.count(),
        "aliases": Page.objects.filter(alias_of__isnull=False).count(),
        "topics": Topic.objects.count(),
        "translations": Translation.objects.count(),
        "sources": TranslationSource.objects.count(),
        "strings": StringTranslation.objects.count(),
    }


def speak_up(code: str) -> CoursePage:
    english = CoursePage.objects.get(locale__language_code="en", slug=SPEAK_UP["slug"]["en"])
    return english.get_translation(Locale.objects.get(language_code=code))


@pytest.mark.parametrize("code", ["fr", "ar", "uk"])
def test_every_translated_page_is_a_translation_of_its_english_source_with_every_segment_translated(
    demo, code
):
    pages = translated_pages(code)
    assert pages

    for page in pages:
        translation = translation_of(page)
        assert translation.source.locale.language_code == "en"
        assert translation.source.get_source_instance().translation_key == page.translation_key
        total, translated = translation.get_progress()  # what the translation editor counts
        assert total > 0 and translated == total, page.url_path


def test_the_french_demo_is_translated_from_home_to_every_lesson_and_toolkit(demo):
    titles = {type(page).__name__ for page in translated_pages("fr")}

    assert titles == {
        "HomePage",
        "StandardPage",
        "CourseIndexPage",
        "CoursePage",
        "ModulePage",
        "LessonPage",
        "ToolkitIndexPage",
        "ToolkitPage",
        "ActionPlanTemplatePage",
    }
    assert LessonPage.objects.filter(locale__language_code="fr", alias_of__isnull=True).count() == (
        LessonPage.objects.filter(locale__language_code="en").count()
    )


@pytest.mark.parametrize("code", ["ar", "uk"])
def test_the_arabic_and_ukrainian_course_has_no_english_segment_left(demo, code):
    course = speak_up(code)
    lessons = LessonPage.objects.child_of(course).live()
    locale = Locale.objects.get(language_code=code)
    assert course.alias_of_id is None
    assert [lesson.slug for lesson in lessons] == [lesson["slug"][code] for lesson in SPEAK_UP["lessons"]]

    for page in [course.get_parent().specific, course, *lessons]:
        source = TranslationSource.objects.get(object_id=page.translation_key, locale__language_code="en")
        segments = StringSegment.objects.filter(source=source).select_related("string")
        for segment in segments:
            if not segment.string.data:
                continue  # an answer without feedback has none in any language
            if segment.context.path == "slug" and isinstance(page, CourseIndexPage):
                continue  # an address, not words: /ar/courses/ and /uk/courses/, as before the translation
            text = StringTranslation.objects.get(
                translation_of=segment.string, context=segment.context, locale=locale
            ).data
            assert text != segment.string.data, (page.url_path, text)
            # Written in the language's own script: not a single English word left.
            assert re.search(r"[A-Za-z]{4,}", re.sub(r"<[^>]+>|Unia", "", text)) is None or (
                segment.context.path.endswith("slug")
            ), (page.url_path, text)
    assert course.language == code
    assert course.topic.locale_id == locale.pk


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("uk", "ltr")])
def test_a_lesson_of_the_translated_course_reads_in_its_language(demo, client, code, direction):
    course = speak_up(code)
    cohort = Cohort.objects.get(course__translation_key=course.translation_key)
    trainee = UserFactory(language=code)
    EnrolmentFactory(user=trainee, cohort=cohort, status=Enrolment.Status.ACTIVE)
    client.force_login(trainee)
    lesson = LessonPage.objects.child_of(course).get(slug=SPEAK_UP["lessons"][1]["slug"][code])

    response = client.get(lesson.get_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert lesson.get_url().startswith(f"/{code}/")
    assert f'<html lang="{code}" dir="{direction}">' in html
    assert f'<article class="col-lg-8 order-lg-2" lang="{code}" dir="{direction}">' in html
    quiz = SPEAK_UP["lessons"][1]["blocks"][1]["value"]
    for text in (quiz["heading"], quiz["questions"][0]["text"], quiz["questions"][1]["answers"][1]["text"]):
        assert escape(text[code]) in html
        assert escape(text["en"]) not in html


def test_the_self_paced_cohort_is_titled_in_arabic_and_ukrainian(demo):
    cohort = Cohort.objects.get(course__translation_key=speak_up("ar").translation_key)
    titles = read("cohorts")["cohort_titles"]["Self-paced: start any time"]

    assert cohort.title_in("ar") == titles["ar"]
    assert cohort.title_in("uk") == titles["uk"]


def test_a_demo_made_before_its_translations_were_linked_is_taken_over_on_reload(demo):
    # An older demo copied the French pages by hand: no Translation links them to their source.
    french = Locale.objects.get(language_code="fr")
    lesson = LessonPage.objects.filter(locale=french, alias_of__isnull=True).first()
    Translation.objects.filter(target_locale=french).delete()
    StringTranslation.objects.filter(locale=french).delete()

    call_command("load_demo", stdout=io.StringIO())

    lesson.refresh_from_db()
    assert lesson.alias_of_id is None
    total, translated = translation_of(lesson).get_progress()
    assert total > 0 and translated == total
    assert LessonPage.objects.filter(locale=french, translation_key=lesson.translation_key).count() == 1


def sync(page) -> None:
    """wagtail-localize's Sync translated pages for `page`, published: what an editor does after
    changing the English page."""
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    source.update_from_db()
    for translation in source.translations.filter(enabled=True):
        translation.save_target(publish=True)


def test_a_sync_keeps_the_translated_courses_taught_in_their_languages(
    demo, django_capture_on_commit_callbacks
):
    english = CoursePage.objects.get(locale__language_code="en", slug=SPEAK_UP["slug"]["en"])

    with django_capture_on_commit_callbacks(execute=True):
        sync(english)

    for code in ("fr", "ar", "uk"):
        course = speak_up(code)
        assert (course.language, course.live_revision.as_object().language) == (code, code)


def test_a_sync_of_an_english_toolkit_keeps_its_french_themes_and_documents(
    demo, client, django_capture_on_commit_callbacks
):
    data = read("toolkits")
    spec = data["toolkits"]["gdansk"]
    english = ToolkitPage.objects.get(locale__language_code="en", slug="gdansk")

    with django_capture_on_commit_callbacks(execute=True):
        sync(english)

    french = ToolkitPage.objects.get(translation_key=english.translation_key, locale__language_code="fr")
    names = {theme["slug"]: theme["fr"] for theme in data["themes"]}
    for version in (french, french.live_revision.as_object()):
        assert {theme.name for theme in version.themes.all()} == {names[slug] for slug in spec["themes"]}
    html = client.get(french.get_url()).content.decode()
    french_pdf, english_pdf = (escape(spec[code]["document"]["title"]) for code in ("fr", "en"))
    assert french_pdf in html and english_pdf in html
    assert html.index(french_pdf) < html.index(english_pdf)  # the reader's language first
    assert english_pdf in client.get(english.get_url()).content.decode()
