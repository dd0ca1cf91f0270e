"""The one shared cache of what is the same for every visitor, and the one way its entries retire.

Every entry depends on *tags*: `CONTENT` (what editors publish: pages, settings, snippets, documents,
images, sites, locales), `SEATS` (cohorts and enrolments, shown as seats left in the catalogue) or a tag
of one object (`certificate:<code>`). Each tag has a version in the shared cache, and an entry's key
carries the versions of the tags it depends on: retiring a tag moves its version, and every entry built
on the old one is unreachable at once, on every app server.

There is one invalidation path. Models declare their tags with `register()`, which connects their
signals (and Wagtail's page signals); a write through `QuerySet.update()` or `bulk_create()`, which
sends no signal, retires them through `RetiringQuerySet`. Every retirement runs after the write's
transaction commits (`transaction.on_commit`): run before, a reader could still read the old rows and
cache them under the new version — Wagtail approves a moderated page and deletes pages inside a
transaction. tests/core/test_cache_registry.py writes every registered model in every way it can be
written and fails if an entry survives.

Keys also carry the code's version (`CODE_VERSION`): a deploy never reads entries that an older code
pickled. Tag versions do not, so servers of two releases running side by side retire each other's
entries. Whatever a visitor typed is hashed before it reaches a key.

If the cache server is down, reads miss and writes are dropped (config/settings/base.py): pages are built
from the database, slower, and a retirement that could not reach the server is logged.
"""

import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

CONTENT = "content"
SEATS = "seats"
GLOBAL_TAGS = (CONTENT, SEATS)  # read together, once per request
TIMEOUT = 60 * 60 * 24


def _code_version() -> str:
    """A setting a deploy may set (CACHE_CODE_VERSION), else a digest of the project's code and
    templates and of Django's and Wagtail's versions: any change a deploy brings changes it."""
    if getattr(settings, "CACHE_CODE_VERSION", ""):
        return settings.CACHE_CODE_VERSION
    digest = hashlib.sha256(f"{django.__version__}:{wagtail.__version__}".encode())
    base = Path(settings.BASE_DIR)
    for folder in ("config", "core", "home", "accounts", "learning", "toolkits", "outbox", "site"):
        for path in sorted((base / folder).rglob("*")):
            if path.suffix in {".py", ".html"} and "migrations" not in path.parts:
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


CODE_VERSION = _code_version()


# Tags ---------------------------------------------------------------------------------------------


def _tag_key(tag: str) -> str:
    if tag in GLOBAL_TAGS:
        return f"tag:{tag}"
    # A tag of one object may come from a URL (a certificate's code): hashed, so its length is bounded.
    return f"tag:{hashlib.sha256(tag.encode()).hexdigest()[:32]}"


def tag_versions(tags: Iterable[str], request=None) -> dict[str, int]:
    """The current version of each tag, in one round trip at most (memoised on the request; a tag that
    the request's first read found absent is not asked for again)."""
    memo = request.__dict__.setdefault("_cache_tags", {}) if request is not None else {}
    wanted = [tag for tag in tags if tag not in memo]
    if wanted:
        absent = request.__dict__.get("_absent_tags", ()) if request is not None else ()
        asked = [_tag_key(tag) for tag in wanted if tag not in absent]
        found = cache.get_many(asked) if asked else {}
        for tag in wanted:
            version = found.get(_tag_key(tag))
            memo[tag] = _start(tag, request) if version is None else version
    return {tag: memo[tag] for tag in tags}


def _start(tag: str, request=None) -> int:
    """A first version for a tag never retired, or evicted: from the clock, never a number an older entry
    could still carry. It is written only if the tag is still absent then, so whichever server started it
    first keeps it. A tag of one object outlives every entry built on it, then expires (a mistyped
    certificate code leaves nothing)."""
    timeout = None if tag in GLOBAL_TAGS else 2 * TIMEOUT
    started = time.time_ns()
    if request is not None and _state(request)["pending"] is not None:
        # Written with the request's other writes (`flush`). If another server starts the tag first, or a
        # write retires it meanwhile, what this request builds on it is never reached: never stale.
        _state(request)["starts"][_tag_key(tag)] = (started, timeout)
    elif not cache.add(_tag_key(tag), started, timeout=timeout):
        return cache.get(_tag_key(tag)) or time.time_ns()  # the clock: the cache is down
    # Started here: no entry can carry this version yet, so this request's entries tagged with it are
    # built without asking the server for each (see site_key).
    if request is not None:
        request.__dict__.setdefault("_new_tags", set()).add(tag)
    return started


def read_with_tags(request, keys: Iterable[str], tags: Iterable[str] = GLOBAL_TAGS) -> dict:
    """`cache.get_many(keys)` that also brings the versions of `tags` the request does not know yet, in
    the same round trip (the whole-page cache reads a URL's entry and the tags it depends on together)."""
    memo = request.__dict__.setdefault("_cache_tags", {})
    absent = request.__dict__.setdefault("_absent_tags", set())
    wanted = {_tag_key(tag): tag for tag in tags if tag not in memo}
    found = cache.get_many([*keys, *wanted])
    for key, tag in wanted.items():
        if found.get(key) is not None:
            memo[tag] = found.pop(key)
        else:
            absent.add(tag)
    return found


def _bump(tags: Iterable[str]) -> None:
    for tag in tags:
        try:
            moved = cache.incr(_tag_key(tag))
        except ValueError:  # never read, or evicted: any new number retires what was built before
            cache.set(_tag_key(tag), time.time_ns(), timeout=None if tag in GLOBAL_TAGS else 2 * TIMEOUT)
            continue
        if moved is None:  # django-redis answers None for a command it could not send
            logger.error("Could not retire cached entries tagged %r: the cache server did not answer", tag)


def retire(*tags: str) -> None:
    """Retire every entry that depends on `tags`, once the current transaction commits."""
    if tags:
        transaction.on_commit(partial(_bump, tags))


# The registry -------------------------------------------------------------------------------------

Tags = tuple[str, ...] | Callable[[models.Model], Iterable[str]]


class _Rule:
    def __init__(self, tags: Tags, ignore_fields: Iterable[str], creation_retires: bool = True):
        self.tags, self.ignore_fields = tags, frozenset(ignore_fields)
        self.creation_retires = creation_retires

    def tags_for(self, instance) -> tuple[str, ...]:
        return tuple(self.tags(instance)) if callable(self.tags) else self.tags


_registry: dict[type[models.Model], _Rule] = {}


def registered() -> dict[type[models.Model], _Rule]:
    """Every model whose rows show in cached entries, with the rule saying what its writes retire."""
    return dict(_registry)


def rule_for(model: type[models.Model]) -> _Rule | None:
    return next((_registry[cls] for cls in model.__mro__ if cls in _registry), None)


def _on_write(sender, instance=None, update_fields=None, created=False, **_kwargs):
    rule = rule_for(sender)
    if rule is None or (created and not rule.creation_retires):
        return
    if update_fields and set(update_fields) <= rule.ignore_fields:
        return  # bookkeeping nobody sees outside the admin (a page's new draft, its lock)
    retire(*rule.tags_for(instance))


def register(
    model: type[models.Model],
    tags: Tags = (CONTENT,),
    *,
    ignore_fields: Iterable[str] = (),
    creation_retires: bool = True,
) -> None:
    """Declare that `model`'s rows show in entries tagged `tags` (a tuple, or a function of the row);
    subclasses follow (every page type follows Page). A save of `ignore_fields` alone retires nothing.
    `creation_retires=False` is for rows made while a page is rendered, which no entry built before can
    show (an image's renditions): only their changes and deletions retire (and a `bulk_create` through
    `RetiringQuerySet`, which may update rows too).
    A model written with `QuerySet.update()` also needs `RetiringQuerySet` for its manager."""
    _registry[model] = _Rule(tags, ignore_fields, creation_retires)


def connect() -> None:
    """One receiver for every model's writes: registering a model needs no signal wiring of its own."""
    post_save.connect(_on_write, weak=False, dispatch_uid="site-cache-saved")
    post_delete.connect(_on_write, weak=False, dispatch_uid="site-cache-deleted")


class RetiringQuerySet(models.QuerySet):
    """For registered models: the writes that send no signal retire the model's tags themselves."""

    def update(self, **kwargs):  # bulk_update() goes through here too
        rule = rule_for(self.model)
        if rule is not None and not set(kwargs) <= rule.ignore_fields:
            if callable(rule.tags):
                for instance in self:
                    retire(*rule.tags_for(instance))
            else:
                retire(*rule.tags)
        return super().update(**kwargs)

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        rule = rule_for(self.model)
        for instance in created if rule is not None else ():
            retire(*rule.tags_for(instance))
        return created


# Entries ------------------------------------------------------------------------------------------


def _host(request) -> str:
    """The request's host, checked against ALLOWED_HOSTS once: a page builds some forty keys, and Django
    parses and checks the Host header anew on every `get_host()` (a tenth of a lesson page's time)."""
    host = request.__dict__.get("_site_cache_host")
    if host is None:
        host = request.__dict__["_site_cache_host"] = request.get_host()
    return host


def site_key(request, name: str, tags: Iterable[str] = (CONTENT,)) -> str:
    """The cache key of `name` for this request's site (host), language, code and tag versions."""
    tags = tuple(tags)
    memo = request.__dict__.get("_cache_tags", {})
    if not all(tag in memo for tag in (*GLOBAL_TAGS, *tags)):
        # The global tags come in one read per request, however many entries the page has.
        memo = tag_versions((*GLOBAL_TAGS, *(tag for tag in tags if tag not in GLOBAL_TAGS)), request)
    stamp = ".".join(str(memo[tag]) for tag in tags)
    key = f"{CODE_VERSION}:site:{name}:{_host(request)}:{get_language()}:{stamp}"
    if not request.__dict__.get("_new_tags", set()).isdisjoint(tags):
        _state(request)["missing"].add(key)  # a version this request started: nothing to read yet
    return key


# A page's reads, grouped. A page learns which entries it reads (their names and tags, under a key of its
# address and language that carries no tag version): the next request for it reads that list with the
# tag versions (first round trip), then every entry at once (second), and writes what it had to build in
# one go when its response is ready (`flush`). Addresses with a query string learn nothing: what anyone
# types must not fill the cache.
MAX_LEARNT = 64


def _needs_key(request) -> str:
    path = hashlib.sha256(request.path.encode()).hexdigest()[:32]
    return f"{CODE_VERSION}:needs:{_host(request)}:{get_language()}:{path}"


def _state(request) -> dict:
    return request.__dict__.setdefault(
        "_site_reads",
        {"memo": {}, "missing": set(), "used": {}, "learnt": None, "pending": None, "starts": {}},
    )


def read_first(request, keys: Iterable[str] = ()) -> dict:
    """First round trip: `keys` (entries whose keys need no tag version), the tag versions, and the list
    of entries this address read last time."""
    state = _state(request)
    keys = list(keys)
    if state["learnt"] is not None and not keys:
        return {}
    learn = state["learnt"] is None and not request.META.get("QUERY_STRING")
    found = read_with_tags(request, [*keys, *([_needs_key(request)] if learn else [])])
    if state["learnt"] is None:
        state["learnt"] = dict(found.pop(_needs_key(request), None) or {}) if learn else {}
    return found


def read_second(request, names: Iterable[str] = (), keys: Iterable[str] = ()) -> dict:
    """Second round trip: the entries `names` and those learnt (memoised for `cached_per_site`), and
    `keys` (returned)."""
    read_first(request)
    state = _state(request)
    wanted = dict.fromkeys(names, (CONTENT,)) | state["learnt"]
    entries = {site_key(request, name, tags): name for name, tags in wanted.items()}
    entries = {
        key: name for key, name in entries.items() if key not in state["memo"] and key not in state["missing"]
    }
    keys = list(keys)
    if not entries and not keys:
        return {}
    found = cache.get_many([*entries, *keys])
    for key in entries:
        if key in found:
            state["memo"][key] = found.pop(key)
        else:
            state["missing"].add(key)
    return found


def prefetch(request, names) -> None:
    """Read several per-site entries, and those the page read last time, in two round trips at most."""
    read_second(request, names)


def batch_writes(request) -> None:
    """Hold this request's writes until `flush` (called once the response is ready)."""
    _state(request)["pending"] = {}


def flush(request, *, learn: bool) -> None:
    """Write what the request built, the tags it started and what it learnt of its reads, in one round
    trip."""
    state = _state(request)
    pending, starts = state["pending"] or {}, state["starts"]
    state["pending"], state["starts"] = None, {}
    used = {name: tags for name, tags in state["used"].items() if set(tags) <= set(GLOBAL_TAGS)}
    if learn and not request.META.get("QUERY_STRING") and state["learnt"] is not None:
        merged = {**state["learnt"], **used}
        if merged != state["learnt"] and len(merged) <= MAX_LEARNT:
            pending.setdefault(TIMEOUT, {})[_needs_key(request)] = merged
    writes = [(key, version, timeout, True) for key, (version, timeout) in starts.items()]
    for timeout, values in pending.items():
        writes += [(key, value, timeout, False) for key, value in values.items()]
    if writes:
        _write_many(writes)


def _write_many(writes) -> None:
    """One round trip (core.cache_backend); a cache backend of another kind gets them one by one."""
    write_many = getattr(cache, "write_many", None)
    if write_many is not None:
        write_many(writes)
        return
    for key, value, timeout, only_if_absent in writes:
        (cache.add if only_if_absent else cache.set)(key, value, timeout)


def lookup(request, key: str):
    """The entry under `key`: from what this request already read, else from the cache server."""
    state = _state(request)
    if key in state["memo"]:
        return state["memo"][key]
    return None if key in state["missing"] else cache.get(key)


def store(request, key: str, value, timeout=TIMEOUT) -> None:
    """Cache `value` under `key`, with the request's other writes when they are batched."""
    state = _state(request)
    state["memo"][key] = value
    if state["pending"] is not None:
        state["pending"].setdefault(timeout, {})[key] = value
    else:
        cache.set(key, value, timeout)


def cached_per_site(request, name: str, compute, *, tags: Iterable[str] = (CONTENT,), timeout=TIMEOUT):
    """`compute()` cached per site (host), language and the versions of `tags`."""
    tags = tuple(tags)
    key = site_key(request, name, tags)
    # The title and the header both show the organisation's name: ask the cache server once.
    state = _state(request)
    state["used"][name] = tags
    if key in state["memo"]:
        return state["memo"][key]
    value = lookup(request, key)
    if value is None:
        store(request, key, value := compute(), timeout)
    state["memo"][key] = value
    return value
