"""Preparing "download my data" in the background (django.tasks): the ZIP, then the e-mail with its link.

The work lives here, beside its task, so that accounts.data_export (which queues it) imports this
module and not the other way round, as in outbox.tasks."""

import logging
import secrets
import tempfile
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from core.absolute_urls import absolute_url
from outbox.services import email_send

from .export_archive import write_archive
from .export_links import download_url
from .models import DataExport

logger = logging.getLogger(__name__)


@task()
def prepare_data_export(*, export_id: int) -> str:
    return data_export_prepare(export_id=export_id)


def data_export_prepare(*, export_id: int) -> str:
    """Make the archive of a requested export, keep it in private storage, and e-mail its link.

    Returns what became of it: "ready", "failed", or "skipped" (not waiting any more: done by another
    worker, or the account was deleted meanwhile)."""
    export = DataExport.objects.filter(pk=export_id, status=DataExport.Status.PREPARING).first()
    if export is None:
        return "skipped"
    user = export.user
    storage = DataExport._meta.get_field("file").storage  # STORAGES["private"]
    try:
        # On disk, not in memory: a person with many certificates makes a large archive.
        with tempfile.TemporaryFile() as archive:
            write_archive(user=user, file=archive)
            size = archive.tell()
            archive.seek(0)
            name = storage.save(f"data-exports/{secrets.token_hex(16)}.zip", File(archive))
    except Exception:  # a storage outage, a file gone missing: the person may ask again, nothing is lost
        logger.exception("Data export %s could not be prepared", export.pk)
        DataExport.objects.filter(pk=export.pk, status=DataExport.Status.PREPARING).update(
            status=DataExport.Status.FAILED
        )
        return "failed"
    now = timezone.now()
    with transaction.atomic():
        ready = DataExport.objects.filter(pk=export.pk, status=DataExport.Status.PREPARING).update(
            status=DataExport.Status.READY,
            file=name,
            size=size,
            ready_at=now,
            expires_at=now + timedelta(days=settings.DATA_EXPORT_DAYS),
        )
        if not ready:  # the account (and its row) went while the archive was made
            storage.delete(name)
            return "skipped"
        # Only the newest export can be downloaded: the older links answer "replaced" from now on.
        replaced = DataExport.objects.filter(user=user, status=DataExport.Status.READY).exclude(pk=export.pk)
        for old in replaced:
            if old.file:
                old.file.delete(save=False)
            DataExport.objects.filter(pk=old.pk).update(status=DataExport.Status.REPLACED, file="")
        export.refresh_from_db()
        _mail_link(export)
    return "ready"


def _mail_link(export: DataExport) -> None:
    """Through the outbox: a mail that cannot be delivered is retried and shown to staff, and the export
    stays ready on the person's privacy page all the same."""
    user = export.user
    with translation.override(user.language), timezone.override(user.time_zone or settings.TIME_ZONE):
        context = {
            "user": user,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "download_url": download_url(export),
            "privacy_url": absolute_url(reverse("accounts:privacy")),
            "expires": timezone.localtime(export.expires_at),
        }
        subject = render_to_string("accounts/email/data_export_ready_subject.txt", context).strip()
        body = render_to_string("accounts/email/data_export_ready.txt", context)
    email_send(
        to=user.email, subject=subject, body=body, kind="accounts/data_export_ready", language=user.language
    )
