"""The rendered verification page in the shared cache: a QR code scanned by a room of people, or a
recruiter's checks, cost one cache read instead of a query and a template."""

from django.db import transaction

from home.site_cache import bump_version, site_key, version

TIMEOUT = 60 * 60


def _version_key(code: str) -> str:
    return f"certificate-page-version:{code}"


def key(request, code: str) -> str:
    return site_key(request, f"certificate-page:{code}:{version(_version_key(code))}")


def forget(code: str) -> None:
    """After the change commits (earlier, a reader could cache the old state under the new version)."""
    transaction.on_commit(lambda: bump_version(_version_key(code)))
