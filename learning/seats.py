"""A version number for "seats left": bumped whenever an enrolment takes or frees a seat or a cohort
changes, so pages that show seat counts can be cached and still never show a stale count."""

from home.site_cache import bump_version, version

KEY = "learning-seats-version"


def seats_version() -> int:
    return version(KEY)


def bump_seats_version(**_signal_kwargs) -> None:
    bump_version(KEY)
