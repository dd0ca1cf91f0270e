"""Rendering a certificate's PDF in the background (django.tasks), into private storage."""

from django.tasks import task

from .models import Certificate
from .pdf import store_pdf


@task()
def render_certificate_pdf(*, certificate_id: int) -> None:
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None:
        return
    store_pdf(certificate)
