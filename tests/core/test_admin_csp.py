"""The admin's pages carry no inline script to run: what Wagtail writes as one is inert JSON started by
core/js/admin-init.js (core/admin_csp.py), so `script-src 'self'` holds. The browser test
(tests/browser/test_admin_csp.py) proves the admin works that way; this one keeps the markup so in the
ordinary run, page by page."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page, Site
from wagtail_localize.operations import translate_object

from learning.models import LessonPage
from tests.factories import UserFactory
from toolkits.models import Organisation, Pairing, ToolkitPage

pytestmark = pytest.mark.django_db

INERT = {"application/json", "text/template", "text/django-form-template"}


class Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inline, self.starts = [], 0
        self._open = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self._open = attrs
            self.starts += "data-admin-init" in attrs

    def handle_data(self, data):
        attrs = self._open
        if (
            attrs is not None
            and "src" not in attrs
            and (attrs.get("type") or "") not in INERT
            and data.strip()
        ):
            self.inline.append(data.strip()[:80])

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = None


def scripts_of(response) -> Scripts:
    assert response.status_code == 200
    parser = Scripts()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def staff(client, demo):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_pages_have_no_inline_script_and_start_their_widgets_from_json(staff):

    lesson = LessonPage.objects.filter(locale__language_code="en").first()
    toolkit = ToolkitPage.objects.filter(locale__language_code="en").first()
    urls = {
        "/admin/": 0,
        "/admin/pages/": 1,  # the listing's date filters
        reverse("wagtailadmin_pages:edit", args=[lesson.pk]): 2,  # the scheduling dialog's dates
        reverse("wagtailadmin_pages:edit", args=[toolkit.pk]): 3,  # inline panel and its choosers
        f"/admin/settings/home/issuersettings/{Site.objects.get(is_default_site=True).pk}/": 1,  # image
        f"/admin/snippets/toolkits/organisation/edit/{Organisation.objects.first().pk}/": 1,
        f"/admin/snippets/toolkits/pairing/edit/{Pairing.objects.first().pk}/": 2,
        reverse("wagtail_localize:submit_page_translation", args=[lesson.pk]): 1,
    }
    for url, at_least in urls.items():
        found = scripts_of(staff.get(url))
        assert found.inline == [], url
        assert found.starts >= at_least, (url, found.starts)


def test_the_translation_editor_has_no_inline_script(staff):

    about = Page.objects.get(slug="about", locale__language_code="en").specific
    translate_object(about, [Locale.objects.get(language_code="fr")])
    french = about.get_translation(Locale.objects.get(language_code="fr"))

    found = scripts_of(staff.get(reverse("wagtailadmin_pages:edit", args=[french.pk])))

    assert found.inline == [] and found.starts == 1  # the choosers' addresses


def test_the_admin_policy_allows_scripts_from_this_origin_only(staff):
    policy = staff.get("/admin/")["Content-Security-Policy"]

    script_src = next(part.split() for part in policy.split(";") if part.strip().startswith("script-src"))
    assert script_src == ["script-src", "'self'"]
