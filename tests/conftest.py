import pytest
from django.conf import settings
from django.db import transaction
from django.test.utils import setup_databases, teardown_databases
from django.utils import timezone, translation
from pytest_django.fixtures import _get_databases_for_setup  # the databases the collected tests use

from tests.cache_isolation import forget_own_keys
from tests.demo_snapshot import put_demo
from tests.migrated_template import prepare_test_database, release_test_database

# Races need real parallel connections. Skipping at collection (not in a fixture) matters: a transactional
# test that skips after its database fixture started would still flush the database on teardown.
requires_postgres = pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="needs PostgreSQL: SQLite serialises every writer, so there is no race to test",
)


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """pytest-django's set-up, on a test database copied from a migrated template (tests/migrated_template.py)
    rather than migrated again by every test process; torn down (dropped) as pytest-django does."""
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    with django_db_blocker.unblock():
        for alias in aliases:
            prepare_test_database(alias)
        config = setup_databases(
            verbosity=0,
            interactive=False,
            keepdb=True,
            aliases=aliases,
            serialized_aliases=serialized_aliases,
        )
    yield
    with django_db_blocker.unblock():
        teardown_databases(config, verbosity=0)
        for alias in aliases:
            release_test_database(alias)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate-limit counters live in the cache (Redis on CI): never let one test's attempts leak into the next.
    # Only this run's keys go: the server may be shared (see tests/cache_isolation.py).
    forget_own_keys()
    yield
    forget_own_keys()


@pytest.fixture(autouse=True)
def _default_language():
    # A request in French leaves French active in the test thread; each test starts from the default.
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _default_time_zone():
    # Likewise the reader's zone (accounts.middleware leaves it active): after a Kabul trainee's request,
    # the next test's localdate() would be Kabul's, a different day for some hours of each night.
    timezone.deactivate()
    yield
    timezone.deactivate()


@pytest.fixture(scope="module")
def _demo_for_module(django_db_setup, django_db_blocker):
    """The demo, in a transaction rolled back after the module. Loading it takes most of a minute: it is
    loaded once per test process and put back from a snapshot for every later module (tests/demo_snapshot.py).
    """
    with django_db_blocker.unblock(), transaction.atomic():
        put_demo(committed=False)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_for_module, db):
    """The demo content; each test runs in a savepoint inside the module's transaction."""


@pytest.fixture
def race_course():
    """A live one-lesson course for race tests, whatever the (flushed) database holds."""
    import uuid

    from wagtail.models import Locale, Page

    from learning.models import CourseIndexPage
    from tests.factories import make_course

    locale, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    index = root.add_child(instance=CourseIndexPage(title="Courses", slug=f"courses-{uuid.uuid4().hex[:6]}"))
    return make_course(parent=index, lessons=1)
