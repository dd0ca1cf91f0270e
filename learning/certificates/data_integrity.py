"""Embedded Data Integrity proofs, cryptosuite `eddsa-rdfc-2022` (W3C Data Integrity EdDSA Cryptosuites).

The proof is what a wallet (the Learner Credential Wallet, VerifierPlus: anything built on the Digital
Credentials Consortium's verifier-core) checks. Its steps, from the specification (§3.3):

1. canonicalize the credential without its proof, and the proof's options with the credential's
   `@context`, each with RDFC-1.0 (linked_data.canonize);
2. hash each with SHA-256 and concatenate, proof options first;
3. sign the 64 bytes with Ed25519; the proof value is the signature in multibase base58btc (`z…`).

The verification method is a `Multikey` in the issuer's DID document: the public key in multibase, prefixed
with the multicodec header of an Ed25519 public key (0xed 0x01).
"""

import copy
import hashlib

import base58
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .linked_data import ContextNotVendored, canonize

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"
ED25519_MULTICODEC = b"\xed\x01"


class ProofInvalid(Exception):
    """The proof is missing, malformed, not ours, or does not match the credential."""


def multikey(public_key: Ed25519PublicKey) -> str:
    """`publicKeyMultibase` of a Multikey verification method."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "z" + base58.b58encode(ED25519_MULTICODEC + raw).decode()


def public_key_from_multikey(value: str) -> Ed25519PublicKey:
    if not isinstance(value, str) or not value.startswith("z"):
        raise ProofInvalid("not a base58btc multibase key")
    try:
        data = base58.b58decode(value[1:])
    except ValueError as error:
        raise ProofInvalid("not base58btc") from error
    if len(data) != 34 or not data.startswith(ED25519_MULTICODEC):
        raise ProofInvalid("not an Ed25519 Multikey")
    return Ed25519PublicKey.from_public_bytes(data[2:])


def _hash_data(unsecured: dict, options: dict) -> bytes:
    options = {"@context": unsecured["@context"], **options}
    return (
        hashlib.sha256(canonize(options).encode()).digest()
        + hashlib.sha256(canonize(unsecured).encode()).digest()
    )


def add_proof(
    document: dict, *, key: Ed25519PrivateKey, verification_method: str, created: str, as_set: bool = False
) -> dict:
    """A copy of `document` with an `assertionMethod` proof by `key`; the document itself is unchanged.

    `as_set` puts the proof in a one-element list, as Open Badges' JSON schema wants (`proof` is an array
    there); JSON-LD reads both forms the same, so the signature is the same either way."""
    unsecured = copy.deepcopy(document)
    unsecured.pop("proof", None)
    options = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
    }
    signature = key.sign(_hash_data(unsecured, options))
    proof = {**options, "proofValue": "z" + base58.b58encode(signature).decode()}
    return {**unsecured, "proof": [proof] if as_set else proof}


def verify_proof(document: dict, *, public_key: Ed25519PublicKey, verification_method: str) -> dict:
    """The document without its proof if the proof holds for `public_key`; ProofInvalid otherwise."""
    proof = document.get("proof") if isinstance(document, dict) else None
    if isinstance(proof, list) and len(proof) == 1:
        proof = proof[0]
    if not isinstance(proof, dict):
        raise ProofInvalid("no proof, or more than one")
    unsecured = copy.deepcopy(document)
    del unsecured["proof"]
    proof = copy.deepcopy(proof)
    options = {name: value for name, value in proof.items() if name != "proofValue"}
    if (
        options.get("type") != PROOF_TYPE
        or options.get("cryptosuite") != CRYPTOSUITE
        or options.get("proofPurpose") != "assertionMethod"
        or options.get("verificationMethod") != verification_method
        or "@context" in options
    ):
        raise ProofInvalid("unexpected proof options")
    value = proof.get("proofValue")
    if not isinstance(value, str) or not value.startswith("z"):
        raise ProofInvalid("no base58btc proof value")
    try:
        signature = base58.b58decode(value[1:])
        public_key.verify(signature, _hash_data(unsecured, options))
    except (InvalidSignature, ValueError) as error:
        raise ProofInvalid("bad signature") from error
    except ContextNotVendored as error:
        raise ProofInvalid(f"unknown context {error}") from error
    return unsecured
