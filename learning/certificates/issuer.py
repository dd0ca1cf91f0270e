"""The issuer's identity: `did:web:<site host>`, its DID document, its JWKS, and the names of its keys.

Anyone can check a credential with what is published here and nothing else. Each key is named by its JWK
thumbprint (RFC 7638), so a rotated key gets a new verification method while the old ones stay listed:
every key that ever signed is recorded (PublishedKey) and published for good.

One Ed25519 key appears twice, as a `Multikey` (what Data Integrity verifiers such as the DCC's
verifier-core resolve) and as a `JsonWebKey2020` (what VC-JOSE verifiers read); the P-256 key, which signs
the Open Badges JWT, appears as a `JsonWebKey2020`. `#key-1`, the only name before keys were named by
thumbprint, stays published for the oldest Ed25519 key, so credentials downloaded then still verify.
"""

from urllib.parse import quote, urlsplit

from django.conf import settings

from . import keys
from .data_integrity import multikey
from .models import PublishedKey

LEGACY_KEY_ID = "key-1"
DID_CONTEXTS = [
    "https://www.w3.org/ns/did/v1",
    "https://w3id.org/security/multikey/v1",
    "https://w3id.org/security/suites/jws-2020/v1",
]


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def issuer_did() -> str:
    """did:web of the site's host; a port is percent-encoded, as the did:web method requires."""
    netloc = urlsplit(site_url()).netloc
    return "did:web:" + quote(netloc, safe="")


def _method(prefix: str, jwk: dict) -> str:
    return f"{issuer_did()}#{prefix}-{keys.thumbprint(jwk)}"


def multikey_method() -> str:
    """The verification method of the Data Integrity proofs (the current Ed25519 key, as a Multikey)."""
    return _method("ed25519", keys.public_jwk(keys.signing_key().public_key()))


def jose_method() -> str:
    """The `kid` of the VC-JOSE (EdDSA) forms: the same Ed25519 key, as a JsonWebKey2020."""
    return _method("jwk", keys.public_jwk(keys.signing_key().public_key()))


def es256_method() -> str:
    """The `kid` of the Open Badges JWT: the P-256 key."""
    return _method("es256", keys.public_jwk(keys.jwt_key().public_key()))


def record_current_keys() -> None:
    """Record the keys about to sign, so that they stay published after a rotation."""
    published_key_record(algorithm=keys.ED25519.name, jwk=keys.public_jwk(keys.signing_key().public_key()))
    published_key_record(algorithm=keys.P256.name, jwk=keys.public_jwk(keys.jwt_key().public_key()))


def published_key_record(*, algorithm: str, jwk: dict) -> None:
    """Record a public key that is about to sign, once: it stays published after any later rotation."""
    PublishedKey.objects.get_or_create(
        thumbprint=keys.thumbprint(jwk), defaults={"algorithm": algorithm, "public_jwk": jwk}
    )


def published_keys() -> list[tuple[str, dict]]:
    """(algorithm, public JWK) of every recorded key, oldest first, then the current ones if not recorded."""
    listed = [(key.algorithm, key.public_jwk) for key in PublishedKey.objects.all()]
    current = [
        (keys.ED25519.name, keys.public_jwk(keys.signing_key().public_key())),
        (keys.P256.name, keys.public_jwk(keys.jwt_key().public_key())),
    ]
    known = {keys.thumbprint(jwk) for _algorithm, jwk in listed}
    return listed + [(algorithm, jwk) for algorithm, jwk in current if keys.thumbprint(jwk) not in known]


def _jwk_methods(published) -> list[dict]:
    """The JsonWebKey2020 methods, with the legacy `#key-1` for the oldest Ed25519 key."""
    did = issuer_did()
    methods = []
    ed25519 = [jwk for algorithm, jwk in published if algorithm == keys.ED25519.name]
    if ed25519:
        methods.append({"id": f"{did}#{LEGACY_KEY_ID}", "jwk": ed25519[0], "alg": "EdDSA"})
    for algorithm, jwk in published:
        prefix, alg = ("jwk", "EdDSA") if algorithm == keys.ED25519.name else ("es256", "ES256")
        methods.append({"id": _method(prefix, jwk), "jwk": jwk, "alg": alg})
    return methods


def did_document() -> dict:
    did = issuer_did()
    published = published_keys()
    methods = []
    for algorithm, jwk in published:
        if algorithm == keys.ED25519.name:
            public_key = keys.ed25519_public_key(jwk)
            methods.append(
                {
                    "id": _method("ed25519", jwk),
                    "type": "Multikey",
                    "controller": did,
                    "publicKeyMultibase": multikey(public_key),
                }
            )
    methods += [
        {"id": method["id"], "type": "JsonWebKey2020", "controller": did, "publicKeyJwk": method["jwk"]}
        for method in _jwk_methods(published)
    ]
    ids = [method["id"] for method in methods]
    return {
        "@context": DID_CONTEXTS,
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": ids,
        "authentication": ids,
    }


def jwks() -> dict:
    """The JSON Web Key Set at /.well-known/jwks.json: each key's `kid` is its verification method in the
    DID document, the `kid` the JWT and VC-JOSE headers carry."""
    return {
        "keys": [
            {**method["jwk"], "kid": method["id"], "alg": method["alg"], "use": "sig"}
            for method in _jwk_methods(published_keys())
        ]
    }
