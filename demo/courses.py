"""The demo catalogue: topics, three courses in English and French with their modules and lessons, one
of them in Arabic and Ukrainian too (demo/data/courses.json), and the lesson video's embed.

The English pages are written directly; every other language goes through wagtail-localize
(demo.localize), so each translation is linked to its English source as an editor's would be."""

import json
import uuid

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Locale, Page

from home.models import HomePage
from learning.models import CourseIndexPage, CoursePage, LessonPage, ModulePage, Topic
from learning.quiz_format import body_with_item_ids

from .data import localise, publish, read
from .localize import translation_save

# Block ids derive from the course and lesson slugs: stable across runs and shared by both languages.
BLOCK_NAMESPACE = uuid.UUID("5b0c9a4e-3d1f-4c53-9a57-4f3f0e7d2b61")
COURSE_FIELDS = (
    "level",
    "format",
    "hours",
    "weeks",
    "min_attendance",
    "requires_signoff",
    "certificate_enabled",
)


def _block_id(*parts: str) -> str:
    return str(uuid.uuid5(BLOCK_NAMESPACE, "/".join(parts)))


def _lesson_body(course_slug: str, spec: dict, language: str) -> str:
    # Quizzes in the admin's format: wagtail-localize translates nothing in a plain-list ListBlock.
    return json.dumps(
        body_with_item_ids(
            [
                {
                    "type": block["type"],
                    "id": _block_id(course_slug, spec["slug"]["en"], str(number)),
                    "value": localise(block["value"], language),
                }
                for number, block in enumerate(spec["blocks"])
            ]
        )
    )


def _fill(page: Page, spec: dict, language: str, *, course_slug: str, topics: dict, trainer) -> None:
    """Set the page's fields from its spec in `language` (the slug included)."""
    page.title = spec["title"][language]
    page.slug = spec["slug"][language]
    if isinstance(page, CourseIndexPage | ModulePage):
        page.intro = localise(spec["intro"], language)
    elif isinstance(page, CoursePage):
        page.summary = localise(spec["summary"], language)
        page.description = localise(spec["description"], language)
        page.outcomes = [("outcome", text) for text in localise(spec["outcomes"], language)]
        page.topic = topics[spec["topic"]][language]
        for name in COURSE_FIELDS:
            setattr(page, name, spec[name])
        page.language = language
        page.trainers = [trainer]
    elif isinstance(page, LessonPage):
        page.intro = localise(spec["intro"], language)
        page.body = _lesson_body(course_slug, spec, language)
        page.minutes = spec["minutes"]
        page.required = spec.get("required", True)


def _page(parent: Page, model, spec: dict, **context) -> Page:
    """The English page under `parent`, created and published if missing."""
    page = model.objects.child_of(parent).filter(slug=spec["slug"]["en"]).first()
    if page is None:
        page = model(locale=parent.locale)
        _fill(page, spec, "en", **context)
        # Re-read the parent: its numchild changes with every child added through another instance.
        Page.objects.get(pk=parent.pk).add_child(instance=page)
        publish(page)
    return page


def _languages(spec: dict) -> list[str]:
    """The languages other than English the page is translated into: those its title is written in."""
    return [language for language in spec["title"] if language != "en"]


def _translate(page: Page, spec: dict, locales: dict, **context) -> None:
    """Translate `page` into each language its spec is written in, through wagtail-localize."""
    for language in _languages(spec):
        translated = type(page)()
        _fill(translated, spec, language, **context)
        # A translated course gets its locale's language of instruction (learning.course_language).
        translation_save(source_instance=page, translated=translated, locale=locales[language])


def _topics(english: Locale, locales: dict) -> dict:
    topics = {}
    for key, name in read("courses")["topics"].items():
        topic = Topic.objects.filter(locale=english, name=name["en"]).first()
        if topic is None:
            topic = Topic.objects.create(locale=english, name=name["en"])
        topics[key] = {"en": topic}
        for language in name.keys() - {"en"}:
            topics[key][language] = translation_save(
                source_instance=topic, translated=Topic(name=name[language]), locale=locales[language]
            )
    return topics


def video_embed() -> None:
    """The lesson video's embed, stored so that pages render it without fetching from YouTube."""
    video = read("courses")["video"]
    Embed.objects.get_or_create(
        hash=get_embed_hash(video["url"]),
        defaults={
            "url": video["url"],
            "type": "video",
            "html": (
                f'<iframe width="{video["width"]}" height="{video["height"]}" '
                f'src="https://www.youtube-nocookie.com/embed/{video["id"]}" '
                f'title="{video["title"]}" frameborder="0" '
                'allow="encrypted-media; picture-in-picture" allowfullscreen></iframe>'
            ),
            "title": video["title"],
            "provider_name": video["provider_name"],
            "width": video["width"],
            "height": video["height"],
        },
    )


def load(english: Locale, trainer) -> dict:
    """Create the catalogue and the courses; returns {course key: (course, {English slug: lesson})}."""
    data = read("courses")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    topics = _topics(english, locales)
    home = HomePage.objects.get(locale=english)
    context = {"course_slug": "", "topics": topics, "trainer": trainer}
    index = _page(home, CourseIndexPage, data["catalogue"], **context)
    _translate(index, data["catalogue"], locales, **context)

    courses = {}
    for key, spec in data["courses"].items():
        context = {"course_slug": spec["slug"]["en"], "topics": topics, "trainer": trainer}
        course = _page(index, CoursePage, spec, **context)
        _translate(course, spec, locales, **context)
        groups = (
            [(None, spec["lessons"])] if "lessons" in spec else [(m, m["lessons"]) for m in spec["modules"]]
        )
        lessons = {}
        for module_spec, lesson_specs in groups:
            parent = course
            if module_spec is not None:
                parent = _page(course, ModulePage, module_spec, **context)
                _translate(parent, module_spec, locales, **context)
            for lesson_spec in lesson_specs:
                lesson = _page(parent, LessonPage, lesson_spec, **context)
                _translate(lesson, lesson_spec, locales, **context)
                lessons[lesson_spec["slug"]["en"]] = lesson
        courses[key] = (CoursePage.objects.get(pk=course.pk), lessons)
    return courses
