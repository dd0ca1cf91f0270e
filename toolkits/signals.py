"""Counting downloads where Wagtail serves documents, so that every download path is counted once."""

from django.dispatch import receiver
from wagtail.documents.models import document_served

from .services import download_record


@receiver(document_served)
def count_download(sender, instance, request, **kwargs):
    download_record(document=instance, request=request)
