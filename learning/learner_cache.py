"""A trainee's own records, as the lesson page reads them, cached in the shared cache.

Every lesson view needs the trainee's enrolment in the course, the lessons they finished and their quiz
attempts and reflections on the lesson: four queries that cost more than rendering the page. They change
only when the trainee (or a trainer) writes one of those rows, so they are cached under a per-trainee
version, and any write to the trainee's enrolments, progress, attempts or reflections moves that version
(signals in apps.py; `forget_learner` after the services' queryset updates, which send no signal).

The version moves after the commit: moved earlier, a reader could cache what it read before the commit
under the new version. It lives in the shared cache (Redis in production), so every app server agrees.
"""

from collections.abc import Callable

from django.core.cache import cache

from home.site_cache import CODE_VERSION, TIMEOUT, retire, tag_versions


def _tag(user_id: int) -> str:
    return f"learner:{user_id}"


def forget_learner(user_id: int | None) -> None:
    """Retire what is cached of `user_id`'s records once the current transaction commits."""
    if user_id is not None:
        retire(_tag(user_id))


def cached_records(user_id: int, parts: dict[str, Callable[[dict], object]]) -> dict:
    """`{name: compute(found)}` for each part, from the cache when the trainee's records have not changed.

    All parts come in one round trip to the cache server; only the missing ones are computed, in order,
    each given the parts before it (a lesson's records need the course's enrolment).
    """
    tag = _tag(user_id)
    prefix = f"{CODE_VERSION}:learning-learner:{user_id}:{tag_versions([tag])[tag]}:"
    found = cache.get_many([prefix + name for name in parts])
    values, missing = {}, {}
    for name, compute in parts.items():
        if prefix + name in found:
            values[name] = found[prefix + name]
        else:
            values[name] = missing[prefix + name] = compute(values)
    if missing:
        cache.set_many(missing, TIMEOUT)
    return values
