"""The signing keys: made by a command outside the repository, read from the environment, never overwritten,
and published for good once they have signed, so that rotating them breaks no credential."""

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command

from learning.certificates import credentials, data_integrity, issuer, jwt_proof, keys, openbadges
from learning.certificates import services as certificates
from tests.certificates.helpers import completed_enrolment


def _private(path):
    return serialization.load_pem_private_key(path.read_bytes(), password=None)


def test_the_command_writes_both_private_keys_once(tmp_path):
    path = tmp_path / "signing.pem"
    jwt_path = tmp_path / "jwt.pem"

    call_command("certificate_keys", output=str(path), jwt_output=str(jwt_path))

    for written in (path, jwt_path):
        assert written.stat().st_mode & 0o777 == 0o600
        assert b"PRIVATE KEY" in written.read_bytes()
    assert isinstance(_private(path), Ed25519PrivateKey)
    assert (
        isinstance(_private(jwt_path), ec.EllipticCurvePrivateKey)
        and _private(jwt_path).curve.name == "secp256r1"
    )
    with pytest.raises(CommandError, match="exists already"):
        call_command("certificate_keys", output=str(path), jwt_output=str(jwt_path))


def test_without_a_jwt_path_the_p256_key_goes_beside_the_ed25519_one(tmp_path):
    call_command("certificate_keys", output=str(tmp_path / "signing.pem"))

    assert isinstance(_private(tmp_path / "certificate-jwt-key.pem"), ec.EllipticCurvePrivateKey)


def test_the_command_refuses_to_write_inside_the_project(settings):
    with pytest.raises(CommandError, match="outside the project"):
        call_command("certificate_keys", output=str(settings.BASE_DIR / "signing.pem"))


def test_a_key_given_as_pem_text_signs(settings):
    pem = keys.generate_pem()
    settings.CERTIFICATE_SIGNING_KEY = pem.decode()
    public = serialization.load_pem_private_key(pem, password=None).public_key()

    token = credentials.sign({"name": "x"}, kid="did:web:example.org#key-1")

    assert credentials.verify(token, public_key=public) == {"name": "x"}


def test_without_a_configured_key_production_refuses_to_sign(settings):
    settings.CERTIFICATE_SIGNING_KEY = ""
    settings.CERTIFICATE_SIGNING_KEY_FILE = ""

    with pytest.raises(ImproperlyConfigured):
        credentials.sign({"name": "x"}, kid="k")


def _without_a_key(settings):
    settings.CERTIFICATE_SIGNING_KEY = ""
    settings.CERTIFICATE_SIGNING_KEY_FILE = ""
    settings.CERTIFICATE_SIGNING_KEY_AUTOCREATE = False


def test_the_deploy_check_reports_a_missing_key(settings):
    from learning.certificates.checks import signing_key_is_configured

    assert signing_key_is_configured() == []
    _without_a_key(settings)

    errors = signing_key_is_configured()

    assert [error.id for error in errors] == ["learning.E001"]
    assert "certificate_keys" in errors[0].hint


def test_the_deploy_check_reports_a_missing_jwt_key(settings):
    from learning.certificates.checks import signing_key_is_configured

    settings.CERTIFICATE_JWT_KEY = ""
    settings.CERTIFICATE_JWT_KEY_FILE = ""
    settings.CERTIFICATE_SIGNING_KEY_AUTOCREATE = False

    assert [error.id for error in signing_key_is_configured()] == ["learning.E002"]


def test_a_key_of_the_wrong_type_is_refused(settings):
    settings.CERTIFICATE_JWT_KEY = keys.generate_pem(keys.ED25519).decode()

    with pytest.raises(ImproperlyConfigured, match="P-256"):
        keys.jwt_key()


@pytest.mark.django_db
def test_after_a_rotation_credentials_signed_with_the_old_keys_still_verify(client, settings):
    certificate = certificates.certificate_issue(enrolment=completed_enrolment())
    old_credential = openbadges.signed_credential(certificate)
    old_jwt = openbadges.jwt_credential(certificate)
    old_jose = openbadges.vc_jose_credential(certificate)

    settings.CERTIFICATE_SIGNING_KEY = keys.generate_pem(keys.ED25519).decode()
    settings.CERTIFICATE_JWT_KEY = keys.generate_pem(keys.P256).decode()
    new_credential = openbadges.signed_credential(certificate)
    document = client.get("/.well-known/did.json").json()
    published = client.get("/.well-known/jwks.json").json()["keys"]

    old_method = old_credential["proof"][0]["verificationMethod"]
    assert new_credential["proof"][0]["verificationMethod"] != old_method
    for credential in (old_credential, new_credential):
        method_id = credential["proof"][0]["verificationMethod"]
        method = next(method for method in document["verificationMethod"] if method["id"] == method_id)
        public_key = data_integrity.public_key_from_multikey(method["publicKeyMultibase"])
        assert data_integrity.verify_proof(credential, public_key=public_key, verification_method=method_id)
        assert method_id in document["assertionMethod"]
    jwt_kid = jwt_proof_kid(old_jwt)
    old_p256 = next(key for key in published if key["kid"] == jwt_kid)
    assert jwt_proof.verify(old_jwt, public_key=keys.p256_public_key(old_p256))
    jose_kid = jwt_proof_kid(old_jose["id"].split(",", 1)[1])
    old_ed25519 = next(key for key in published if key["kid"] == jose_kid)
    assert credentials.verify(old_jose, public_key=keys.ed25519_public_key(old_ed25519))
    # The name used before keys were named by thumbprint stays on the oldest Ed25519 key.
    legacy = next(key for key in published if key["kid"].endswith("#" + issuer.LEGACY_KEY_ID))
    assert legacy["x"] == old_ed25519["x"]


def jwt_proof_kid(token: str) -> str:
    import json

    return json.loads(credentials.unb64url(token.split(".")[0]))["kid"]


@pytest.mark.django_db
def test_without_a_key_the_published_documents_answer_503_not_500(client, settings):
    _without_a_key(settings)

    for address in ("/.well-known/did.json", "/.well-known/jwks.json", "/credentials/status/1"):
        response = client.get(address)
        assert response.status_code == 503, address
        assert "Temporarily unavailable" in response.content.decode()
