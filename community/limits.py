"""How often a person may post: the site's rate-limit helper (allauth's, the one the sign-in forms use),
counted per person in the cache, so the limit holds across processes once CACHE_URL points at Redis."""

import time

from allauth.core.internal.ratelimit import apply_rate, cache_lock, parse_rates
from django.conf import settings
from django.core.cache import cache


def consume_post_allowance(user) -> bool:
    """True, and counted, if `user` may post now; False once they reached COMMUNITY_POST_RATE."""
    rates = parse_rates(settings.COMMUNITY_POST_RATE)
    keys = [f"community:rl:post:{rate.amount}/{rate.duration}:{user.pk}" for rate in rates]
    now = time.time()
    histories = []
    for rate, key in zip(rates, keys, strict=True):
        with cache_lock(key):
            allowed, history = apply_rate(cache.get(key, []), now, rate, dry_run=True)
        if not allowed:
            return False
        histories.append(history)
    for rate, key in zip(rates, keys, strict=True):
        with cache_lock(key):
            _allowed, history = apply_rate(cache.get(key, []), now, rate)
            cache.set(key, history, rate.duration)
    return True
