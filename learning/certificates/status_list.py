"""Revocation published as a W3C Bitstring Status List: one bit per certificate, set when it is revoked.

The list is a signed BitstringStatusListCredential at a stable URL. Every certificate has its own position
(`status_list_index`), drawn at random so that positions say nothing about order of issue or about
neighbours, as the specification recommends; the list is at least 131,072 bits long for the same reason.
"""

import base64
import gzip

from django.utils import timezone

from learning.models import Certificate
from learning.models.certificates import STATUS_LIST_SIZE

from . import credentials, openbadges


def encode(revoked_positions) -> str:
    """Multibase base64url (prefix `u`) of the GZIP-compressed bitstring; position 0 is the leftmost bit."""
    bits = bytearray(STATUS_LIST_SIZE // 8)
    for position in revoked_positions:
        bits[position // 8] |= 0x80 >> (position % 8)
    # mtime=0: the same list always compresses to the same bytes.
    return "u" + credentials.b64url(gzip.compress(bytes(bits), mtime=0))


def decode(encoded: str) -> bytes:
    if not encoded.startswith("u"):
        raise credentials.CredentialInvalid("not multibase base64url")
    data = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))


def is_set(bits: bytes, position: int) -> bool:
    return bool(bits[position // 8] & (0x80 >> (position % 8)))


def status_list_credential() -> dict:
    revoked = Certificate.objects.filter(status=Certificate.Status.REVOKED).values_list(
        "status_list_index", flat=True
    )
    url = openbadges.status_list_url()
    return {
        "@context": [credentials.VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": openbadges.issuer_did(),
        "validFrom": timezone.now().replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode(revoked),
        },
    }


def signed_status_list() -> str:
    return credentials.sign(status_list_credential(), kid=openbadges.verification_method())


def credential_revoked(claims: dict, status_list_token: str) -> bool:
    """Whether a verified credential's position is set in a (signed) status list, as a verifier checks it."""
    status = claims["credentialStatus"]
    listed = credentials.verify(status_list_token)
    if listed["id"] != status["statusListCredential"]:
        raise credentials.CredentialInvalid("the status list is not the one the credential names")
    bits = decode(listed["credentialSubject"]["encodedList"])
    return is_set(bits, int(status["statusListIndex"]))
