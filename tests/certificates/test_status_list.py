"""The revocation list as a wallet reads it: a BitstringStatusListCredential in JSON with its own Data
Integrity proof, valid exactly as long as caches may keep it, readable from any origin."""

import datetime
import email.utils

import pytest
from django.utils import timezone

from learning.certificates import data_integrity, issuer, keys, openbadges, status_list
from learning.certificates import services as certificates
from learning.certificates.models import Certificate
from tests.certificates.helpers import completed_enrolment
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate():
    return certificates.certificate_issue(enrolment=completed_enrolment())


def _parse(moment: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(moment.replace("Z", "+00:00"))


def test_the_status_list_is_a_signed_json_credential(client, certificate):
    response = client.get("/credentials/status/1")

    assert response.status_code == 200 and response["Content-Type"] == "application/vc+ld+json"
    listed = response.json()
    assert listed["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert listed["id"] == openbadges.status_list_url() and listed["issuer"] == issuer.issuer_did()
    assert listed["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    unsecured = data_integrity.verify_proof(
        listed,
        public_key=keys.signing_key().public_key(),
        verification_method=listed["proof"]["verificationMethod"],
    )
    bits = status_list.decode(unsecured["credentialSubject"]["encodedList"])
    assert len(bits) * 8 >= 131_072 and not any(bits)


def test_its_validity_and_its_cache_headers_say_the_same_time(client, settings, certificate):
    settings.CERTIFICATE_STATUS_LIST_TTL = 120
    before = timezone.now().replace(microsecond=0)

    response = client.get("/credentials/status/1")

    listed = response.json()
    valid_until = _parse(listed["validUntil"])
    assert (
        before + datetime.timedelta(seconds=120)
        <= valid_until
        <= timezone.now() + datetime.timedelta(seconds=120)
    )
    assert listed["credentialSubject"]["ttl"] == 120_000
    assert "max-age=120" in response["Cache-Control"] and "public" in response["Cache-Control"]
    expires = email.utils.parsedate_to_datetime(response["Expires"])
    assert abs((expires - valid_until).total_seconds()) <= 2
    assert "Accept" in response["Vary"]
    # Dated a minute back, so a verifier whose clock is a little behind ours does not find it "not yet valid".
    assert _parse(listed["validFrom"]) <= before - datetime.timedelta(seconds=59)


def test_a_revocation_shows_in_the_next_list(client, certificate):
    claims = openbadges.credential(certificate)
    assert status_list.credential_revoked(claims, client.get("/credentials/status/1").json()) is False

    certificates.certificate_revoke(
        certificate=certificate, revoked_by=UserFactory(), reason=Certificate.Reason.MISCONDUCT
    )

    assert status_list.credential_revoked(claims, client.get("/credentials/status/1").json()) is True


def test_a_tampered_list_is_refused(client, certificate):
    listed = client.get("/credentials/status/1").json()
    listed["credentialSubject"]["encodedList"] = status_list.encode([certificate.status_list_index])

    with pytest.raises(status_list.credentials.CredentialInvalid):
        status_list.credential_revoked(openbadges.credential(certificate), listed)


def test_the_jws_form_is_there_for_those_who_ask(client, certificate):
    response = client.get("/credentials/status/1", HTTP_ACCEPT="application/vc+jwt")

    assert response.status_code == 200 and response["Content-Type"] == "application/vc+jwt"
    assert (
        status_list.credential_revoked(openbadges.credential(certificate), response.content.decode()) is False
    )


@pytest.mark.parametrize(
    "address", ["/.well-known/did.json", "/.well-known/jwks.json", "/credentials/status/1"]
)
def test_in_browser_verifiers_on_any_origin_may_read_the_published_documents(client, address):
    response = client.get(address, HTTP_ORIGIN="https://verifierplus.example")

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"


def test_an_unknown_list_is_not_found(client):
    assert client.get("/credentials/status/2", follow=True).status_code == 404
