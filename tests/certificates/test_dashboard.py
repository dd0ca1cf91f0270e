"""The holder's side: My learning lists each certificate with its downloads, its check link and LinkedIn,
in a number of queries that does not grow with the certificates."""

from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from learning.certificates import services as certificates
from learning.certificates.models import Certificate
from tests.certificates.helpers import completed_enrolment
from tests.learning.test_pages_and_queries import queries_for

pytestmark = pytest.mark.django_db


def test_my_learning_offers_the_pdf_the_badge_the_link_and_linkedin(client):
    enrolment = completed_enrolment(name="Grace Mensah")
    certificate = certificates.certificate_issue(enrolment=enrolment)
    client.force_login(enrolment.user)

    response = client.get("/en/learning/")

    html = response.content.decode()
    assert f"/en/learning/certificates/{certificate.pk}/certificate.pdf" in html
    assert f"/en/learning/certificates/{certificate.pk}/credential.json" in html
    assert f'value="http://127.0.0.1:8000/verify/{certificate.code}/"' in html
    assert 'for="verify-link-' in html  # the link's field has a label
    linkedin = next(row.certificate.linkedin_url for row in response.context["finished"])
    query = parse_qs(urlsplit(linkedin).query)
    assert urlsplit(linkedin).netloc == "www.linkedin.com"
    assert query["startTask"] == ["CERTIFICATION_NAME"]
    assert query["name"] == ["Democracy summit training"]
    assert query["organizationName"] == ["Mutual Learning"]
    assert query["certId"] == [certificate.code]
    assert query["certUrl"] == [f"http://127.0.0.1:8000/verify/{certificate.code}/"]
    issued = timezone.localtime(certificate.issued_at)
    assert query["issueYear"] == [str(issued.year)] and query["issueMonth"] == [str(issued.month)]


def test_linkedin_gets_the_month_the_holder_saw_the_certificate_issued(client):
    # 23:30 UTC on New Year's Eve is already January in Brussels, as the check page's "Issued on" says.
    enrolment = completed_enrolment(time_zone="Europe/Brussels")
    certificate = certificates.certificate_issue(enrolment=enrolment)
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=datetime(2026, 12, 31, 23, 30, tzinfo=UTC))
    client.force_login(enrolment.user)

    response = client.get("/en/learning/")

    linkedin = next(row.certificate.linkedin_url for row in response.context["finished"])
    query = parse_qs(urlsplit(linkedin).query)
    assert (query["issueYear"], query["issueMonth"]) == (["2027"], ["1"])
    verify = client.get(f"/en/verify/{certificate.code}/").content.decode()
    assert "1 January 2027" in verify


def test_a_revoked_certificate_is_no_longer_offered(client):
    enrolment = completed_enrolment()
    certificate = certificates.certificate_issue(enrolment=enrolment)
    certificates.certificate_revoke(certificate=certificate, revoked_by=None, reason="error")
    client.force_login(enrolment.user)

    assert "certificate.pdf" not in client.get("/en/learning/").content.decode()


def test_dashboard_queries_do_not_grow_with_certificates(client):
    first = completed_enrolment()
    user = first.user
    certificates.certificate_issue(enrolment=first)
    client.force_login(user)
    counts = [queries_for(client, "/en/learning/")]
    for _ in range(4):
        enrolment = completed_enrolment()
        enrolment.user = user
        enrolment.save()
        certificates.certificate_issue(enrolment=enrolment)
    counts.append(queries_for(client, "/en/learning/"))

    # 12: the invitations waiting for the person are one query, the reflections to revise one more
    assert counts[0] == counts[1] <= 12


def test_my_learning_offers_the_jwt_and_vc_jose_forms_too(client):
    enrolment = completed_enrolment()
    certificate = certificates.certificate_issue(enrolment=enrolment)
    client.force_login(enrolment.user)

    html = client.get("/en/learning/").content.decode()

    assert f"/en/learning/certificates/{certificate.pk}/credential.jwt" in html
    assert f"/en/learning/certificates/{certificate.pk}/credential-vc-jose.json" in html


def test_with_an_organization_id_linkedin_links_the_organisation_page(client, settings):
    settings.LINKEDIN_ORGANIZATION_ID = "1337"
    enrolment = completed_enrolment()
    certificates.certificate_issue(enrolment=enrolment)
    client.force_login(enrolment.user)

    response = client.get("/en/learning/")

    linkedin = next(row.certificate.linkedin_url for row in response.context["finished"])
    query = parse_qs(urlsplit(linkedin).query)
    assert query["organizationId"] == ["1337"]
    assert "organizationName" not in query  # one or the other: the id names the page, the name is ignored
