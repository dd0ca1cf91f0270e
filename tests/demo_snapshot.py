# ruff: noqa: S608 -- the SQL here is built from table, column and sequence names that the database's own
# catalogue lists, never from anything a test or a visitor typed.
"""The demo, loaded once per test process and then put back from a snapshot of the database.

`load_demo` takes most of a minute; about forty test modules each want "migrated + demo". The first
module of a process (of an xdist worker: each is a process, with a test database and a media folder of
its own) loads it for real and this module keeps a copy of every table's rows, of the sequences and of the
files the load wrote; every later module gets the same rows back in a second or two, with the same ids.

The copy is taken below the ORM, table by table, so nothing runs that a load would not run again: no
model signals (the site cache's receivers, Wagtail's hooks), no `save()` overrides, no search indexing.
It replaces the whole content of every table (what migrations made too), inside the caller's transaction:
the ordinary tests' module transaction rolls it all back to "migrated", as it rolled back the load; the
browser tests' demo server commits it, and flushes it away after the module as before.

There are two snapshots, one per way the demo is held: loaded inside the module's rolled-back transaction
(ordinary tests), its after-commit work never runs; loaded and committed (browser tests), it does (the
trainee is told of the replies to its discussion, the site cache's tags are retired). Each is taken from a
real load of its own kind, so a module sees exactly what a load would have given it.
"""

import io
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connections, transaction

from tests.cache_isolation import forget_own_keys


@dataclass
class _Snapshot:
    tables: list = field(default_factory=list)  # (table, columns, rows or COPY bytes)
    sequences: list = field(default_factory=list)  # PostgreSQL: (sequence, last_value, is_called)
    sqlite_sequence: list = field(default_factory=list)  # SQLite: AUTOINCREMENT's own counters
    files: list = field(default_factory=list)  # (path, size) the load wrote
    copies: Path | None = None


_snapshots: dict[tuple[str, bool], _Snapshot] = {}


def put_demo(committed: bool, using: str = "default") -> None:
    """Make the database "migrated + demo": the first time in this process by loading it, then from the
    snapshot that load left. `committed=False` runs inside the caller's (rolled-back) transaction; with
    `committed=True` the demo is committed, as `load_demo` commits it outside a transaction."""
    connection = connections[using]
    key = (connection.alias, committed)
    snapshot = _snapshots.get(key)
    if snapshot is None:
        before = _media_files()
        call_command("load_demo", stdout=io.StringIO())
        _snapshots[key] = _take(connection, before, committed)
        return
    with transaction.atomic(using=using):
        _restore_rows(connection, snapshot)
    _restore_files(snapshot)
    # The rows came back without a signal, so nothing retired the cache's tags: forgetting every key of
    # this run (as each test does, tests/conftest.py) starts the tags again from the clock, so no page
    # cached over the previous module's database is served over this one.
    forget_own_keys()
    # Content types are memoised by id in the process; the restored table is the snapshot's.
    from django.contrib.contenttypes.models import ContentType  # the app registry is ready by now

    ContentType.objects.clear_cache()


# Rows ---------------------------------------------------------------------------------------------


def _sqlite_tables(cursor) -> list[tuple[str, bool]]:
    """(name, virtual) of SQLite's tables: FTS tables are dumped through their own rows (rowid and all),
    their shadow tables are SQLite's business, and sqlite_sequence is handled on its own."""
    cursor.execute("SELECT name, type FROM pragma_table_list WHERE schema = 'main'")
    return sorted(
        (name, kind == "virtual")
        for name, kind in cursor.fetchall()
        if kind in ("table", "virtual") and not name.startswith("sqlite_")
    )


def _sqlite_columns(cursor, table: str) -> list[str]:
    cursor.execute(f'SELECT name FROM pragma_table_xinfo("{table}") WHERE hidden = 0')
    return [name for (name,) in cursor.fetchall()]


def _pg_tables(cursor) -> list[tuple[str, list[str]]]:
    """Every table of the schema with its columns, generated ones left out (PostgreSQL computes them)."""
    cursor.execute(
        "SELECT table_name, array_agg(column_name::text ORDER BY ordinal_position)"
        " FROM information_schema.columns WHERE table_schema = current_schema() AND is_generated = 'NEVER'"
        " AND table_name IN (SELECT table_name FROM information_schema.tables"
        "  WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')"
        " GROUP BY table_name ORDER BY table_name"
    )
    return cursor.fetchall()


def _quoted(names) -> str:
    return ", ".join(f'"{name}"' for name in names)


def _take(connection, before: dict, committed: bool) -> _Snapshot:
    snapshot = _Snapshot()
    with connection.cursor() as wrapper:
        cursor = wrapper.cursor
        if connection.vendor == "sqlite":
            for table, virtual in _sqlite_tables(cursor):
                columns = (["rowid"] if virtual else []) + _sqlite_columns(cursor, table)
                # `+column`: an expression has no declared type, so Django's converters (dates, booleans)
                # leave the stored value as it is, and it goes back byte for byte.
                cursor.execute(f'SELECT {", ".join(f'+"{c}"' for c in columns)} FROM "{table}"')
                rows = cursor.fetchall()
                if rows:
                    snapshot.tables.append((table, columns, rows))
            cursor.execute("SELECT name, seq FROM sqlite_sequence")
            snapshot.sqlite_sequence = cursor.fetchall()
        elif connection.vendor == "postgresql":
            for table, columns in _pg_tables(cursor):
                with cursor.copy(f'COPY "{table}" ({_quoted(columns)}) TO STDOUT') as copy:
                    data = b"".join(bytes(chunk) for chunk in copy)
                if data:
                    snapshot.tables.append((table, columns, data))
            cursor.execute(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE c.relkind = 'S' AND n.nspname = current_schema() ORDER BY c.relname"
            )
            for (sequence,) in cursor.fetchall():
                cursor.execute(f'SELECT last_value, is_called FROM "{sequence}"')
                snapshot.sequences.append((sequence, *cursor.fetchone()))
        else:
            raise NotImplementedError(f"no demo snapshot for {connection.vendor}")
    _keep_files(snapshot, before, committed)
    return snapshot


def _restore_rows(connection, snapshot: _Snapshot) -> None:
    with connection.cursor() as wrapper:
        cursor = wrapper.cursor
        if connection.vendor == "sqlite":
            # Foreign keys are deferred to the commit (Django creates them so): the order does not matter.
            for table, _virtual in _sqlite_tables(cursor):
                cursor.execute(f'DELETE FROM "{table}"')
            virtual = {table for table, is_virtual in _sqlite_tables(cursor) if is_virtual}
            # Virtual (full-text) tables last, emptied again first: triggers fill them from their tables'
            # inserts (Wagtail's search index), and the snapshot has their rows as the load left them.
            for table, columns, rows in sorted(snapshot.tables, key=lambda table: table[0] in virtual):
                if table in virtual:
                    cursor.execute(f'DELETE FROM "{table}"')
                marks = ", ".join("?" * len(columns))
                cursor.executemany(f'INSERT INTO "{table}" ({_quoted(columns)}) VALUES ({marks})', rows)
            # Last: the inserts moved the counters to the highest id; the load had them where it left them.
            cursor.execute("DELETE FROM sqlite_sequence")
            counters = snapshot.sqlite_sequence
            cursor.executemany("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", counters)
        else:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            tables = [table for table, _columns in _pg_tables(cursor)]
            # DELETE, not TRUNCATE: no ACCESS EXCLUSIVE lock held for the whole module, and it is quick on
            # tables this small.
            for table in tables:
                cursor.execute(f'DELETE FROM "{table}"')
            for table, columns, data in snapshot.tables:
                with cursor.copy(f'COPY "{table}" ({_quoted(columns)}) FROM STDIN') as copy:
                    copy.write(data)
            # Sequences are not transactional: they are put where the load left them, so the next row
            # gets the id it would have got after a load. (The rows they count are the snapshot's.)
            for sequence, last_value, is_called in snapshot.sequences:
                cursor.execute("SELECT setval(%s, %s, %s)", [f'"{sequence}"', last_value, is_called])


# Files --------------------------------------------------------------------------------------------


def _media_root() -> Path:
    # TEST_MEDIA holds MEDIA_ROOT and the private storage (config/settings/test.py).
    return Path(getattr(settings, "TEST_MEDIA", settings.MEDIA_ROOT))


def _media_files() -> dict[str, tuple[int, int]]:
    root = _media_root()
    found = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            stat = os.stat(path)
            found[path] = (stat.st_size, stat.st_mtime_ns)
    return found


def _keep_files(snapshot: _Snapshot, before: dict, committed: bool) -> None:
    """A copy of every file the load wrote (images, documents, certificates' PDFs), outside the media
    folder: a test that deletes a demo document deletes its file for good (Wagtail removes it on commit,
    and some tests run on-commit work at once), and the restored row must still find it."""
    root = _media_root()
    snapshot.copies = root.with_name(f"{root.name}.demo-{'committed' if committed else 'rolled-back'}")
    shutil.rmtree(snapshot.copies, ignore_errors=True)
    for path, (size, mtime) in _media_files().items():
        if before.get(path) != (size, mtime):
            copy = snapshot.copies / os.path.relpath(path, root)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)
            snapshot.files.append((path, size))


def _restore_files(snapshot: _Snapshot) -> None:
    root = _media_root()
    for path, size in snapshot.files:
        try:
            if os.stat(path).st_size == size:
                continue
        except FileNotFoundError:
            pass
        os.makedirs(os.path.dirname(path), exist_ok=True)
        shutil.copy2(snapshot.copies / os.path.relpath(path, root), path)
