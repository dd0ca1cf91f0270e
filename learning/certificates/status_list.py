"""Revocation published as a W3C Bitstring Status List: one bit per certificate, set when it is revoked.

The list is a BitstringStatusListCredential at a stable URL, in JSON with an embedded Data Integrity proof
(what wallets read: the DCC's verifier-core loads it as JSON-LD and checks its proof) and, on request
(`Accept: application/vc+jwt`), as a VC-JOSE JWS for the verifiers that want that. Every certificate has its
own position (`status_list_index`), drawn at random so that positions say nothing about order of issue or
about neighbours, as the specification recommends; the list is at least 131,072 bits long for the same
reason.

The list is signed when asked for and may be kept by caches for `CERTIFICATE_STATUS_LIST_TTL` seconds: its
`validUntil` and its `ttl` say the same, so a verifier never trusts a copy longer than a cache may keep it.
"""

import base64
import datetime
import gzip

from django.conf import settings
from django.utils import timezone

from . import credentials, data_integrity, issuer, keys, openbadges
from .linked_data import VC_CONTEXT
from .models import STATUS_LIST_SIZE, Certificate


def encode(revoked_positions) -> str:
    """Multibase base64url (prefix `u`) of the GZIP-compressed bitstring; position 0 is the leftmost bit."""
    bits = bytearray(STATUS_LIST_SIZE // 8)
    for position in revoked_positions:
        bits[position // 8] |= 0x80 >> (position % 8)
    # mtime=0: the same list always compresses to the same bytes.
    return "u" + keys.b64url(gzip.compress(bytes(bits), mtime=0))


def decode(encoded: str) -> bytes:
    if not encoded.startswith("u"):
        raise credentials.CredentialInvalid("not multibase base64url")
    data = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))


def is_set(bits: bytes, position: int) -> bool:
    return bool(bits[position // 8] & (0x80 >> (position % 8)))


def ttl() -> int:
    """Seconds a copy of the list may be kept: its HTTP max-age, and the span of its validity."""
    return settings.CERTIFICATE_STATUS_LIST_TTL


# A verifier whose clock runs behind ours would read a list dated "now" as not yet valid and fail every
# status check: the list is dated this much earlier. Its end (validUntil) is what caches must match.
CLOCK_SKEW = datetime.timedelta(seconds=60)


def status_list_credential(now: datetime.datetime | None = None) -> dict:
    revoked = Certificate.objects.filter(status=Certificate.Status.REVOKED).values_list(
        "status_list_index", flat=True
    )
    url = openbadges.status_list_url()
    now = (now or timezone.now()).replace(microsecond=0)
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer.issuer_did(),
        "validFrom": openbadges.iso(now - CLOCK_SKEW),
        "validUntil": openbadges.iso(now + datetime.timedelta(seconds=ttl())),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode(revoked),
            "ttl": ttl() * 1000,  # milliseconds, as the specification counts it
        },
    }


def signed_status_list(now: datetime.datetime | None = None) -> dict:
    """The list with its Data Integrity proof (JSON), as wallets read it."""
    issuer.record_current_keys()
    listed = status_list_credential(now)
    return data_integrity.add_proof(
        listed,
        key=keys.signing_key(),
        verification_method=issuer.multikey_method(),
        created=listed["validFrom"],
    )


def status_list_jwt(now: datetime.datetime | None = None) -> str:
    """The list as a VC-JOSE JWS, for the verifiers of the VC-JOSE form."""
    issuer.record_current_keys()
    return credentials.sign(status_list_credential(now), kid=issuer.jose_method())


def credential_revoked(claims: dict, status_list) -> bool:
    """Whether a credential's position is set in a status list (the signed JSON or the JWS), after checking
    the list's own signature, as a verifier does."""
    status = claims["credentialStatus"]
    if isinstance(status_list, dict):
        try:
            listed = data_integrity.verify_proof(
                status_list,
                public_key=keys.signing_key().public_key(),
                verification_method=issuer.multikey_method(),
            )
        except data_integrity.ProofInvalid as error:
            raise credentials.CredentialInvalid(str(error)) from error
    else:
        listed = credentials.verify(status_list)
    if listed["id"] != status["statusListCredential"]:
        raise credentials.CredentialInvalid("the status list is not the one the credential names")
    bits = decode(listed["credentialSubject"]["encodedList"])
    return is_set(bits, int(status["statusListIndex"]))
