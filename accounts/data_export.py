"""Download my data: asked for on the privacy page, prepared by a task (accounts.tasks), e-mailed as a
link that works for DATA_EXPORT_DAYS, only for its owner, signed in.

A person has at most one export being prepared (a database constraint): asking again meanwhile queues
nothing. Once a newer export is ready, or DATA_EXPORT_DAYS have passed, the old link answers 410 and
the file is deleted, by the view that refuses it or by `manage.py retention` (data_exports_expire),
whichever comes first.
"""

from datetime import datetime, timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from .export_links import link_owner_and_export
from .models import DataExport, User
from .tasks import prepare_data_export

# A worker that died mid-archive leaves its export "being prepared": after this long it no longer holds
# the person's place, and asking again starts a new one.
PREPARING_TIMEOUT = timedelta(hours=1)


def _give_up_stalled(*, user: User | None = None, now: datetime) -> int:
    stalled = DataExport.objects.filter(
        status=DataExport.Status.PREPARING, requested_at__lt=now - PREPARING_TIMEOUT
    )
    if user is not None:
        stalled = stalled.filter(user=user)
    return stalled.update(status=DataExport.Status.FAILED)


@transaction.atomic
def data_export_request(*, user: User) -> tuple[DataExport, bool]:
    """Ask for `user`'s data; returns (the export being prepared, whether this call queued it)."""
    # The person's row is locked so that two clicks (two tabs) wait for each other on PostgreSQL; the
    # constraint catches what SQLite lets through.
    User.objects.select_for_update().filter(pk=user.pk).first()
    _give_up_stalled(user=user, now=timezone.now())
    existing = DataExport.objects.filter(user=user, status=DataExport.Status.PREPARING).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            export = DataExport.objects.create(user=user)
    except IntegrityError:
        return DataExport.objects.get(user=user, status=DataExport.Status.PREPARING), False
    transaction.on_commit(partial(prepare_data_export.enqueue, export_id=export.pk))
    return export, True


def data_export_latest(*, user: User) -> DataExport | None:
    """The export the privacy page tells the person about: their latest request."""
    return DataExport.objects.filter(user=user).order_by("-requested_at", "-pk").first()


def data_export_for_link(*, token: str, user: User) -> DataExport:
    """The export a link names, if it is `user`'s; Http404 otherwise (someone else's export, or a token
    we did not sign, is not there for them)."""
    found = link_owner_and_export(token)
    if found is None or found[0] != user.pk:
        raise Http404
    export = DataExport.objects.filter(pk=found[1], user=user).first()
    if export is None:
        raise Http404
    return export


def data_export_downloadable(*, export: DataExport, now: datetime | None = None) -> bool:
    """Whether the export's file may be sent; one found past its date is expired here and then."""
    if export.status == DataExport.Status.READY and export.expires_at <= (now or timezone.now()):
        _expire(export)
    return export.status == DataExport.Status.READY and bool(export.file)


def _expire(export: DataExport) -> None:
    if export.file:
        export.file.delete(save=False)
    export.status = DataExport.Status.EXPIRED
    export.file = ""
    DataExport.objects.filter(pk=export.pk).update(status=export.status, file="")


def data_exports_expire(*, now: datetime | None = None) -> int:
    """Delete the files of every export past its date (`manage.py retention` runs it); returns how many."""
    now = now or timezone.now()
    _give_up_stalled(now=now)
    due = DataExport.objects.filter(status=DataExport.Status.READY, expires_at__lte=now)
    count = 0
    for export in due.iterator():
        _expire(export)
        count += 1
    return count


def data_exports_erase(*, user: User) -> None:
    """The account is going: its archives go with it (the rows go with the user row)."""
    for export in DataExport.objects.filter(user=user).exclude(file=""):
        export.file.delete(save=False)
