"""The public verification page: valid, revoked or unknown; discreet; in the visitor's language; rate
limited; not indexed; cheap."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.certificates import services as certificates
from learning.certificates.models import Certificate
from tests.certificates.helpers import completed_enrolment
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate():
    enrolment = completed_enrolment(
        name="Samuel Tesfaye",
        email="samuel.private@example.org",
        nationality="ER",
        city="Amsterdam",
        organisation="Eritrean Community Netherlands",
        display_name="Sam T.",
    )
    return certificates.certificate_issue(enrolment=enrolment)


def test_a_valid_certificate_shows_what_it_certifies(client, certificate):
    response = client.get(f"/en/verify/{certificate.code}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Valid." in html
    for text in ("Samuel Tesfaye", "Democracy summit training", "12", "Mutual Learning", certificate.code):
        assert text in html


def test_the_page_shows_nothing_else_about_the_person(client, certificate):
    html = client.get(f"/en/verify/{certificate.code}/").content.decode()

    for private in (
        "samuel.private@example.org",
        "Eritrea",
        "ER",
        "Amsterdam",
        "Eritrean Community",
        "Sam T.",
    ):
        assert private not in html


def test_a_revoked_certificate_says_so_with_the_date_and_reason_category(client, certificate):
    certificates.certificate_revoke(
        certificate=certificate,
        revoked_by=UserFactory(),
        reason=Certificate.Reason.ERROR,
        note="Wrong cohort; the trainee's file number is 4711",
    )

    html = client.get(f"/en/verify/{certificate.code}/").content.decode()

    assert "Revoked." in html
    assert "Issued in error" in html
    assert "4711" not in html  # the internal note stays internal
    assert "Valid." not in html


def test_an_unknown_code_says_so_and_offers_the_form_again(client, certificate):
    response = client.get("/en/verify/this-code-does-not-exist-0000/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "No certificate with this code" in html
    assert "Page not found" not in html
    # The form is there again, holding the code so it can be corrected.
    assert 'action="/en/verify/"' in html
    assert 'value="this-code-does-not-exist-0000"' in html
    assert "Samuel Tesfaye" not in html


def test_a_typed_unknown_code_leads_to_the_same_page(client, certificate):
    response = client.get("/en/verify/", {"code": "mistyped-code-00000"}, follow=True)

    assert response.status_code == 404
    assert "No certificate with this code" in response.content.decode()


def test_an_unknown_code_is_told_in_the_readers_language(client, certificate):
    response = client.get("/fr/verify/this-code-does-not-exist-0000/")

    html = response.content.decode()
    assert response.status_code == 404
    assert 'lang="fr"' in html
    assert 'action="/fr/verify/"' in html


def test_the_page_is_not_indexed(client, certificate):
    response = client.get(f"/en/verify/{certificate.code}/")

    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert client.get("/en/verify/unknown-code-000000000/")["X-Robots-Tag"] == "noindex"


def test_the_page_speaks_the_visitors_language(client, certificate):
    html = client.get(f"/fr/verify/{certificate.code}/").content.decode()

    assert 'lang="fr"' in html
    assert "Valide." in html
    assert client.get(f"/ar/verify/{certificate.code}/").content.decode().count('dir="rtl"') >= 1


def test_the_language_neutral_link_of_the_qr_code_leads_to_the_page(client, certificate):
    response = client.get(f"/verify/{certificate.code}/", headers={"accept-language": "fr"})

    assert response.status_code == 302
    assert response["Location"] == f"/fr/verify/{certificate.code}/"


def test_the_form_takes_a_typed_code_and_explains_a_malformed_one(client, certificate):
    assert client.get("/en/verify/").status_code == 200
    response = client.get("/en/verify/", {"code": f" {certificate.code} "})
    assert response.status_code == 302 and response["Location"] == f"/en/verify/{certificate.code}/"

    response = client.get("/en/verify/", {"code": "<script>"})
    assert response.status_code == 422 or response.status_code == 200
    assert "letters, digits" in response.content.decode()


def test_checking_too_often_is_paused(client, certificate, settings):
    settings.CERTIFICATE_VERIFY_RATE = "3/m/ip"

    statuses = [client.get(f"/en/verify/{certificate.code}/").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]


def test_the_page_needs_one_query_when_rendered(client, certificate):
    client.get("/en/verify/")  # warm the site caches (organisation name, footer)

    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/en/verify/{certificate.code}/").status_code == 200

    assert len(queries) == 1, [q["sql"] for q in queries]


def test_a_revocation_shows_at_once_on_a_page_already_cached(
    client, certificate, django_capture_on_commit_callbacks
):
    assert "Valid." in client.get(f"/en/verify/{certificate.code}/").content.decode()
    assert "Valid." in client.get(f"/en/verify/{certificate.code}/").content.decode()  # from the cache

    with django_capture_on_commit_callbacks(execute=True):
        certificates.certificate_revoke(
            certificate=certificate, revoked_by=None, reason=Certificate.Reason.ERROR
        )

    assert "Revoked." in client.get(f"/en/verify/{certificate.code}/").content.decode()


def test_a_cached_page_needs_no_query(client, certificate):
    client.get(f"/en/verify/{certificate.code}/")

    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/en/verify/{certificate.code}/").status_code == 200

    assert len(queries) == 0


def test_a_signed_in_visitors_page_is_not_shared_by_caches(client, certificate):
    client.force_login(UserFactory())

    response = client.get(f"/en/verify/{certificate.code}/")

    assert "csrfmiddlewaretoken" in response.content.decode()  # the header's sign-out form: personal
    assert "public" not in response.get("Cache-Control", "")
    client.logout()
    anonymous = client.get(f"/en/verify/{certificate.code}/")
    assert "csrfmiddlewaretoken" not in anonymous.content.decode()
    assert "public" in anonymous["Cache-Control"]
