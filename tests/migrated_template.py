"""The test database, copied from a migrated one instead of migrated again by every test process.

Running the ~280 migrations takes about a minute of CPU (most of it Django rendering the migration
states of Wagtail's page models), and CI creates a test database six times: two xdist workers for the
SQLite run, two for the PostgreSQL run, then the race and the browser runs. The first process to need one
migrates a template under a lock; every process (this run's other workers and later runs of the same
code) copies it, then Django's own set-up finds the copy migrated (`keepdb`) and only checks it.

The template's name carries a digest of everything that decides what migrations produce: the project's
own code (data migrations import it), the installed packages and their versions, the database engine and
its server. Code that changes gets a template of its own; older ones are removed when a new one is built.

- PostgreSQL: `CREATE DATABASE … TEMPLATE`, under an advisory lock taken on the maintenance database.
- SQLite: a file (in /dev/shm when there is one) under a file lock, copied with SQLite's backup into
  Django's usual in-memory test database, so the tests run on the database they always ran on.
"""

import fcntl
import hashlib
import importlib.metadata
import os
import sqlite3
import tempfile
from pathlib import Path

import django
from django.conf import settings
from django.db import connections

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_FOLDERS = {"tests", "bench", ".venv", "node_modules", "media", ".test-media", "staticfiles"}
LOCK = 7_042_013  # pg_advisory_lock's key: any number this project uses for nothing else


def prepare_test_database(alias: str = "default") -> None:
    """Make the alias's test database exist, migrated, before Django's set-up (run with keepdb) sees it."""
    connection = connections[alias]
    key = _digest(connection)[:16]
    if connection.vendor == "postgresql":
        _postgres(connection, key)
    elif connection.vendor == "sqlite":
        _sqlite(connection, key)
    else:
        raise NotImplementedError(f"no migrated template for {connection.vendor}")


def _digest(connection) -> str:
    digest = hashlib.sha256(f"{django.get_version()} {connection.vendor}".encode())
    digest.update(_server_version(connection).encode())
    for distribution in sorted(importlib.metadata.distributions(), key=lambda d: d.metadata["Name"] or ""):
        digest.update(f"{distribution.metadata['Name']}=={distribution.version}\n".encode())
    for folder, folders, names in os.walk(ROOT):
        folders[:] = sorted(name for name in folders if name not in SKIPPED_FOLDERS and name[0] not in "._")
        for name in sorted(names):
            if name.endswith(".py"):
                path = Path(folder, name)
                digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _server_version(connection) -> str:
    if connection.vendor == "sqlite":
        return sqlite3.sqlite_version
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute("SELECT version()")
        return cursor.fetchone()[0]


# PostgreSQL ----------------------------------------------------------------------------------------


def _postgres(connection, key: str) -> None:
    creation = connection.creation
    test_name = creation._get_test_db_name()  # with its xdist suffix
    base = f"test_{connection.settings_dict['NAME'][:30]}_migrated_"  # the same for every worker
    template = base + key
    quote = connection.ops.quote_name
    with creation._nodb_cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK])
        try:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
            if cursor.fetchone() is None:
                # Built under another name and renamed: a build cut short leaves no template to trust.
                building = f"{base}building"
                _migrate_into(connection, building)
                cursor.execute(f"ALTER DATABASE {quote(building)} RENAME TO {quote(template)}")
                cursor.execute(
                    "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
                    [base.replace("_", "\\_") + "%", template],  # older templates, and a failed build
                )
                for (old,) in cursor.fetchall():
                    cursor.execute(f"DROP DATABASE IF EXISTS {quote(old)}")
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(test_name)}")
            cursor.execute(f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(template)}")
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK])


# SQLite --------------------------------------------------------------------------------------------


def _sqlite_folder() -> Path:
    shm = Path("/dev/shm")  # noqa: S108 -- a folder of our own in it, made 0700 below
    base = shm if shm.is_dir() and os.access(shm, os.W_OK) else Path(tempfile.gettempdir())
    folder = base / f"mutual-learning-tests-{hashlib.sha256(str(ROOT).encode()).hexdigest()[:8]}"
    folder.mkdir(mode=0o700, exist_ok=True)
    if folder.stat().st_uid != os.getuid():
        raise RuntimeError(f"{folder} belongs to someone else: remove it")
    return folder


_kept_in_memory = {}  # alias: the connection that keeps the in-memory test database alive


def _sqlite(connection, key: str) -> None:
    """Django's in-memory test database (a shared-cache URI), filled from the template: a connection
    of our own keeps it alive while Django closes and reopens its own, so its set-up finds it migrated."""
    folder = _sqlite_folder()
    template = folder / f"migrated-{key}.sqlite3"
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            building = folder / f"building-{os.getpid()}.sqlite3"
            _migrate_into(connection, str(building))
            for old in folder.glob("migrated-*.sqlite3"):
                old.unlink()
            building.rename(template)
        test_name = connection.creation._get_test_db_name()
        if not connection.creation.is_in_memory_db(test_name):
            raise NotImplementedError("the migrated template fills the in-memory test database only")
        keeper = sqlite3.connect(test_name, uri=True)
        source = sqlite3.connect(template)
        source.backup(keeper)
        source.close()
        _kept_in_memory[connection.alias] = keeper


def release_test_database(alias: str = "default") -> None:
    """After Django's tear-down: the in-memory database goes with its last connection."""
    keeper = _kept_in_memory.pop(alias, None)
    if keeper is not None:
        keeper.close()


# Both ----------------------------------------------------------------------------------------------


def _migrate_into(connection, name: str) -> None:
    """Django's own creation of a test database, under another name, left in place and closed."""
    test_settings = connection.settings_dict["TEST"]
    saved_name, saved_test_name = connection.settings_dict["NAME"], test_settings.get("NAME")
    saved_settings = dict(settings.DATABASES[connection.alias])
    test_settings["NAME"] = name
    try:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    finally:
        connection.close()
        connection.settings_dict["NAME"] = saved_name
        test_settings["NAME"] = saved_test_name
        settings.DATABASES[connection.alias].clear()
        settings.DATABASES[connection.alias].update(saved_settings)
