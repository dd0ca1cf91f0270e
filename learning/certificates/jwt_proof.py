"""The Open Badges 3.0 "JSON Web Token Proof Format" (OB 3.0 §8.2): a compact JWS signed with ES256.

1EdTech's profile refuses EdDSA here (RS256 or ES256 only), wants `typ` "JWT" or none and no other header
than `alg`, `kid`, `jwk` and `typ`, and a payload that is the credential itself plus the registered claims
`iss` (issuer.id), `jti` (id), `nbf` (validFrom), `sub` (credentialSubject.id) and `exp` (validUntil, if
any). `verify` checks all of this the way the specification tells a verifier to (§8.2.4).
"""

import datetime
import json

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from .credentials import CredentialInvalid, jws_decoded, unb64url
from .keys import b64url, jwt_key, public_jwk

ALLOWED_HEADERS = {"alg", "kid", "jwk", "typ"}
MEDIA_TYPE = "application/jwt"


def _numeric_date(moment: str) -> int:
    return int(datetime.datetime.fromisoformat(moment.replace("Z", "+00:00")).timestamp())


def claims(credential: dict) -> dict:
    """The JWT payload: the credential and the claims that repeat it."""
    payload = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "nbf": _numeric_date(credential["validFrom"]),
        "sub": credential["credentialSubject"]["id"],
    }
    if credential.get("validUntil"):
        payload["exp"] = _numeric_date(credential["validUntil"])
    return payload


def sign(credential: dict, *, kid: str) -> str:
    # `kid` names the key in the DID document and the JWKS; `jwk` carries the public key too, because the
    # profile lets a verifier use either and a DID URL is not a plain JWK to every validator.
    header = {"alg": "ES256", "kid": kid, "jwk": public_jwk(jwt_key().public_key()), "typ": "JWT"}
    body = json.dumps(claims(credential), ensure_ascii=False, separators=(",", ":")).encode()
    signing_input = f"{b64url(json.dumps(header, separators=(',', ':')).encode())}.{b64url(body)}"
    r, s = decode_dss_signature(jwt_key().sign(signing_input.encode(), ec.ECDSA(hashes.SHA256())))
    # JWS wants the raw 64-byte r || s, not the DER that `cryptography` returns (RFC 7518 §3.4).
    return f"{signing_input}.{b64url(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"


def verify(token: str, *, public_key: ec.EllipticCurvePublicKey | None = None) -> dict:
    """The credential's claims if the JWT holds and its claims agree with the credential, else
    CredentialInvalid."""
    if not isinstance(token, str):
        raise CredentialInvalid("a JWS has three parts")
    header, payload, parts = jws_decoded(token.strip())
    if header.get("alg") != "ES256" or header.get("typ", "JWT") != "JWT" or set(header) - ALLOWED_HEADERS:
        raise CredentialInvalid("unexpected header")
    signature = unb64url(parts[2])
    if len(signature) != 64:
        raise CredentialInvalid("not an ES256 signature")
    der = encode_dss_signature(int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big"))
    key = public_key or jwt_key().public_key()
    try:
        key.verify(der, f"{parts[0]}.{parts[1]}".encode(), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature as error:
        raise CredentialInvalid("bad signature") from error
    try:
        expected = claims({name: value for name, value in payload.items() if name not in {"exp", "nbf"}})
    except (KeyError, TypeError, ValueError) as error:
        raise CredentialInvalid("the credential lacks what its claims repeat") from error
    for name in ("iss", "jti", "nbf", "sub", "exp"):
        if payload.get(name) != expected.get(name):
            raise CredentialInvalid(f"the {name} claim does not match the credential")
    return payload
