"""Every configured language is a Wagtail locale whose tree follows the English one (without the demo:
what a fresh install and pages made in code give)."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.factories import make_course

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def test_every_configured_language_is_a_wagtail_locale_that_follows_the_default_one(db):
    from wagtail.models import Locale
    from wagtail_localize.models import LocaleSynchronization

    assert set(Locale.objects.values_list("language_code", flat=True)) == set(LANGUAGES)
    following = LocaleSynchronization.objects.values_list("locale__language_code", "sync_from__language_code")
    assert set(following) == {(code, settings.LANGUAGE_CODE) for code in LANGUAGES if code != "en"}


def test_a_language_given_its_tree_after_pages_were_cached_links_to_it_at_once(
    client, db, django_capture_on_commit_callbacks
):
    course = make_course(lessons=1)  # made in code: no aliases yet, the Arabic catalogue is the English one
    client.get("/ar/courses/")
    # Asked again: now from the cache (routing, listing, switcher).
    assert f'href="/en/courses/{course.slug}/"' in client.get("/ar/courses/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):  # the cache retires what changed on commit
        call_command("sync_locale_trees", stdout=io.StringIO())

    html = client.get("/ar/courses/").content.decode()
    assert f'href="/ar/courses/{course.slug}/"' in html
    assert 'href="/en/courses/' not in html
