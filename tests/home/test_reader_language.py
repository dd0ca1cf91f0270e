"""A link never changes the reader's interface language.

From each language's home, as each kind of demo user, every internal link of every page visited keeps
that language's prefix, and the pages it leads to answer without a server error.
"""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from demo.data import DEMO_ACCOUNTS

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
ROLES = ["anonymous", "trainee", "trainer", "city official", "editor"]
# Not pages of the reader's site (or, for logout, the end of the visit).
SKIPPED = ("/admin/", "/static/", "/media/", "/documents/")
# Enough to reach every kind of page from the home (catalogue, course, lesson, toolkit, plan, cohort),
# few enough to keep 45 crawls to a few hundred requests: a handful of siblings of each kind is as good
# a check of the links as all of them.
PAGES_PER_CRAWL = 14
SIBLINGS_PER_FOLDER = 1


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def internal_paths(html: str) -> list[str]:
    """Paths (with their query) of the same-host links of a page, in document order."""
    parser = _Links()
    parser.feed(html)
    paths = []
    for href in parser.hrefs:
        url = urlsplit(href)
        if url.scheme not in ("", "http", "https") or (url.netloc and url.netloc != "testserver"):
            continue  # mailto:, tel:, other sites
        if not url.path.startswith("/") or url.path.startswith(SKIPPED):
            continue  # in-page anchors, files and the admin
        paths.append(url.path + (f"?{url.query}" if url.query else ""))
    return paths


def _login(client, role: str) -> None:
    if role == "anonymous":
        return
    from accounts.models import User

    account = next(account for account in DEMO_ACCOUNTS if account["role"] == role)
    client.force_login(User.objects.get(email=account["email"]))


def _followed(path: str) -> bool:
    """Whether the crawler opens a link as a page: not the language switcher (the one link meant to
    change the language), not logging out, not files (PDFs, exports, calendars) that hold no links."""
    route = urlsplit(path).path
    last = route.rstrip("/").rsplit("/", 1)[-1]
    return "/language/" not in route and "logout" not in route and "." not in last


def crawl(client, language: str) -> tuple[list[str], list[str]]:
    """Breadth-first from the language's home: (links that leave the prefix, pages that failed)."""
    prefix = f"/{language}/"
    start = prefix
    seen, queue, per_folder = {start}, deque([(start, "(start)")]), {}
    wrong_language, failed, visited = [], [], 0
    while queue and visited < PAGES_PER_CRAWL:
        path, found_on = queue.popleft()
        response = client.get(path)
        visited += 1
        if response.status_code >= 500:
            failed.append(f"{path} ({response.status_code}, linked from {found_on})")
            continue
        links = []
        if response.status_code in (301, 302, 303, 307, 308):
            links = [response["Location"]]
        elif "text/html" in response.get("Content-Type", ""):
            links = internal_paths(response.content.decode())
        for link in links:
            if not urlsplit(link).path.startswith(prefix):
                wrong_language.append(f"{link} (on {path})")
                continue
            folder = urlsplit(link).path.rstrip("/").rsplit("/", 1)[0] + "/"
            crowded = folder != prefix and per_folder.get(folder, 0) >= SIBLINGS_PER_FOLDER
            if link in seen or not _followed(link) or crowded:
                continue
            seen.add(link)
            per_folder[folder] = per_folder.get(folder, 0) + 1
            queue.append((link, path))
    return sorted(set(wrong_language)), failed


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_link_keeps_the_readers_language(client, demo, language):
    problems = {}
    for role in ROLES:
        client.logout()
        _login(client, role)
        wrong_language, failed = crawl(client, language)
        if wrong_language or failed:
            problems[role] = {"leave the language": wrong_language, "fail": failed}

    assert problems == {}


def test_an_untranslated_page_is_read_in_the_readers_interface_with_its_own_language(client, demo):
    html = client.get("/fa/about/").content.decode()

    assert '<html lang="fa" dir="rtl">' in html
    # The words are the English page's: marked as English, left to right, inside the Arabic interface.
    assert '<article class="container py-4 narrow" lang="en" dir="ltr">' in html
    assert "About us" in html


def test_an_untranslated_page_follows_its_source_when_the_source_is_published(client, demo):
    from home.models import StandardPage

    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    about.title = "Who we are"
    about.save_revision().publish()

    html = client.get("/de/about/").content.decode()

    assert "Who we are" in html


@pytest.mark.parametrize("language", ["ar", "de"])
def test_search_results_keep_the_readers_language(client, demo, language):
    response = client.get(f"/{language}/search/", {"q": "democracy"})

    results = [path for path in internal_paths(response.content.decode()) if "/courses/" in path]
    assert results, "the English course is found from the other language"
    assert all(path.startswith(f"/{language}/") for path in results)


def test_progress_made_in_another_language_counts_for_the_course(client, demo):
    from accounts.models import User
    from learning import rules
    from learning.models import LessonPage, LessonProgress

    trainee = User.objects.get(email="trainee@example.org")
    client.force_login(trainee)
    done = set(LessonProgress.objects.filter(enrolment__user=trainee).values_list("lesson_key", flat=True))
    course = "democracy-summit-training"
    lesson = next(
        lesson
        for lesson in LessonPage.objects.filter(locale__language_code="ar", url_path__contains=f"/{course}/")
        if lesson.translation_key not in done and rules.activity_ids(lesson) == (set(), set())
    )
    assert lesson.alias_of_id is not None
    assert client.get(lesson.url).status_code == 200

    response = client.post(f"/ar/learning/lessons/{lesson.pk}/complete/")

    assert response.status_code == 302
    assert response.url.startswith("/ar/")
    assert LessonProgress.objects.filter(enrolment__user=trainee, lesson_key=lesson.translation_key).exists()


def test_lists_mark_the_words_of_untranslated_pages_with_their_language(client, demo):
    catalogue = client.get("/ar/courses/").content.decode()
    results = client.get("/ar/search/", {"q": "democracy"}).content.decode()

    # English titles and summaries inside the Arabic interface are read as English, left to right.
    assert '<h2 class="h4 card-title" lang="en" dir="ltr">' in catalogue
    assert '<li class="mb-3" lang="en" dir="ltr">' in results
