"""Querysets compiled to SQL once per process: the reads every signed-in request makes.

Building a queryset and compiling it costs far more than running it. On the bench data (PostgreSQL),
the signed-in person's row with the header's unread count took 3.2 ms through the ORM, of which 0.23 ms
was PostgreSQL answering the same SQL: every signed-in page paid it before its own reads.

`CompiledQuery` builds its queryset once per database with placeholders (`Param`) where the values go,
keeps the SQL, and afterwards only binds the values and turns the rows into model instances as the
ORM's own iterator does (`Model.from_db`, annotations as attributes, `select_related` objects through the
ORM's populators). Same SQL, same instances, the same query in `CaptureQueriesContext` and the debug
toolbar; tests/core/test_compiled_query.py compares it with the ORM.

Only for SQL that depends on nothing but the values bound: no `__in` of a varying list (its length is
in the SQL), nothing that reads the active language or time zone when it compiles, no prefetch_related.
"""

import weakref
from collections.abc import Callable
from threading import Lock

from django.db import connections, router
from django.db.models import Expression, Field, Model, QuerySet
from django.db.models.query import _get_from_db, get_related_populators


class _Slot:
    """Where a value goes in the compiled parameters."""

    __slots__ = ("field", "name")

    def __init__(self, name: str, field: Field):
        self.name, self.field = name, field


class Param(Expression):
    """A placeholder for the value `name`, prepared for the database as `field` prepares its values."""

    def __init__(self, name: str, field: Field):
        super().__init__(output_field=field)
        self.name = name

    def as_sql(self, compiler, connection):
        return "%s", [_Slot(self.name, self.output_field)]


class _Compiled:
    def __init__(self, queryset: QuerySet, using: str):
        if queryset._prefetch_related_lookups or queryset._fields is not None:
            raise ValueError("CompiledQuery takes a queryset of model instances with no prefetch_related")
        compiler = queryset.query.get_compiler(using=using)
        self.sql, self.params = compiler.as_sql()
        select, klass_info = compiler.select, compiler.klass_info
        self.model = klass_info["model"]
        fields = klass_info["select_fields"]
        self.start, self.end = fields[0], fields[-1] + 1
        self.init_list = [column[0].target.attname for column in select[self.start : self.end]]
        self.annotations = dict(compiler.annotation_col_map)
        # As ModelIterable does (Django 6.1's fetch modes: a lazy field of one row may load its peers').
        self.fetch_mode = queryset._fetch_mode
        self.from_db = _get_from_db(self.model, self.fetch_mode)
        self.populators = get_related_populators(klass_info, select, using, self.fetch_mode)
        self.converters = compiler.get_converters([column[0] for column in select[: compiler.col_count]])
        self.compiler = compiler

    def bind(self, values: dict, connection) -> list:
        return [
            param.field.get_db_prep_value(values[param.name], connection, prepared=False)
            if isinstance(param, _Slot)
            else param
            for param in self.params
        ]


class CompiledQuery:
    """`build()` returns a queryset of `model`, with `Param(name, field)` where each value goes; calling
    the compiled query with those values (by name) returns the list the queryset would."""

    def __init__(self, model: type[Model], build: Callable[[], QuerySet]):
        self.model, self._build = model, build
        self._compiled: dict[tuple[str, str], _Compiled] = {}
        self._lock = Lock()

    def _for(self, using: str) -> _Compiled:
        key = (using, connections[using].vendor)
        compiled = self._compiled.get(key)
        if compiled is None:
            with self._lock:  # built once per process and database, whichever thread asks first
                compiled = self._compiled.get(key) or _Compiled(self._build(), using)
                self._compiled[key] = compiled
        return compiled

    def __call__(self, **values) -> list:
        using = router.db_for_read(self.model)
        compiled = self._for(using)
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, compiled.bind(values, connection))
            rows = cursor.fetchall()
        if compiled.converters:
            rows = list(compiled.compiler.apply_converters(rows, compiled.converters))
        instances, peers = [], []
        for row in rows:
            instance = compiled.from_db(using, compiled.init_list, row[compiled.start : compiled.end])
            if compiled.fetch_mode.track_peers:
                peers.append(weakref.ref(instance))
                instance._state.peers = peers
            for populator in compiled.populators:
                populator.populate(row, instance)
            for name, index in compiled.annotations.items():
                setattr(instance, name, row[index])
            instances.append(instance)
        return instances
