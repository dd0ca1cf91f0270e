"""Background work of the notifications (django.tasks)."""

from django.tasks import task

from .digest import digests_send


@task()
def send_notification_digests() -> int:
    """The daily digests; enqueue it once a day (`run_after`) or run the command of the same name."""
    return digests_send()
