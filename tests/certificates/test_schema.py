"""Every form of the credential validates against 1EdTech's Open Badges 3.0 AchievementCredential JSON schema
(vendored in learning/certificates/schemas/, its source named in the README there), with `jsonschema`."""

import json

import jsonschema
import pytest

from learning.certificates import credentials, openbadges
from learning.certificates import services as certificates
from tests.certificates.helpers import completed_enrolment

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(openbadges.SCHEMA_FILE.read_text())


def _validator():
    return jsonschema.Draft201909Validator(
        SCHEMA, format_checker=jsonschema.Draft201909Validator.FORMAT_CHECKER
    )


@pytest.fixture
def certificate():
    return certificates.certificate_issue(enrolment=completed_enrolment(name="نور حداد", language="ar"))


def test_the_wallet_credential_the_jwt_and_the_vc_jose_payload_are_valid(certificate):
    jwt_payload = json.loads(credentials.unb64url(openbadges.jwt_credential(certificate).split(".")[1]))
    envelope = openbadges.vc_jose_credential(certificate)
    jose_payload = credentials.verify(envelope)

    for form in (openbadges.signed_credential(certificate), jwt_payload, jose_payload):
        errors = [error.message for error in _validator().iter_errors(form)]
        assert errors == []


def test_the_credential_names_the_schema_it_follows(certificate):
    [schema] = openbadges.credential(certificate)["credentialSchema"]

    assert schema == {
        "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
        "type": "1EdTechJsonSchemaValidator2019",
    }


@pytest.mark.parametrize(
    "break_it",
    [
        lambda c: c["credentialSubject"].pop("achievement"),
        lambda c: c["credentialSubject"]["identifier"][0].update(identityType="e-mail"),
        lambda c: c["credentialSubject"]["achievement"].update(inLanguage="arabic"),
        lambda c: c.update(proof=c["proof"][0]),
    ],
)
def test_the_schema_catches_a_broken_credential(certificate, break_it):
    credential = openbadges.signed_credential(certificate)
    break_it(credential)

    assert list(_validator().iter_errors(credential))


def test_the_recipient_is_a_salted_hash_of_the_email_that_checks_against_it(certificate):
    import hashlib

    email, name = openbadges.credential(certificate)["credentialSubject"]["identifier"]
    address = certificate.enrolment.user.email

    assert email["identityType"] == "emailAddress" and email["hashed"] is True
    assert address not in json.dumps(openbadges.credential(certificate))
    assert (
        email["identityHash"]
        == "sha256$" + hashlib.sha256((address.lower() + email["salt"]).encode()).hexdigest()
    )
    assert name == {
        "type": "IdentityObject",
        "identityType": "name",
        "hashed": False,
        "identityHash": "نور حداد",
    }


def test_the_issuer_and_the_achievement_carry_their_images_inside_what_is_signed():
    """Open Badges 3.0 `Image` objects: the issuer's logo on its profile, the course design's seal as the
    achievement's badge, as data: URLs, so a wallet shows them without fetching anything, and the credential
    still validates and verifies."""
    from wagtail.models import Site
    from wagtail_factories import ImageFactory

    from home.models import IssuerSettings
    from learning.certificates import data_integrity, issuer, keys
    from learning.certificates.models import CertificateDesign

    settings = IssuerSettings.for_site(Site.objects.get(is_default_site=True))
    settings.logo = ImageFactory()
    settings.save()
    enrolment = completed_enrolment()
    course = enrolment.cohort.course
    course.certificate_design = CertificateDesign.objects.create(
        name="Summit", seal=ImageFactory(file__color="red", file__width=60, file__height=60)
    )
    course.save()
    certificate = certificates.certificate_issue(enrolment=enrolment)

    signed = openbadges.signed_credential(certificate)

    profile_image = signed["issuer"]["image"]
    badge = signed["credentialSubject"]["achievement"]["image"]
    assert profile_image["type"] == badge["type"] == "Image"
    assert profile_image["id"].startswith("data:image/png;base64,")
    assert badge["id"].startswith("data:image/png;base64,")
    assert badge["id"] != profile_image["id"]  # the seal, not the logo again
    assert [error.message for error in _validator().iter_errors(signed)] == []
    assert data_integrity.verify_proof(
        signed, public_key=keys.signing_key().public_key(), verification_method=issuer.multikey_method()
    )


def test_without_images_the_credential_names_none():
    certificate = certificates.certificate_issue(enrolment=completed_enrolment())

    unsigned = openbadges.credential(certificate)

    assert "image" not in unsigned["issuer"] and "image" not in unsigned["credentialSubject"]["achievement"]
