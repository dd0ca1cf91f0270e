"""The Open Badges 3.0 credential of a certificate, and its three signed forms.

- `signed_credential`: the credential with an embedded Data Integrity proof (`eddsa-rdfc-2022`), the plain
  JSON a wallet imports (the Learner Credential Wallet verifies only embedded proofs).
- `vc_jose_credential`: the same credential as a VC-JOSE `EnvelopedVerifiableCredential` (EdDSA JWS), for
  generic VC Data Model 2.0 verifiers.
- `jwt_credential`: the Open Badges 3.0 JWT (ES256), the form 1EdTech's validator accepts.

The issuer is `did:web:<site host>` (issuer.py): everything needed to check any form is published there.
"""

import datetime
import uuid
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from . import credentials, data_integrity, issuer, jwt_proof, keys
from .images import design_for, image_data_url, issuer_settings
from .issuer import issuer_did, site_url
from .linked_data import OB_CONTEXT, OB_EXTENSIONS_CONTEXT, VC_CONTEXT

__all__ = ["issuer_did", "site_url"]

SCHEMA_URL = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
SCHEMA_TYPE = "1EdTechJsonSchemaValidator2019"
# Open Badges images as wallets show them: small squares (a wide logo keeps its proportions inside).
BADGE_IMAGE = "max-400x400"
SCHEMA_FILE = Path(__file__).parent / "schemas" / "ob_v3p0_achievementcredential_schema.json"


def verification_url(certificate, language: str | None = None) -> str:
    """The public page; without a language, the visitor's own is chosen when they follow it."""
    with translation.override(language or settings.LANGUAGE_CODE):
        path = reverse("certificates:verify", args=[certificate.code])
    if language is None:
        path = "/" + path.lstrip("/").split("/", 1)[1]  # drop the language prefix
    return site_url() + path


def status_list_url() -> str:
    return site_url() + reverse("certificate_status_list", args=[1])


def iso(moment) -> str:
    return moment.astimezone(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def subject_id(certificate) -> str:
    """A URI for the holder in this credential only (the JWT's `sub`). Derived from the credential's own
    address, it names nobody and links none of the holder's other credentials together."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, verification_url(certificate) + '#subject')}"


def _identifiers(certificate) -> list[dict]:
    identifiers = []
    if certificate.recipient_hash:
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityType": "emailAddress",
                "hashed": True,
                "identityHash": certificate.recipient_hash,
                "salt": certificate.recipient_salt,
            }
        )
    # The name as printed: what a person reading the badge checks it against.
    identifiers.append(
        {
            "type": "IdentityObject",
            "identityType": "name",
            "hashed": False,
            "identityHash": certificate.learner_name,
        }
    )
    return identifiers


def criteria(certificate) -> str:
    """What the holder had to do: the editors' words for the course, else what the platform knows for sure
    (the course was completed, with its hours), in the language of the course text. Never the description:
    an employer reading the badge asks what was required, not what the course is about."""
    if certificate.achievement_criteria:
        return certificate.achievement_criteria
    with translation.override(certificate.text_language or certificate.language):
        return _(
            "Completed the course “%(course)s”: %(hours)s hours of learning, "
            "completion confirmed by %(issuer)s."
        ) % {
            "course": certificate.course_title,
            "hours": certificate.hours,
            "issuer": certificate.issuer_name,
        }


def credential(certificate) -> dict:
    """The unsigned OpenBadgeCredential (VC Data Model 2.0) for `certificate`'s snapshot."""
    status_url = status_list_url()
    description = certificate.achievement_description or certificate.course_title
    profile = {"id": issuer_did(), "type": ["Profile"], "name": certificate.issuer_name, "url": site_url()}
    settings = issuer_settings()
    logo = image_data_url(settings.logo, BADGE_IMAGE)
    if logo:
        profile["image"] = {"id": logo, "type": "Image", "caption": certificate.issuer_name}
    achievement = {
        "id": f"urn:uuid:{certificate.course_key}",
        "type": ["Achievement"],
        "name": certificate.course_title,
        "description": description,
        "criteria": {"narrative": criteria(certificate)},
        "achievementType": "Certificate",
        "inLanguage": certificate.text_language or certificate.language,
        "creator": profile,
    }
    # The badge a wallet shows: the course design's seal, else the issuer's logo.
    design = design_for(certificate)
    badge = (image_data_url(design.seal, BADGE_IMAGE) if design.pk else "") or logo
    if badge:
        achievement["image"] = {"id": badge, "type": "Image", "caption": certificate.course_title}
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT, OB_EXTENSIONS_CONTEXT],
        "id": verification_url(certificate),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.course_title,
        "issuer": profile,
        "validFrom": iso(certificate.issued_at),
        "credentialSubject": {
            "id": subject_id(certificate),
            "type": ["AchievementSubject"],
            "identifier": _identifiers(certificate),
            "achievement": achievement,
            "activityEndDate": certificate.completed_on.isoformat() + "T00:00:00Z",
        },
        "credentialSchema": [{"id": SCHEMA_URL, "type": SCHEMA_TYPE}],
        "credentialStatus": {
            "id": f"{status_url}#{certificate.status_list_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(certificate.status_list_index),
            "statusListCredential": status_url,
        },
    }


def signed_credential(certificate) -> dict:
    """What a wallet imports: the credential with its Data Integrity proof."""
    issuer.record_current_keys()
    return data_integrity.add_proof(
        credential(certificate),
        key=keys.signing_key(),
        verification_method=issuer.multikey_method(),
        # The issue time, not the download time: the same certificate always downloads as the same bytes.
        created=iso(certificate.issued_at),
        as_set=True,
    )


def vc_jose_credential(certificate) -> dict:
    """The credential signed as VC-JOSE, as a JSON envelope (VC Data Model 2.0, §4.13)."""
    issuer.record_current_keys()
    return credentials.envelope(credentials.sign(credential(certificate), kid=issuer.jose_method()))


def jwt_credential(certificate) -> str:
    """The Open Badges 3.0 JWT (compact JWS, ES256)."""
    issuer.record_current_keys()
    return jwt_proof.sign(credential(certificate), kid=issuer.es256_method())
