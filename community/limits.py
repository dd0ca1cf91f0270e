"""How often a person may post: the site's rate-limit helper (allauth's, the one the sign-in forms use),
counted per person in the cache, so the limit holds across processes once CACHE_URL points at Redis.
The network's messages count through the same helper, each kind of writing under its own scope."""

import time

from allauth.core.internal.ratelimit import apply_rate, cache_lock, parse_rates
from django.conf import settings
from django.core.cache import cache


def consume_allowance(user, *, rates: str, scope: str) -> bool:
    """True, and counted, if `user` may write in `scope` now; False once they reached `rates` (e.g.
    "8/5m/user,100/d/user"). Nothing is counted when one of the rates refuses."""
    parsed = parse_rates(rates)
    keys = [f"{scope}:{rate.amount}/{rate.duration}:{user.pk}" for rate in parsed]
    now = time.time()
    for rate, key in zip(parsed, keys, strict=True):
        with cache_lock(key):
            allowed, _history = apply_rate(cache.get(key, []), now, rate, dry_run=True)
        if not allowed:
            return False
    for rate, key in zip(parsed, keys, strict=True):
        with cache_lock(key):
            _allowed, history = apply_rate(cache.get(key, []), now, rate)
            cache.set(key, history, rate.duration)
    return True


def consume_post_allowance(user) -> bool:
    """True, and counted, if `user` may post now; False once they reached COMMUNITY_POST_RATE."""
    return consume_allowance(user, rates=settings.COMMUNITY_POST_RATE, scope="community:rl:post")
