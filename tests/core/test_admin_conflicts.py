"""Two admin requests that write the same thing at once: the first is kept, the second gets a clear 409
message, never a 500.

Wagtail 8's editor autosaves in the background; while the request that creates a page is running, a
second autosave (or the editor's click on Save) is posted to the same create address. Here the second
request's form is validated, then the first request's page appears, exactly as in that race.
"""

import json

import pytest
from wagtail.admin.forms.pages import WagtailAdminPageForm

from home.models import HomePage, StandardPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def page_form(title: str, slug: str) -> dict:
    return {
        "title": title,
        "slug": slug,
        "intro": "",
        "body-count": "0",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }


@pytest.fixture
def racing_autosave(monkeypatch):
    """The other request creates the page just after this one's form passed its slug check."""
    home = HomePage.objects.first()
    clean = WagtailAdminPageForm.clean

    def clean_then_lose_the_race(form):
        cleaned = clean(form)
        if not StandardPage.objects.filter(slug="help-desk").exists():
            home.add_child(instance=StandardPage(title="Help desk", slug="help-desk"))
        return cleaned

    monkeypatch.setattr(WagtailAdminPageForm, "clean", clean_then_lose_the_race)
    return f"/admin/pages/add/home/standardpage/{home.pk}/"


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_a_background_autosave_that_loses_the_race_gets_a_json_message(editor, racing_autosave):
    response = editor.post(
        racing_autosave, page_form("Help desk", "help-desk"), HTTP_ACCEPT="application/json"
    )

    assert response.status_code == 409
    answer = json.loads(response.content)
    assert answer["success"] is False
    assert "help-desk" in answer["error_message"] and "already in use" in answer["error_message"]
    assert StandardPage.objects.filter(slug="help-desk").count() == 1


def test_a_save_click_that_loses_the_race_gets_a_page_that_says_why(editor, racing_autosave):
    response = editor.post(
        racing_autosave, page_form("Help desk", "help-desk"), HTTP_REFERER="http://testserver/admin/pages/"
    )

    assert response.status_code == 409
    body = response.content.decode()
    assert "already in use" in body and "what was saved before is kept" in body
    assert 'href="http://testserver/admin/pages/"' in body
    assert StandardPage.objects.filter(slug="help-desk").count() == 1
