"""In every language the site offers, a trainee's walk (home → about → toolkits → catalogue → a course →
a lesson) shows no English string of ours, and the page reads in the language's direction.

Marker-based, not eyeballed: the markers are the English msgids of the project's own catalogues (every
`locale/` folder) that the language translates into something else. The page's interface text (its
text nodes, the labels a screen reader reads, placeholders, titles, the document's title) must hold none
of them. Content still in English is left out where it says so: an alias of an English page marks its
words `lang="en"` (core/templatetags/site_tags.py, content_language), and they are legitimately English.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import get_language_info

from tests.browser.conftest import open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

ROOT = Path(settings.BASE_DIR)
PHONE = {"width": 360, "height": 740}
TRAINEE = "trainee@example.org"

# The interface's words on the page: every text node and every text a reader is given in an attribute,
# except what sits inside an element whose nearest `lang` is English (content marked as such).
INTERFACE_TEXT = """() => {
    const english = (el) => (el.closest("[lang]")?.getAttribute("lang") || "").toLowerCase().startsWith("en");
    const hidden = (el) => el.closest("script, style, template, noscript, svg");
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const el = walker.currentNode.parentElement;
        if (el && !english(el) && !hidden(el)) texts.push(walker.currentNode.textContent);
    }
    const attributes = ["aria-label", "placeholder", "title", "alt"];
    const labelled = "[aria-label], [placeholder], [title], [alt], input[value]";
    for (const el of document.body.querySelectorAll(labelled)) {
        if (english(el)) continue;
        for (const name of attributes) if (el.hasAttribute(name)) texts.push(el.getAttribute(name));
        if (el.matches("input[type=submit], input[type=button]")) texts.push(el.value);
    }
    return texts.map((t) => t.replace(/\\s+/g, " ").trim()).filter(Boolean);
}"""


def markers(language: str) -> tuple[set[str], set[str]]:
    """Our English msgids that `language` translates differently: (whole phrases, single words)."""
    phrases, words = set(), set()
    for po_file in sorted(ROOT.glob(f"*/locale/{language}/LC_MESSAGES/django.po")) + sorted(
        ROOT.glob(f"locale/{language}/LC_MESSAGES/django.po")
    ):
        for entry in polib.pofile(str(po_file)):
            if entry.obsolete or "fuzzy" in entry.flags or entry.msgid_plural:
                continue
            english, translated = entry.msgid.strip(), entry.msgstr.strip()
            # Strings with placeholders or markup are not found as they are on a page.
            if not translated or translated == english or re.search(r"[%{<]", english):
                continue
            (phrases if " " in english else words).add(english)
    return phrases, words


def english_strings_of_ours(texts: list[str], phrases: set[str], words: set[str]) -> set[str]:
    found = set()
    for text in texts:
        if text in words:
            found.add(text)
        found.update(phrase for phrase in phrases if len(phrase) >= 8 and phrase in text)
    return found


def demo_facts() -> dict:
    """The walk's pages in every language: home, about, the toolkit library, the catalogue, the
    trainee's course and its first lesson."""
    from home.models import StandardPage
    from learning.models import CourseIndexPage, Enrolment, LessonPage
    from toolkits.models import ToolkitIndexPage

    enrolment = (
        Enrolment.objects.filter(user__email=TRAINEE, status=Enrolment.Status.ACTIVE)
        .select_related("cohort__course")
        .first()
    )
    course = enrolment.cohort.course
    lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()
    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    library = ToolkitIndexPage.objects.get(locale__language_code="en")
    walks = {}
    for code, _name in settings.LANGUAGES:
        walks[code] = [
            ("home", f"/{code}/"),
            ("about", about.get_translation(_locale(code)).url),
            ("toolkits", library.get_translation(_locale(code)).url),
            ("catalogue", CourseIndexPage.objects.live().get(locale__language_code=code).url),
            ("course", course.get_translation(_locale(code)).url),
            ("lesson", lesson.get_translation(_locale(code)).url),
        ]
    return {"walks": walks}


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


def test_every_language_walks_from_home_to_a_lesson_without_an_english_string_of_ours(browser, site):
    page = open_page(browser, site, PHONE, email=TRAINEE)
    problems = []
    for code, walk in site.walks.items():
        direction = "rtl" if get_language_info(code)["bidi"] else "ltr"
        phrases, words = markers(code) if code != "en" else (set(), set())
        for name, url in walk:
            response = page.goto(url)
            assert response.status == 200, (code, name, url, response.status)
            html = page.locator("html")
            said = (html.get_attribute("lang"), html.get_attribute("dir"))
            if said != (code, direction):
                problems.append(f"{code} {name}: lang, dir = {said}")
            texts = page.evaluate(INTERFACE_TEXT)
            for english in sorted(english_strings_of_ours(texts, phrases, words)):
                problems.append(f"{code} {name} ({url}): {english!r}")
    page.context.close()
    assert not problems, "\n".join(problems)


def test_the_check_finds_an_english_string_of_ours_where_there_is_one():
    """The markers catch an untranslated interface string, and leave alone what is not ours."""
    phrases, words = markers("de")
    assert "Course outline" in phrases  # a heading of the lesson page, translated in German
    texts = ["Kursübersicht", "Course outline", "Skip to main content and more"]
    found = english_strings_of_ours(texts, phrases, words)
    assert {"Course outline", "Skip to main content"} <= found
    assert not english_strings_of_ours(["Kursübersicht", "Democracy summit training"], phrases, words)
