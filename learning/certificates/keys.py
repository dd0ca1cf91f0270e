"""The organisation's Ed25519 signing key: from the environment in production, never from the repository.

`CERTIFICATE_SIGNING_KEY` holds the PEM text itself (a secret store), `CERTIFICATE_SIGNING_KEY_FILE` a path
to it (a mounted secret). Development and test settings allow creating the file on first use, in a
gitignored folder, so `make run` works with nothing to set up; production refuses to invent a key, because
credentials signed by a key nobody kept could never be verified again.
"""

import os
from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def generate_pem() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def write_new_key(path: Path) -> bool:
    """Write a new key to `path` unless one is there; False when it existed (never overwrite a key)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: two processes starting together cannot both write, and the loser reads the winner's key.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(descriptor, "wb") as file:
        file.write(generate_pem())
    return True


def _pem() -> bytes:
    if settings.CERTIFICATE_SIGNING_KEY:
        return settings.CERTIFICATE_SIGNING_KEY.encode()
    path = settings.CERTIFICATE_SIGNING_KEY_FILE
    if not path:
        raise ImproperlyConfigured(
            "Set CERTIFICATE_SIGNING_KEY (PEM text) or CERTIFICATE_SIGNING_KEY_FILE to sign certificates; "
            "`manage.py certificate_keys --output PATH` creates one."
        )
    path = Path(path)
    if not path.exists() and settings.CERTIFICATE_SIGNING_KEY_AUTOCREATE:
        write_new_key(path)
    return path.read_bytes()


@cache
def _load(pem: bytes) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured("The certificate signing key must be an Ed25519 key.")
    return key


def signing_key() -> Ed25519PrivateKey:
    # Cached by the PEM's content, not by process: a key rotated in the settings takes effect at once.
    return _load(_pem())
