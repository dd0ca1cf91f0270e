"""Each page asks the cache server at most twice, with an empty cache and a warm one: every read a
page makes travels with the others (get_many), since each is a network round trip with Redis."""

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from core import site_cache
from tests.cache_isolation import forget_own_keys
from tests.factories import CohortFactory, EnrolmentFactory, catalogue, lessons_of, make_course
from tests.toolkits import factories as toolkits
from tests.workspace.conftest import cohort_of, enrol, make_trainer

pytestmark = pytest.mark.django_db

READS = ("get", "get_many", "has_key")
WRITES = ("set", "set_many", "write_many", "add", "incr", "decr", "delete", "delete_many", "touch")


@pytest.fixture
def round_trips(monkeypatch):
    """The cache backend itself, wrapped: each command it is sent, by kind."""
    backend = caches["default"]
    sent, depth = [], [0]
    for name in READS + WRITES:
        original = getattr(backend, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            # Local memory's get_many() is a loop of get(): only the command sent counts.
            if not depth[0]:
                sent.append(_name if _name != "get" else f"get {str(args[0])[:60]}")
            depth[0] += 1
            try:
                return _original(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(backend, name, counted)
    return sent


def pages(client):
    course = make_course(title="Voting rights", lessons=2)
    CohortFactory(course=course, capacity=5)
    enrolment = EnrolmentFactory(cohort=course.cohorts.first())
    shelf = toolkits.library()
    kit = toolkits.toolkit(shelf, documents=[(toolkits.document(), "en")])
    return {
        "home": ("/en/", None),
        "catalogue": (catalogue().url, None),
        "course": (course.url, None),
        "lesson, signed in": (lessons_of(course)[0].url, enrolment.user),
        "library": (shelf.url, None),
        "toolkit": (kit.url, None),
    }


def reads(sent) -> int:
    return sum(command.split()[0] in READS for command in sent)


def writes(sent) -> int:
    return sum(command.split()[0] in WRITES for command in sent)


@pytest.fixture
def site_pages(client):
    return pages(client)


@pytest.mark.parametrize("name", ["home", "catalogue", "course", "lesson, signed in", "library", "toolkit"])
def test_a_page_asks_the_cache_server_twice_at_most(name, site_pages, round_trips):
    url, user = site_pages[name]
    reader = Client()
    if user is not None:
        reader.force_login(user)
    assert reader.get(url).status_code == 200  # builds the page and learns what it reads

    # Cold: a publish has just retired everything the page is made of.
    site_cache._bump(site_cache.GLOBAL_TAGS)
    round_trips.clear()
    assert reader.get(url).status_code == 200
    # The tags with the header list, the (retired) page, the entries the page reads, then Wagtail's own
    # site root paths (read by Wagtail when the entry holding them is rebuilt); a signed-in reader skips
    # the page. What was built is written in one go, Django's page and header list with it.
    assert reads(round_trips) <= (3 if user else 4), round_trips
    assert round_trips[-1] == "write_many" and writes(round_trips) == 1, round_trips

    # Warm.
    round_trips.clear()
    assert reader.get(url).status_code == 200
    assert reads(round_trips) <= 2 and writes(round_trips) == 0, round_trips


def test_with_an_empty_cache_every_read_of_a_page_still_arrives(client, round_trips):
    """After a flush nothing is learnt yet: the page is built from the database and its reads are
    learnt again, so the next request, after a publish, is grouped as above."""
    url = pages(client)["home"][0]
    client.get(url)
    forget_own_keys()
    assert client.get(url).status_code == 200
    site_cache._bump(site_cache.GLOBAL_TAGS)
    round_trips.clear()
    assert client.get(url).status_code == 200
    assert reads(round_trips) <= 4, round_trips


@pytest.mark.parametrize("name", ["home", "catalogue", "course", "lesson, signed in", "library", "toolkit"])
def test_with_an_empty_cache_a_page_does_not_read_its_entries_one_by_one(name, site_pages, round_trips):
    """A tag version this request started itself (the cache was flushed, or evicted it) is carried by no
    entry yet: the page builds them without asking the server for each (core.site_cache.tag_versions)."""
    url, user = site_pages[name]
    reader = Client()
    if user is not None:
        reader.force_login(user)
    assert reader.get(url).status_code == 200
    forget_own_keys()
    round_trips.clear()
    assert reader.get(url).status_code == 200
    # The whole page's header list, or a signed-in reader's session, with the tags and the list of what
    # the page read last time: all missing, so nothing else is asked for. Then everything the page built
    # in one write, and a signed-in reader's session copied from the database to the cache on its own
    # (as Django's cached_db does, at once: see core.middleware._session_from_database).
    assert reads(round_trips) == 1, round_trips
    assert round_trips[-1] == "write_many" and writes(round_trips) == (2 if user else 1), round_trips


@pytest.mark.parametrize("name", ["cohorts", "cohort", "matrix"])
def test_a_trainer_page_asks_the_cache_server_twice_at_most(name, round_trips):
    """A Django view's page (the trainer's workspace) reads the header's entries, the course outline and
    the legal versions too: learnt and read together as a Wagtail page's are, not one GET each."""
    trainer = make_trainer()
    cohort = cohort_of(trainer, course=make_course(lessons=3), title="Spring cohort")
    enrol(cohort)
    url = reverse(f"learning:workspace:{name}", args=[] if name == "cohorts" else [cohort.pk])
    reader = Client()
    reader.force_login(trainer)
    assert reader.get(url).status_code == 200  # builds the entries and learns what the page reads
    round_trips.clear()
    assert reader.get(url).status_code == 200
    # The session, the tags and what the page read last time, then the entries themselves.
    assert reads(round_trips) <= 2 and writes(round_trips) == 0, round_trips

    # Cold: the same two reads (all retired), then what was rebuilt in one write. The site root paths
    # that the outline's links need come from that same cache, not from Wagtail's own entry.
    site_cache._bump(site_cache.GLOBAL_TAGS)
    round_trips.clear()
    assert reader.get(url).status_code == 200
    assert reads(round_trips) <= 2, round_trips
    assert round_trips[-1] == "write_many" and writes(round_trips) == 1, round_trips


def test_a_django_view_that_reads_no_cache_entry_asks_the_cache_server_no_more(client, round_trips):
    """Grouping the reads of the site's views costs a view that reads nothing shared no round trip:
    anonymous, none (as the bench's bare view, the yardstick of every ratio); signed in, the session with
    the tags and the learnt list, then the legal versions the consent check reads (3 one by one before)."""
    assert client.get("/robots.txt").status_code == 200
    round_trips.clear()
    assert client.get("/robots.txt").status_code == 200
    assert reads(round_trips) == 0, round_trips

    client.force_login(make_trainer())
    assert client.get("/robots.txt").status_code == 200
    round_trips.clear()
    assert client.get("/robots.txt").status_code == 200
    assert reads(round_trips) <= 2, round_trips
