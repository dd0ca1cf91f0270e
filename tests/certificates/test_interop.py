"""Our credentials as outside verifiers judge them, offline: the Digital Credentials Consortium's
verifier-core (what the Learner Credential Wallet and VerifierPlus run) and `jose`, both from the npm
registry, pinned in tests/interop/package-lock.json and installed there by `make test`.

Each verifier reads only what the site publishes, as fetched here through the site's own views: the DID
document, the JWKS, the status list. tests/interop/verify.mjs hands them to the verifier and refuses every
other address, so a pass proves the credential verifies from what we publish, and nothing on the internet.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path
from unittest.mock import ANY

import pytest

from learning.certificates import openbadges
from learning.certificates import services as certificates
from learning.certificates.models import Certificate
from tests.certificates.helpers import completed_enrolment
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

INTEROP = Path(__file__).resolve().parent.parent / "interop"
SITE = "https://learning.example.org"
DID_URL = f"{SITE}/.well-known/did.json"
STATUS_URL = f"{SITE}/credentials/status/1"

if not (INTEROP / "node_modules").is_dir() or not shutil.which("node"):
    if os.environ.get("REQUIRE_INTEROP"):
        pytest.fail("REQUIRE_INTEROP is set, but node or tests/interop/node_modules is not there")
    pytest.skip(
        "node or tests/interop/node_modules missing (`make test` installs them)", allow_module_level=True
    )


def node(*args) -> dict:
    result = subprocess.run(
        ["node", "verify.mjs", *map(str, args)], cwd=INTEROP, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def site(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def certificate(site):
    return certificates.certificate_issue(enrolment=completed_enrolment(name="Nour Haddad"))


def _download(client, certificate, name) -> bytes:
    client.force_login(certificate.enrolment.user)
    response = client.get(f"/en/learning/certificates/{certificate.pk}/{name}")
    assert response.status_code == 200
    return response.content


def _published(client, tmp_path) -> dict:
    """The DID document and the status list, as the site serves them now, saved where the verifier reads."""
    routes = {}
    for url, name, headers in ((DID_URL, "did.json", {}), (STATUS_URL, "status.json", {})):
        response = client.get(url.removeprefix(SITE), **headers)
        assert response.status_code == 200
        (tmp_path / name).write_bytes(response.content)
        routes[url] = str(tmp_path / name)
    return routes


def verifier_core(client, tmp_path, credential: dict) -> dict:
    (tmp_path / "credential.json").write_text(json.dumps(credential))
    # 1EdTech's schema, which verifier-core fetches to run its own (ajv) check, from our vendored copy.
    routes = {**_published(client, tmp_path), openbadges.SCHEMA_URL: str(openbadges.SCHEMA_FILE)}
    fixtures = {"routes": routes, "credential": str(tmp_path / "credential.json")}
    (tmp_path / "fixtures.json").write_text(json.dumps(fixtures))
    return node("verifier-core", tmp_path / "fixtures.json")


def _steps(result) -> dict:
    return {step["id"]: step["valid"] for step in result["log"]}


def test_verifier_core_accepts_a_fresh_credential_with_a_valid_status(client, tmp_path, certificate):
    credential = json.loads(_download(client, certificate, "credential.json"))

    result = verifier_core(client, tmp_path, credential)

    assert result["errors"] == [], result
    steps = _steps(result)
    assert steps["valid_signature"] is True, result
    assert steps["revocation_status"] is True, result
    assert steps["expiration"] is True, result
    # Our DID is in none of the DCC's issuer registries: the wallet says "issuer not registered", which no
    # credential can change (registration is the DCC's). Everything it checks of the credential passes.
    assert steps["registered_issuer"] is False
    [schema_check] = [entry for entry in result["additionalInformation"] if entry["id"] == "schema_check"]
    assert [entry["result"]["valid"] for entry in schema_check["results"]] == [True], result
    # Nothing was asked for beyond what the site publishes (and the vendored schema).
    assert result["refused"] == [], result


def test_verifier_core_reports_a_revoked_credential(client, tmp_path, certificate):
    credential = json.loads(_download(client, certificate, "credential.json"))
    certificates.certificate_revoke(
        certificate=certificate, revoked_by=UserFactory(), reason=Certificate.Reason.MISCONDUCT
    )

    result = verifier_core(client, tmp_path, credential)

    assert result["errors"] == [], result
    steps = _steps(result)
    assert steps["valid_signature"] is True
    assert steps["revocation_status"] is False, result


def test_verifier_core_rejects_a_tampered_credential(client, tmp_path, certificate):
    credential = json.loads(_download(client, certificate, "credential.json"))
    credential["credentialSubject"]["identifier"][-1]["identityHash"] = "Someone Else"

    result = verifier_core(client, tmp_path, credential)

    assert [error["name"] for error in result["errors"]] == ["invalid_signature"], result


def _jwks(client, tmp_path) -> Path:
    response = client.get("/.well-known/jwks.json")
    assert response.status_code == 200
    (tmp_path / "jwks.json").write_bytes(response.content)
    return tmp_path / "jwks.json"


def test_jose_verifies_the_open_badges_jwt_against_the_jwks(client, tmp_path, certificate):
    token = _download(client, certificate, "credential.jwt")
    (tmp_path / "credential.jwt").write_bytes(token)

    result = node("jwt", _jwks(client, tmp_path), tmp_path / "credential.jwt")

    assert result["verified"] is True, result
    assert result["header"]["alg"] == "ES256" and result["header"]["typ"] == "JWT"
    payload = result["payload"]
    assert payload["iss"] == payload["issuer"]["id"] == "did:web:learning.example.org"
    assert payload["jti"] == payload["id"] and payload["sub"] == payload["credentialSubject"]["id"]
    assert payload["nbf"] == int(certificate.issued_at.timestamp())


def test_jose_rejects_a_tampered_jwt(client, tmp_path, certificate):
    header, payload, signature = _download(client, certificate, "credential.jwt").decode().split(".")
    claims = json.loads(certificates_b64(payload))
    claims["credentialSubject"]["identifier"][-1]["identityHash"] = "Someone Else"
    forged = f"{header}.{b64(json.dumps(claims).encode())}.{signature}"
    (tmp_path / "forged.jwt").write_text(forged)

    result = node("jwt", _jwks(client, tmp_path), tmp_path / "forged.jwt")

    assert result["verified"] is False and result["error"] == "ERR_JWS_SIGNATURE_VERIFICATION_FAILED", result


def test_jose_verifies_the_vc_jose_form_and_rejects_it_tampered(client, tmp_path, certificate):
    envelope = json.loads(_download(client, certificate, "credential-vc-jose.json"))
    (tmp_path / "envelope.json").write_text(json.dumps(envelope))
    jwks = _jwks(client, tmp_path)

    result = node("vc-jose", jwks, tmp_path / "envelope.json")

    assert result["verified"] is True, result
    assert (
        result["header"]["alg"] == "EdDSA" and result["payload"]["credentialSubject"]["achievement"]["name"]
    )

    head, payload, signature = envelope["id"].removeprefix("data:application/vc+jwt,").split(".")
    claims = json.loads(certificates_b64(payload))
    claims["name"] = "Another course"
    envelope["id"] = f"data:application/vc+jwt,{head}.{b64(json.dumps(claims).encode())}.{signature}"
    (tmp_path / "forged.json").write_text(json.dumps(envelope))
    assert node("vc-jose", jwks, tmp_path / "forged.json")["verified"] is False


def b64(data: bytes) -> str:
    from learning.certificates.keys import b64url

    return b64url(data)


def certificates_b64(text: str) -> bytes:
    from learning.certificates.credentials import unb64url

    return unb64url(text)


def test_verifier_core_reads_nothing_but_what_it_is_served(client, tmp_path, certificate):
    """Withhold the DID document: the verifier cannot check the signature and says it was refused the
    address, so a pass above could only come from what the site published, not from the internet."""
    credential = json.loads(_download(client, certificate, "credential.json"))
    (tmp_path / "credential.json").write_text(json.dumps(credential))
    routes = {url: path for url, path in _published(client, tmp_path).items() if url != DID_URL}
    (tmp_path / "fixtures.json").write_text(
        json.dumps({"routes": routes, "credential": str(tmp_path / "credential.json")})
    )

    result = node("verifier-core", tmp_path / "fixtures.json")

    assert result["errors"], result
    assert DID_URL in result["refused"], result


def test_jose_reads_revocation_from_the_signed_status_list(client, tmp_path, certificate):
    index = certificate.status_list_index
    jwks = _jwks(client, tmp_path)

    def listed(name):
        response = client.get("/credentials/status/1", HTTP_ACCEPT="application/vc+jwt")
        assert response.status_code == 200
        (tmp_path / name).write_bytes(response.content)
        return node("status-jwt", jwks, tmp_path / name, index)

    assert listed("fresh.jwt") == {"verified": True, "revoked": False, "validUntil": ANY, "refused": []}
    certificates.certificate_revoke(
        certificate=certificate, revoked_by=UserFactory(), reason=Certificate.Reason.MISCONDUCT
    )
    assert listed("revoked.jwt")["revoked"] is True

    # A list with the bit cleared again but the old signature: refused, not read as "valid".
    head, payload, signature = (tmp_path / "revoked.jwt").read_text().split(".")
    claims = json.loads(certificates_b64(payload))
    from learning.certificates import status_list

    claims["credentialSubject"]["encodedList"] = status_list.encode([])
    (tmp_path / "forged.jwt").write_text(f"{head}.{b64(json.dumps(claims).encode())}.{signature}")
    forged = node("status-jwt", jwks, tmp_path / "forged.jwt", index)
    assert forged["verified"] is False and forged["error"] == "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"
