"""The current privacy notice and terms are accepted at signup, with their version and the time; a newer
version asks everyone again, before any other page, and lets them leave without accepting."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from accounts import roles, services
from accounts.models import LegalAcceptance, LegalVersion, User
from tests.factories import PASSWORD, UserFactory, legal_version

pytestmark = pytest.mark.django_db

CONSENT = "/en/accounts/consent/"
WORKSPACE = "/en/learning/trainer/"


@pytest.fixture
def versions():
    return [legal_version("privacy", "1.0"), legal_version("terms", "1.0")]


def signup(client, language="en", **overrides):
    data = {
        "display_name": "Nadia Rahimi",
        "email": "nadia@example.org",
        "password1": "tulips-in-kabul-2026",
        "password2": "tulips-in-kabul-2026",
        "language": language,
        **overrides,
    }
    with translation.override(language):
        url = reverse("account_signup")
    return client.post(url, data)


def test_signup_records_each_version_accepted_and_when(client, versions):
    before = timezone.now()

    response = signup(client, accept_legal="on")

    assert response.status_code == 302
    user = User.objects.get(email="nadia@example.org")
    records = {record.document: record for record in LegalAcceptance.objects.filter(user=user)}
    assert set(records) == {"privacy", "terms"}
    for version in versions:
        record = records[version.document]
        assert record.legal_version == version
        assert (record.version, record.version_date) == ("1.0", version.date)
        assert before <= record.accepted_at <= timezone.now()
        assert record.language == "en"


def test_signup_without_the_box_is_refused_with_its_message_and_keeps_what_was_typed(client, versions):
    response = signup(client)

    assert response.status_code == 422
    page = response.content.decode()
    assert "please tick the box to accept the privacy notice and the terms of use" in page
    assert 'value="Nadia Rahimi"' in page and 'value="nadia@example.org"' in page
    assert not User.objects.filter(email="nadia@example.org").exists()


def test_the_signup_box_links_to_both_documents_in_the_readers_language(client, versions):
    # Every language has each page, as a translation or an alias (synchronised trees).
    for version in versions:
        version.page.copy_for_translation(translation_locale(), copy_parents=True, alias=True)
    with translation.override("fr"):
        french = [version.page.localized.url for version in versions]
        page = client.get(reverse("account_signup")).content.decode()

    assert all(f'href="{url}" target="_blank"' in page for url in french)
    assert all(url.startswith("/fr/") for url in french)


def test_no_box_and_no_question_while_no_version_is_published(client):
    legal_version("privacy", "draft", live=False)  # a draft asks nothing
    page = client.get(reverse("account_signup")).content.decode()
    assert "accept_legal" not in page
    client.force_login(UserFactory())
    assert client.get("/en/accounts/profile/").status_code == 200


def make(role: str):
    if role == "staff":
        return UserFactory(is_staff=True, is_superuser=True)
    user = UserFactory()
    group = {"trainer": roles.TRAINERS, "editor": roles.EDITORS}.get(role)
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


WHERE = {
    "trainee": "/en/learning/",
    "trainer": WORKSPACE,
    "editor": "/admin/",
    "staff": "/admin/pages/",
}


@pytest.mark.parametrize("role", WHERE)
def test_a_new_version_sends_each_role_to_accept_it_first_then_lets_them_go_on(
    client, versions, role, django_capture_on_commit_callbacks
):
    user = make(role)  # accepted 1.0 (the factories accept what is current)
    client.force_login(user)
    where = WHERE[role]
    assert client.get(where).status_code == 200

    # What is current is cached: publishing retires it once the publication commits.
    with django_capture_on_commit_callbacks(execute=True):
        legal_version("privacy", "2.0", changes="We now keep attendance for two years.")
    asked = client.get(where)

    assert asked.status_code == 302
    assert asked.url == f"{CONSENT}?next={where.replace('/', '%2F')}"
    page = client.get(asked.url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "What changed in our privacy notice and terms" in text
    assert "We now keep attendance for two years." in text
    assert "Version 2.0" in text

    accepted = client.post(
        CONSENT, {"accept_legal": "on", "versions": page.context["form"]["versions"].value(), "next": where}
    )

    assert accepted.status_code == 302 and accepted.url == where
    assert client.get(where).status_code == 200
    assert LegalAcceptance.objects.filter(user=user, version="2.0", document="privacy").count() == 1


def test_someone_who_never_accepted_is_asked_for_both(client, versions):
    client.force_login(UserFactory(accepted_legal=False))

    page = client.get(client.get("/en/learning/").url)

    text = page.content.decode()
    assert "Our privacy notice and terms" in text
    assert text.count('class="card mb-3"') == 2


def test_the_acceptance_page_without_the_box_says_what_is_missing(client, versions):
    client.force_login(UserFactory(accepted_legal=False))
    shown = client.get(CONSENT)

    response = client.post(
        CONSENT, {"versions": shown.context["form"]["versions"].value(), "next": "/en/learning/"}
    )

    assert response.status_code == 422
    assert (
        "please tick the box to accept the privacy notice and the terms of use" in response.content.decode()
    )
    assert not LegalAcceptance.objects.exists()


def test_a_version_published_while_reading_is_not_accepted_unseen(client, versions):
    user = UserFactory(accepted_legal=False)
    client.force_login(user)
    shown = client.get(CONSENT).context["form"]["versions"].value()
    newer = legal_version("terms", "1.1", changes="A clearer rule on comments.")

    response = client.post(CONSENT, {"accept_legal": "on", "versions": shown})

    assert response.status_code == 200
    assert "A clearer rule on comments." in response.content.decode()
    assert "A newer version was published while you were reading" in response.content.decode()
    assert not LegalAcceptance.objects.filter(user=user, legal_version=newer).exists()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
def test_next_never_leaves_the_site(client, versions, target):
    client.force_login(UserFactory(accepted_legal=False))
    stamp = client.get(CONSENT).context["form"]["versions"].value()

    response = client.post(CONSENT, {"accept_legal": "on", "versions": stamp, "next": target})

    assert response.status_code == 302 and response.url == "/en/"


def test_a_next_with_a_control_character_is_replaced_so_the_box_can_still_be_accepted(client, versions):
    client.force_login(UserFactory(accepted_legal=False))
    shown = client.get(CONSENT, {"next": "/en/\nSet-Cookie: x=1"})
    form = shown.context["form"]
    assert form["next"].value() == "/en/"

    response = client.post(
        CONSENT, {"accept_legal": "on", "versions": form["versions"].value(), "next": "/en/"}
    )

    assert response.status_code == 302 and response.url == "/en/"


def test_what_a_person_sends_while_a_version_waits_is_kept_and_the_next_page_asks(client, versions):
    """A form sent from a page opened before a new version was published (an autosave, a reflection)
    is processed, never redirected away with what was typed; the question comes on the next page."""
    person = UserFactory(accepted_legal=False, display_name="Before")
    client.force_login(person)

    response = client.post(
        "/en/accounts/profile/", {"display_name": "Typed before the new version", "language": "en"}
    )

    assert not response.headers.get("Location", "").startswith(CONSENT)
    person.refresh_from_db()
    assert person.display_name == "Typed before the new version"
    asked = client.get("/en/accounts/profile/")
    assert asked.status_code == 302 and asked.url.startswith(CONSENT)


def test_a_fragment_htmx_asks_for_opens_the_acceptance_page_and_comes_back(client, versions):
    client.force_login(UserFactory(accepted_legal=False))

    response = client.get(
        "/en/accounts/profile/",
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver/en/learning/",
    )

    assert response.status_code == 200 and response.content == b""
    assert response["HX-Redirect"] == f"{CONSENT}?next=http%3A%2F%2Ftestserver%2Fen%2Flearning%2F"


def test_a_person_can_read_the_documents_and_leave_without_accepting(client, versions):
    user = UserFactory(accepted_legal=False)
    client.force_login(user)

    assert client.get(versions[0].page.url).status_code == 200
    versions[1].page.copy_for_translation(translation_locale(), copy_parents=True, alias=True)
    with translation.override("fr"):
        assert client.get(versions[1].page.localized.url).status_code == 200
    assert client.get("/en/accounts/privacy/").status_code == 200
    asked_password = client.post("/en/accounts/privacy/export/")
    assert asked_password.status_code == 302 and "/reauthenticate/" in asked_password.url
    assert client.get(asked_password.url).status_code == 200
    switched = client.get("/en/language/fr/?next=/fr/")
    assert switched.status_code == 302 and switched.url == "/fr/"
    assert client.get(CONSENT.replace("/en/", "/fr/")).status_code == 200
    logged_out = client.post(reverse("account_logout"))
    assert logged_out.status_code == 302
    assert "_auth_user_id" not in client.session


def test_an_anonymous_visitor_is_never_asked(client, versions):
    assert client.get("/en/").status_code == 200
    assert client.get(CONSENT).status_code == 302  # to the login page
    assert "/login/" in client.get(CONSENT).url


def test_what_changed_is_shown_in_the_readers_language(client, versions):
    client.force_login(UserFactory(language="fr"))
    source = legal_version("privacy", "2.0", changes="Attendance is kept for two years.")
    french = source.copy_for_translation(translation_locale())
    french.changes = "La présence est conservée deux ans."
    french.save()
    french.save_revision().publish()

    page = client.get("/fr/accounts/consent/").content.decode()

    assert "La présence est conservée deux ans." in page
    assert "Attendance is kept" not in page


def translation_locale():

    return Locale.objects.get(language_code="fr")


@pytest.mark.urls("tests.accounts.bare_urls")
def test_once_accepted_a_page_costs_no_query_for_it(client, versions, django_assert_num_queries):
    client.force_login(UserFactory())
    client.get("/bare/")  # checks once, and the session remembers
    client.get("/bare/")

    with django_assert_num_queries(0):
        assert client.get("/bare/").content == b"ok"


def test_download_my_data_lists_the_acceptances(client, versions):
    user = UserFactory()
    exported = services.user_data_export(user=user)["accounts"]["accepted_privacy_notices_and_terms"]

    assert [(r["document"], r["version"]) for r in exported] in (
        [("privacy", "1.0"), ("terms", "1.0")],
        [("terms", "1.0"), ("privacy", "1.0")],
    )
    assert all(r["accepted_at"] and r["version_date"] and r["language"] == "en" for r in exported)


def test_erasure_deletes_the_acceptances_and_keeps_the_versions(versions):
    user = UserFactory()
    other = UserFactory()

    services.user_erase(user=user)

    assert not LegalAcceptance.objects.filter(user_id=user.pk).exists()
    assert LegalAcceptance.objects.filter(user=other).count() == 2
    assert LegalVersion.objects.count() == 2


def test_a_deleted_version_leaves_what_was_accepted_on_record(versions):
    user = UserFactory()
    versions[1].delete()

    record = LegalAcceptance.objects.get(user=user, document="terms")
    assert record.legal_version is None and record.version == "1.0"


def test_mfa_setup_comes_first_and_never_loops_with_consent(client, versions, settings):

    settings.MFA_REQUIRED_FOR_STAFF = True
    trainer = make("trainer")
    LegalAcceptance.objects.filter(user=trainer).delete()
    client.post(reverse("account_login"), {"login": trainer.email, "password": PASSWORD})

    first = client.get(WORKSPACE)
    assert first.status_code == 302 and first.url == reverse("mfa_activate_totp")
    setup = client.get(first.url, follow=True)
    assert setup.status_code == 200
    assert setup.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))


def test_the_page_holding_a_versions_text_cannot_be_deleted_in_the_admin(client, versions):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = versions[0].page

    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]), follow=True)

    assert response.status_code == 200
    assert "cannot be deleted" in response.content.decode()
    assert type(page).objects.filter(pk=page.pk).exists()


def test_an_editor_publishes_a_new_version_in_the_admin_and_a_second_one_of_that_name_is_refused(
    client, versions
):
    editor = make("editor")
    client.force_login(editor)
    add = reverse("wagtailsnippets_accounts_legalversion:add")
    data = {
        "document": "privacy",
        "version": "2.0",
        "date": "2026-12-01",
        "changes": "Attendance is kept for two years.",
        "page": versions[0].page.pk,
        "action-publish": "publish",
    }

    published = client.post(add, data)

    assert published.status_code == 302, published.content.decode()[:3000]
    version = LegalVersion.objects.get(version="2.0")
    assert version.live and version.locale.language_code == "en"
    refused = client.post(add, data)
    assert refused.status_code == 200
    assert "This document already has a version with this name." in refused.content.decode()
    assert LegalVersion.objects.filter(version="2.0").count() == 1
