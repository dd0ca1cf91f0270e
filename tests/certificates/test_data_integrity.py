"""The wallet's form: Open Badges 3.0 with an embedded Data Integrity proof (eddsa-rdfc-2022), checked against
the Multikey of the DID document, with JSON-LD contexts read only from the vendored files."""

import copy
import socket

import pytest

from learning.certificates import data_integrity, issuer, keys, linked_data, openbadges
from learning.certificates import services as certificates
from learning.certificates.data_integrity import ProofInvalid
from tests.certificates.helpers import completed_enrolment

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate():
    return certificates.certificate_issue(enrolment=completed_enrolment(name="Ольга Петренко"))


def _multikey_of(document: dict, method_id: str):
    method = next(method for method in document["verificationMethod"] if method["id"] == method_id)
    assert method["type"] == "Multikey" and method["controller"] == document["id"]
    return data_integrity.public_key_from_multikey(method["publicKeyMultibase"])


def test_the_downloaded_credential_carries_an_eddsa_rdfc_2022_proof_by_the_did_multikey(client, certificate):
    client.force_login(certificate.enrolment.user)
    credential = client.get(f"/en/learning/certificates/{certificate.pk}/credential.json").json()
    document = client.get("/.well-known/did.json").json()

    [proof] = credential["proof"]  # a set of one, as the Open Badges schema wants
    assert proof["type"] == "DataIntegrityProof" and proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["proofPurpose"] == "assertionMethod" and proof["proofValue"].startswith("z")
    assert proof["verificationMethod"] in document["assertionMethod"]
    # The DID document keeps the JsonWebKey2020 form for VC-JOSE verifiers beside the Multikey.
    assert {method["type"] for method in document["verificationMethod"]} == {"Multikey", "JsonWebKey2020"}
    public_key = _multikey_of(document, proof["verificationMethod"])
    unsecured = data_integrity.verify_proof(
        credential, public_key=public_key, verification_method=proof["verificationMethod"]
    )
    assert unsecured["credentialSubject"]["identifier"][-1]["identityHash"] == "Ольга Петренко"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda c: c["credentialSubject"]["identifier"][-1].update(identityHash="Someone Else"),
        lambda c: c.update(validFrom="2020-01-01T00:00:00Z"),
        lambda c: c["credentialStatus"].update(statusListIndex="7"),
        lambda c: c["proof"][0].update(created="2020-01-01T00:00:00Z"),
        lambda c: c["proof"][0].update(proofValue=c["proof"][0]["proofValue"][:-2] + "11"),
        lambda c: c["proof"][0].update(cryptosuite="eddsa-jcs-2022"),
        lambda c: c["proof"].append(c["proof"][0]),
        lambda c: c.pop("proof"),
    ],
)
def test_any_change_to_the_credential_or_its_proof_breaks_it(certificate, tamper):
    credential = openbadges.signed_credential(certificate)
    method = issuer.multikey_method()
    public_key = keys.signing_key().public_key()
    assert data_integrity.verify_proof(credential, public_key=public_key, verification_method=method)

    tampered = copy.deepcopy(credential)
    tamper(tampered)

    with pytest.raises(ProofInvalid):
        data_integrity.verify_proof(tampered, public_key=public_key, verification_method=method)


def test_the_same_certificate_always_downloads_as_the_same_bytes(certificate):
    # Ed25519 is deterministic and the proof is dated at issue: a second download is not a second credential.
    assert openbadges.signed_credential(certificate) == openbadges.signed_credential(certificate)


def test_signing_never_touches_the_network(certificate, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    linked_data.document_loader.cache_clear()

    credential = openbadges.signed_credential(certificate)

    assert credential["proof"][0]["proofValue"]


def test_a_context_that_is_not_vendored_fails_the_signing_instead_of_being_fetched(certificate, monkeypatch):
    fetched = []
    monkeypatch.setattr(socket, "create_connection", lambda *args, **kwargs: fetched.append(args))
    unsigned = openbadges.credential(certificate)
    unsigned["@context"].append("https://example.org/unknown-context.jsonld")

    with pytest.raises(linked_data.ContextNotVendored, match="unknown-context"):
        data_integrity.add_proof(
            unsigned,
            key=keys.signing_key(),
            verification_method=issuer.multikey_method(),
            created="2026-01-01T00:00:00Z",
        )
    assert fetched == []


def test_the_multikey_is_the_ed25519_public_key_with_its_multicodec_header():
    public_key = keys.signing_key().public_key()
    encoded = data_integrity.multikey(public_key)

    assert encoded.startswith("z6Mk")  # what every Ed25519 Multikey starts with
    assert data_integrity.public_key_from_multikey(encoded) == public_key
    for bad in ("", "u" + encoded[1:], "z111", encoded[:-4]):
        with pytest.raises(ProofInvalid):
            data_integrity.public_key_from_multikey(bad)
