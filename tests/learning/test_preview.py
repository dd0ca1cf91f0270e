"""The editor's preview (side panel and new tab) works under the production security headers, and shows
a quiz as a trainee sees it, without the right answers; the public site keeps its strict policy."""

import pytest
from django.test import RequestFactory
from wagtail.models import Site

from learning.models import Enrolment
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, lessons_of, make_course, quiz_block

pytestmark = pytest.mark.django_db

OPTIONS = ["Only Belgian citizens", "Residents after five years", "Translated forms", "Fees"]
# Text that exists only to mark or explain right answers: never in a page before a submission.
ANSWER_KEY = ["Residents can too.", "Fees keep people away.", '"correct"']


@pytest.fixture
def production_headers(settings):
    """What config/settings/production.py adds to the shared security settings, behind a TLS proxy."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    # The site is served over HTTPS: Wagtail's preview request for the page's address is HTTPS too.
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=443)


@pytest.fixture
def lesson(db):
    course = make_course(bodies=[[quiz_block(block_id="quiz")]])
    return lessons_of(course)[0]


@pytest.fixture
def editor(db):
    return UserFactory(is_staff=True, is_superuser=True)


def test_the_side_panel_preview_may_be_framed_by_the_admin(production_headers, lesson, editor):
    # What the side panel's preview view does: the page's own rendering, through the whole middleware stack.
    request = RequestFactory().get("/admin/", secure=True)
    request.user = editor
    response = lesson.make_preview_request(request, "", {"in_preview_panel": True, "is_editing": True})

    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy and "frame-ancestors 'none'" not in policy
    assert "unsafe-inline" not in policy  # the page itself keeps the public, strict script policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_the_new_tab_preview_shows_the_quiz_as_a_trainee_sees_it(client, production_headers, lesson, editor):
    client.force_login(editor)
    revision = lesson.save_revision()

    response = client.get(f"/admin/pages/{lesson.pk}/revisions/{revision.pk}/view/", secure=True)

    assert response.status_code == 200
    assert "frame-ancestors 'none'" not in response["Content-Security-Policy"]
    body = response.content.decode()
    assert all(option in body for option in OPTIONS)
    assert 'type="radio"' in body and 'type="checkbox"' in body
    assert "<fieldset disabled>" in body  # a preview records nothing
    assert not [text for text in ANSWER_KEY if text in body]


def test_a_trainee_gets_the_same_options_and_no_answer_key_on_the_strict_public_page(
    client, production_headers, lesson
):
    trainee = UserFactory()
    EnrolmentFactory(user=trainee, cohort=CohortFactory(course=lesson.get_parent().specific))
    assert Enrolment.objects.filter(user=trainee).exists()
    client.force_login(trainee)

    response = client.get(lesson.url, secure=True)

    assert response.status_code == 200
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    body = response.content.decode()
    assert all(option in body for option in OPTIONS)
    assert not [text for text in ANSWER_KEY if text in body]
    assert "Preview:" not in body
