"""The Open Badges 3.0 credential: its shape, its VC-JOSE form (whose signature no changed byte survives), the
issuer's DID document, and revocation through the Bitstring Status List (its JWS form).

The Data Integrity form is tested in test_certificates_data_integrity.py, the JWT in test_certificates_jwt.py,
the status list credential in test_certificates_status_list.py, outside verifiers in ..._interop.py."""

import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from learning.certificates import credentials, issuer, openbadges, status_list
from learning.certificates import services as certificates
from learning.certificates.credentials import CredentialInvalid
from learning.certificates.models import Certificate
from tests.certificates.helpers import completed_enrolment
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate():
    return certificates.certificate_issue(enrolment=completed_enrolment(name="Reza Karimi"))


def _published_status_list(client) -> str:
    response = client.get("/credentials/status/1", HTTP_ACCEPT="application/vc+jwt")
    assert response.status_code == 200 and response["Content-Type"] == "application/vc+jwt"
    return response.content.decode()


def test_the_credential_is_an_open_badge_signed_by_the_issuer(certificate):
    claims = credentials.verify(openbadges.vc_jose_credential(certificate))

    assert claims["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
    ]
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["issuer"]["id"] == "did:web:127.0.0.1%3A8000" and claims["issuer"]["type"] == ["Profile"]
    subject = claims["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["identifier"][-1]["identityHash"] == "Reza Karimi"
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["name"] == "Democracy summit training"
    assert achievement["criteria"]["narrative"]
    assert claims["validFrom"].endswith("Z")
    status = claims["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry" and status["statusPurpose"] == "revocation"
    assert status["statusListIndex"] == str(certificate.status_list_index)
    assert status["statusListCredential"] == "http://127.0.0.1:8000/credentials/status/1"


def test_changing_any_byte_of_the_credential_breaks_it(certificate):
    token = credentials.sign(openbadges.credential(certificate), kid=issuer.jose_method())
    assert credentials.verify(token)

    for position, character in enumerate(token):
        if character == ".":
            continue
        replacement = "A" if character != "A" else "B"
        tampered = token[:position] + replacement + token[position + 1 :]
        with pytest.raises(CredentialInvalid):
            credentials.verify(tampered)


def test_a_credential_with_a_changed_name_or_no_algorithm_is_refused(certificate):
    token = credentials.sign(openbadges.credential(certificate), kid=issuer.jose_method())
    header, payload, signature = token.split(".")
    claims = json.loads(credentials.unb64url(payload))
    claims["credentialSubject"]["identifier"][-1]["identityHash"] = "Someone Else"
    forged = f"{header}.{credentials.b64url(json.dumps(claims).encode())}.{signature}"
    unsigned_header = credentials.b64url(json.dumps({"alg": "none"}).encode())

    for bad in (forged, f"{unsigned_header}.{payload}.", "not a token", {"type": "Something"}):
        with pytest.raises(CredentialInvalid):
            credentials.verify(bad)


def test_the_did_document_publishes_the_key_that_verifies(client, certificate):
    document = client.get("/.well-known/did.json").json()

    assert document["id"] == "did:web:127.0.0.1%3A8000"
    envelope = openbadges.vc_jose_credential(certificate)
    kid = json.loads(credentials.unb64url(envelope["id"].split(",", 1)[1].split(".")[0]))["kid"]
    method = next(method for method in document["verificationMethod"] if method["id"] == kid)
    assert method["type"] == "JsonWebKey2020" and kid in document["assertionMethod"]
    public_key = Ed25519PublicKey.from_public_bytes(credentials.unb64url(method["publicKeyJwk"]["x"]))
    assert credentials.verify(envelope, public_key=public_key)["name"] == "Democracy summit training"
    assert credentials.verify(envelope)["issuer"]["id"] == document["id"]


def test_revocation_shows_in_the_signed_status_list(client, certificate):
    claims = credentials.verify(openbadges.vc_jose_credential(certificate))
    assert status_list.credential_revoked(claims, _published_status_list(client)) is False

    certificates.certificate_revoke(
        certificate=certificate, revoked_by=UserFactory(), reason=Certificate.Reason.MISCONDUCT
    )

    assert status_list.credential_revoked(claims, _published_status_list(client)) is True


def test_the_status_list_is_a_gzipped_multibase_bitstring_of_at_least_16_kb(client, certificate):
    listed = credentials.verify(_published_status_list(client))

    assert listed["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    subject = listed["credentialSubject"]
    assert subject["type"] == "BitstringStatusList" and subject["statusPurpose"] == "revocation"
    assert subject["encodedList"].startswith("u")
    bits = status_list.decode(subject["encodedList"])
    assert len(bits) * 8 >= 131_072 and not any(bits)


def test_the_holder_downloads_every_form_and_nobody_else_can(client, certificate):
    client.force_login(certificate.enrolment.user)
    base = f"/en/learning/certificates/{certificate.pk}"

    wallet = client.get(f"{base}/credential.json")
    jose = client.get(f"{base}/credential-vc-jose.json")
    jwt = client.get(f"{base}/credential.jwt")

    for response, filename in ((wallet, ".json"), (jose, "-vc-jose.json"), (jwt, ".jwt")):
        assert response.status_code == 200
        assert (
            response["Content-Disposition"]
            == f'attachment; filename="certificate-{certificate.pk}{filename}"'
        )
    assert json.loads(wallet.content)["proof"][0]["type"] == "DataIntegrityProof"
    assert credentials.verify(json.loads(jose.content))["name"] == "Democracy summit training"
    assert jwt["Content-Type"] == "application/jwt" and jwt.content.count(b".") == 2

    client.force_login(UserFactory())
    for name in ("credential.json", "credential-vc-jose.json", "credential.jwt", "certificate.pdf"):
        assert client.get(f"{base}/{name}").status_code == 404, name


def test_in_language_is_the_language_the_text_is_really_in():
    from wagtail.models import Locale

    # No Arabic translation of the course: an Arabic-speaking holder's achievement text is the English one.
    untranslated = certificates.certificate_issue(
        enrolment=completed_enrolment(name="نور حداد", language="ar")
    )
    assert untranslated.language == "ar"
    assert openbadges.credential(untranslated)["credentialSubject"]["achievement"]["inLanguage"] == "en"

    enrolment = completed_enrolment(name="Fatima Zahra Benali", language="fr")
    course = enrolment.cohort.course
    french = course.copy_for_translation(
        Locale.objects.get_or_create(language_code="fr")[0], copy_parents=True
    )
    french.title = "Formation au sommet de la démocratie"
    french.save_revision().publish()
    translated = certificates.certificate_issue(enrolment=enrolment)
    achievement = openbadges.credential(translated)["credentialSubject"]["achievement"]
    assert achievement["name"] == "Formation au sommet de la démocratie" and achievement["inLanguage"] == "fr"


def test_the_criteria_are_the_editors_words_for_the_course_never_the_description_again():
    enrolment = completed_enrolment()
    course = enrolment.cohort.course
    plain = certificates.certificate_issue(enrolment=enrolment)
    achievement = openbadges.credential(plain)["credentialSubject"]["achievement"]
    assert achievement["criteria"]["narrative"] != achievement["description"]
    assert "12 hours of learning" in achievement["criteria"]["narrative"]

    course.certificate_criteria = "Attended five workshops and presented a local action plan."
    course.save_revision().publish()
    other = certificates.certificate_issue(enrolment=completed_enrolment(course=course))
    narrative = openbadges.credential(other)["credentialSubject"]["achievement"]["criteria"]["narrative"]
    assert narrative == "Attended five workshops and presented a local action plan."
    # A snapshot like the rest: the first certificate keeps the criteria it was issued with.
    assert (
        "12 hours"
        in openbadges.credential(plain)["credentialSubject"]["achievement"]["criteria"]["narrative"]
    )
