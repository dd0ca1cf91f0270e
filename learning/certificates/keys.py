"""The organisation's two signing keys, from the environment in production, never from the repository.

- **Ed25519** signs the Data Integrity proofs (`eddsa-rdfc-2022`) that wallets verify, the VC-JOSE form
  and the status lists: `CERTIFICATE_SIGNING_KEY` (PEM text) or `CERTIFICATE_SIGNING_KEY_FILE` (a path).
- **P-256** signs the Open Badges 3.0 JWT (ES256), because the 1EdTech profile refuses EdDSA there:
  `CERTIFICATE_JWT_KEY` or `CERTIFICATE_JWT_KEY_FILE`.

`manage.py certificate_keys` makes both. Development and test settings allow creating the files on first use,
in a gitignored folder, so `make run` works with nothing to set up; production refuses to invent a key,
because credentials signed by a key nobody kept could never be verified again.
"""

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class KeyKind:
    name: str  # as stored with published keys: "Ed25519" or "P-256"
    setting: str  # the PEM text setting; its path setting is the same name + "_FILE"

    def generate(self):
        if self.name == "Ed25519":
            return Ed25519PrivateKey.generate()
        return ec.generate_private_key(ec.SECP256R1())

    def accepts(self, key) -> bool:
        if self.name == "Ed25519":
            return isinstance(key, Ed25519PrivateKey)
        return isinstance(key, ec.EllipticCurvePrivateKey) and isinstance(key.curve, ec.SECP256R1)


ED25519 = KeyKind("Ed25519", "CERTIFICATE_SIGNING_KEY")
P256 = KeyKind("P-256", "CERTIFICATE_JWT_KEY")
KINDS = (ED25519, P256)


def generate_pem(kind: KeyKind = ED25519) -> bytes:
    return kind.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def write_new_key(path: Path, kind: KeyKind = ED25519) -> bool:
    """Write a new key to `path` unless one is there; False when it existed (never overwrite a key)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: two processes starting together cannot both write, and the loser reads the winner's key.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(descriptor, "wb") as file:
        file.write(generate_pem(kind))
    return True


def _pem(kind: KeyKind) -> bytes:
    text = getattr(settings, kind.setting, "")
    if text:
        return text.encode()
    path = getattr(settings, f"{kind.setting}_FILE", "")
    if not path:
        raise ImproperlyConfigured(
            f"Set {kind.setting} (PEM text) or {kind.setting}_FILE to sign certificates "
            f"({kind.name} key); `manage.py certificate_keys` creates one."
        )
    path = Path(path)
    if not path.exists() and settings.CERTIFICATE_SIGNING_KEY_AUTOCREATE:
        write_new_key(path, kind)
    return path.read_bytes()


@cache
def _load(pem: bytes, kind: KeyKind):
    key = serialization.load_pem_private_key(pem, password=None)
    if not kind.accepts(key):
        raise ImproperlyConfigured(f"{kind.setting} must be an {kind.name} private key.")
    return key


def signing_key() -> Ed25519PrivateKey:
    # Cached by the PEM's content, not by process: a key rotated in the settings takes effect at once.
    return _load(_pem(ED25519), ED25519)


def jwt_key() -> ec.EllipticCurvePrivateKey:
    return _load(_pem(P256), P256)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def public_jwk(public_key) -> dict:
    """A public key as a JSON Web Key: OKP/Ed25519 (RFC 8037) or EC/P-256 (RFC 7518). Never a private part."""
    if isinstance(public_key, Ed25519PublicKey):
        raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw)}
    numbers = public_key.public_numbers()
    return {
        "kty": "EC",
        "crv": "P-256",
        "x": b64url(numbers.x.to_bytes(32, "big")),
        "y": b64url(numbers.y.to_bytes(32, "big")),
    }


def thumbprint(jwk: dict) -> str:
    """RFC 7638 JWK thumbprint: names a key by its content, so a rotated key gets a new, stable name."""
    members = {name: jwk[name] for name in ("crv", "kty", "x", "y") if name in jwk}
    canonical = json.dumps(members, separators=(",", ":"), sort_keys=True).encode()
    return b64url(hashlib.sha256(canonical).digest())


def _unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def ed25519_public_key(jwk: dict) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(_unb64url(jwk["x"]))


def p256_public_key(jwk: dict) -> ec.EllipticCurvePublicKey:
    numbers = ec.EllipticCurvePublicNumbers(
        int.from_bytes(_unb64url(jwk["x"]), "big"), int.from_bytes(_unb64url(jwk["y"]), "big"), ec.SECP256R1()
    )
    return numbers.public_key()
