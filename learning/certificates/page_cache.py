"""The rendered verification page in the shared cache: a QR code scanned by a room of people, or a
recruiter's checks, cost one cache read instead of a query and a template. The entry depends on the
content (the header, the footer) and on the certificate's own tag, which every write of the certificate
retires once it commits (the registration in learning/certificates/apps.py)."""

from core.site_cache import CONTENT, retire, site_key

TIMEOUT = 60 * 60


def _tag(code: str) -> str:
    return f"certificate:{code}"


def key(request, code: str) -> str:
    return site_key(request, f"certificate-page:{code}", tags=(CONTENT, _tag(code)))


def forget(code: str) -> None:
    """For a change to what the page shows that is not a write of the certificate row itself."""
    retire(_tag(code))
