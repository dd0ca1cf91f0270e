"""Our small adapter for signed credentials: `sign` and `verify`, nothing else of the format leaks out.

Credentials are secured as VC-JOSE (W3C "Securing Verifiable Credentials using JOSE and COSE"): a compact
JWS, EdDSA over Ed25519, whose payload is the credential itself (media type `application/vc+jwt`). The
JSON a learner downloads wraps it as an `EnvelopedVerifiableCredential`, as the VC Data Model 2.0 defines.

Written on `cryptography` directly rather than a badge library: a JWS is three base64url parts and one
signature, and keeping the dependency to the project's own cryptography package means nothing with a
single maintainer sits between us and the signature.
"""

import base64
import json
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .keys import b64url, signing_key

MEDIA_TYPE = "application/vc+jwt"
VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"


class CredentialInvalid(Exception):
    """The credential was altered, is malformed, or was not signed by this issuer's key."""


def unb64url(text: str) -> bytes:
    """Strict base64url: the text must be the canonical encoding of what it decodes to, so that no character
    of a credential can change (even unused padding bits) and still pass."""
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as error:
        raise CredentialInvalid("not base64url") from error
    if not text or b64url(data) != text:
        raise CredentialInvalid("not canonical base64url")
    return data


def _json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def sign(credential: dict, *, kid: str) -> str:
    """The credential as a compact JWS (`header.payload.signature`), signed with the organisation's key."""
    header = {"alg": "EdDSA", "typ": "vc+jwt", "cty": "vc", "kid": kid}
    signing_input = f"{b64url(_json(header))}.{b64url(_json(credential))}"
    signature = signing_key().sign(signing_input.encode())
    return f"{signing_input}.{b64url(signature)}"


def envelope(token: str) -> dict:
    """The signed credential as JSON (VC Data Model 2.0, §4.13 enveloped credentials)."""
    return {
        "@context": VC_CONTEXT,
        "id": f"data:{MEDIA_TYPE},{token}",
        "type": "EnvelopedVerifiableCredential",
    }


def verify(credential: str | dict, *, public_key: Ed25519PublicKey | None = None) -> dict[str, Any]:
    """The credential's claims if its signature holds; CredentialInvalid if any byte was changed.

    Accepts the compact JWS or its JSON envelope. Only EdDSA is accepted: a token may not choose a weaker
    algorithm (or `none`) for itself.
    """
    header, payload, parts = jws_decoded(_token(credential))
    if header.get("alg") != "EdDSA":
        raise CredentialInvalid("unexpected header")
    key = public_key or signing_key().public_key()
    try:
        key.verify(unb64url(parts[2]), f"{parts[0]}.{parts[1]}".encode())
    except (InvalidSignature, ValueError) as error:
        raise CredentialInvalid("bad signature") from error
    return payload


def jws_decoded(token: str) -> tuple[dict, dict, list[str]]:
    """A compact JWS's header and payload (each a JSON object) and its three parts, NOT verified: the
    caller checks the algorithm and the signature. Else CredentialInvalid."""
    parts = token.split(".")
    if len(parts) != 3:
        raise CredentialInvalid("a JWS has three parts")
    try:
        header = json.loads(unb64url(parts[0]))
        payload = json.loads(unb64url(parts[1]))
    except (ValueError, UnicodeDecodeError) as error:
        raise CredentialInvalid("not JSON") from error
    if not isinstance(header, dict) or not isinstance(payload, dict):
        raise CredentialInvalid("unexpected header")
    return header, payload, parts


def _token(credential: str | dict) -> str:
    if isinstance(credential, dict):
        identifier = credential.get("id", "")
        prefix = f"data:{MEDIA_TYPE},"
        if credential.get("type") != "EnvelopedVerifiableCredential" or not identifier.startswith(prefix):
            raise CredentialInvalid("not an enveloped credential")
        return identifier[len(prefix) :]
    if not isinstance(credential, str):
        raise CredentialInvalid("not a credential")
    return credential.strip()
