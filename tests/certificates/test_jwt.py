"""The Open Badges 3.0 JWT (OB 3.0 §8.2): ES256, `typ` JWT, the iss/jti/nbf/sub claims, a compact `.jwt`
download, and its key in the JWKS at /.well-known/jwks.json."""

import json

import pytest

from learning.certificates import jwt_proof, keys
from learning.certificates import services as certificates
from learning.certificates.credentials import CredentialInvalid, unb64url
from learning.certificates.keys import b64url
from tests.certificates.helpers import completed_enrolment

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate():
    return certificates.certificate_issue(enrolment=completed_enrolment(name="Amina Diallo"))


@pytest.fixture
def token(client, certificate) -> str:
    client.force_login(certificate.enrolment.user)
    response = client.get(f"/en/learning/certificates/{certificate.pk}/credential.jwt")
    assert response.status_code == 200
    return response.content.decode()


def _parts(token):
    header, payload, signature = token.split(".")
    return json.loads(unb64url(header)), json.loads(unb64url(payload)), signature


def test_the_jwt_follows_the_open_badges_proof_format(token, certificate):
    header, payload, _signature = _parts(token)

    # No other header is allowed; the public key rides along, never its private part.
    assert header == {"alg": "ES256", "kid": header["kid"], "jwk": header["jwk"], "typ": "JWT"}
    assert set(header["jwk"]) == {"kty", "crv", "x", "y"}
    assert payload["iss"] == payload["issuer"]["id"]
    assert payload["jti"] == payload["id"]
    assert payload["sub"] == payload["credentialSubject"]["id"] and payload["sub"].startswith("urn:uuid:")
    assert payload["nbf"] == int(certificate.issued_at.replace(microsecond=0).timestamp())
    assert "exp" not in payload  # the credential has no validUntil
    assert payload["type"] == ["VerifiableCredential", "OpenBadgeCredential"]


def test_the_jwks_publishes_the_key_named_in_the_header(client, token):
    header, _payload, _signature = _parts(token)
    response = client.get("/.well-known/jwks.json")

    assert response["Content-Type"] == "application/jwk-set+json"
    published = next(key for key in response.json()["keys"] if key["kid"] == header["kid"])
    assert published["kty"] == "EC" and published["crv"] == "P-256" and published["alg"] == "ES256"
    assert "d" not in published  # never a private part
    assert {name: published[name] for name in ("kty", "crv", "x", "y")} == header["jwk"]
    assert jwt_proof.verify(token, public_key=keys.p256_public_key(published))["name"]


@pytest.mark.parametrize(
    "forge",
    [
        lambda h, p: (h, {**p, "name": "Another course"}),
        lambda h, p: (h, {**p, "sub": "urn:uuid:00000000-0000-0000-0000-000000000000"}),
        lambda h, p: ({**h, "alg": "none"}, p),
        lambda h, p: ({**h, "alg": "EdDSA"}, p),
        lambda h, p: ({**h, "typ": "vc+jwt"}, p),
        lambda h, p: ({**h, "cty": "vc"}, p),
    ],
)
def test_a_changed_jwt_is_refused(token, forge):
    header, payload, signature = _parts(token)
    header, payload = forge(header, payload)
    forged = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(payload).encode())}.{signature}"

    with pytest.raises(CredentialInvalid):
        jwt_proof.verify(forged)


def test_claims_that_disagree_with_the_credential_are_refused_even_when_signed(certificate):
    from learning.certificates import openbadges

    credential = openbadges.credential(certificate)
    token = jwt_proof.sign(credential, kid="k")
    assert jwt_proof.verify(token)["jti"] == credential["id"]

    header, payload, _signature = _parts(token)
    payload["jti"] = "https://elsewhere.example/1"
    body = b64url(json.dumps(payload).encode())
    # Signed for real, with our key: a valid signature over inconsistent claims is still not a credential.
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

    head = b64url(json.dumps(header).encode())
    r, s = decode_dss_signature(keys.jwt_key().sign(f"{head}.{body}".encode(), ec.ECDSA(hashes.SHA256())))
    resigned = f"{head}.{body}.{b64url(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"

    with pytest.raises(CredentialInvalid, match="jti"):
        jwt_proof.verify(resigned)
