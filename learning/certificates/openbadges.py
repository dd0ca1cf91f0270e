"""The Open Badges 3.0 credential of a certificate, and the did:web identity of its issuer.

The issuer is `did:web:<site host>`: its DID document, at /.well-known/did.json, publishes the public half of
the signing key, so anyone can check a credential without asking us anything else.
"""

import datetime
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from . import credentials

OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
KEY_ID = "key-1"


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def issuer_did() -> str:
    """did:web of the site's host; a port is percent-encoded, as the did:web method requires."""
    netloc = urlsplit(site_url()).netloc
    return "did:web:" + quote(netloc, safe="")


def verification_method() -> str:
    return f"{issuer_did()}#{KEY_ID}"


def did_document() -> dict:
    did = issuer_did()
    method = verification_method()
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"],
        "id": did,
        "verificationMethod": [
            {
                "id": method,
                "type": "JsonWebKey2020",
                "controller": did,
                "publicKeyJwk": credentials.public_jwk(),
            }
        ],
        "assertionMethod": [method],
        "authentication": [method],
    }


def verification_url(certificate, language: str | None = None) -> str:
    """The public page; without a language, the visitor's own is chosen when they follow it."""
    with translation.override(language or settings.LANGUAGE_CODE):
        path = reverse("certificates:verify", args=[certificate.code])
    if language is None:
        path = "/" + path.lstrip("/").split("/", 1)[1]  # drop the language prefix
    return site_url() + path


def status_list_url() -> str:
    return site_url() + reverse("certificate_status_list", args=[1])


def _iso(moment) -> str:
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def credential(certificate) -> dict:
    """The unsigned OpenBadgeCredential (VC Data Model 2.0) for `certificate`'s snapshot."""
    status_url = status_list_url()
    issued = certificate.issued_at.astimezone(datetime.UTC)
    narrative = certificate.achievement_description or certificate.course_title
    return {
        "@context": [credentials.VC_CONTEXT, OB_CONTEXT],
        "id": verification_url(certificate),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.course_title,
        "issuer": {
            "id": issuer_did(),
            "type": ["Profile"],
            "name": certificate.issuer_name,
            "url": site_url(),
        },
        "validFrom": _iso(issued),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": certificate.learner_name,
                }
            ],
            "achievement": {
                "id": f"urn:uuid:{certificate.course_key}",
                "type": ["Achievement"],
                "name": certificate.course_title,
                "description": narrative,
                "criteria": {"narrative": narrative},
                "achievementType": "Certificate",
                "inLanguage": certificate.language,
                "creator": {"id": issuer_did(), "type": ["Profile"], "name": certificate.issuer_name},
            },
            "activityEndDate": certificate.completed_on.isoformat() + "T00:00:00Z",
        },
        "credentialStatus": {
            "id": f"{status_url}#{certificate.status_list_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(certificate.status_list_index),
            "statusListCredential": status_url,
        },
    }


def signed_credential(certificate) -> dict:
    """What the learner downloads: the credential, signed, as a JSON envelope."""
    return credentials.envelope(credentials.sign(credential(certificate), kid=verification_method()))
