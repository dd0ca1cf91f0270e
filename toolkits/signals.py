"""Counting downloads where Wagtail serves documents, so that every download path is counted once."""

from django.dispatch import receiver
from wagtail.documents.models import document_served


@receiver(document_served)
def count_download(sender, instance, request, **kwargs):
    from .services import download_record

    download_record(document=instance, request=request)
