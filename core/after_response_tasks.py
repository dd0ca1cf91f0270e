"""The embedded task backend: tasks run in the same process, but a task enqueued while a request is
being served runs once its response has been sent, not before.

Django's ImmediateBackend runs a task the moment it is enqueued. Most of our tasks are enqueued on
commit, inside the request, so the person waited for them: rendering a certificate's PDF made the
reflection that completed a course take 2.4 s. Here the request only queues the task; the queue runs
on `request_finished`, which the WSGI server sends when it closes the response, after the last byte
went out. Outside a request (commands, the shell, the demo loader, tests calling services) a task
still runs at once. In production the database backend and its workers take this place.
"""

from contextvars import ContextVar

from django.core.signals import request_finished, request_started
from django.db import connections
from django.tasks.backends.immediate import ImmediateBackend
from django.tasks.base import TaskResult, TaskResultStatus
from django.utils.crypto import get_random_string

# The tasks queued by the request being served in this thread (None: not in a request).
_queued: ContextVar[list | None] = ContextVar("tasks_after_response", default=None)


class AfterResponseBackend(ImmediateBackend):
    def enqueue(self, task, args, kwargs):
        queued = _queued.get()
        if queued is None:
            return super().enqueue(task, args, kwargs)
        self.validate_task(task)
        result = TaskResult(
            task=task,
            id=get_random_string(32),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        queued.append((self, result))
        return result


def request_began(**kwargs) -> None:
    # Left over only if the previous request in this thread never finished (its handler crashed): run
    # them now rather than never.
    response_sent()
    _queued.set([])


def response_sent(**kwargs) -> None:
    queued = _queued.get()
    _queued.set(None)
    if not queued:
        return
    # A task may enqueue more: those run at once, we are past the response.
    for backend, result in queued:
        backend._execute_task(result)  # records failures on the result, as ImmediateBackend does
    # Django closed this request's connections before us; the tasks opened new ones.
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


def connect() -> None:
    request_started.connect(request_began, dispatch_uid="tasks-after-response-begin")
    request_finished.connect(response_sent, dispatch_uid="tasks-after-response-run")
