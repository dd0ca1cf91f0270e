"""A version number for "seats left": bumped whenever an enrolment takes or frees a seat or a cohort
changes, so pages that show seat counts can be cached and still never show a stale count."""

from django.core.cache import cache

KEY = "learning-seats-version"


def seats_version() -> int:
    return cache.get_or_set(KEY, 1, timeout=None)


def bump_seats_version(**_signal_kwargs) -> None:
    try:
        cache.incr(KEY)
    except ValueError:  # evicted or never set
        cache.set(KEY, 2, timeout=None)
