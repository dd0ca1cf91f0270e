"""What the library counts: each document download, and who agreed to be counted by city."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DownloadEvent(models.Model):
    """One download through Wagtail's serve view.

    City and organisation are copied (not linked) and only for signed-in people who agreed: statistics
    must not let anyone trace a download back to a person, and must survive profile changes.
    """

    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    document_title = models.CharField(_("document"), max_length=255)
    toolkit = models.ForeignKey(
        "toolkits.ToolkitPage", on_delete=models.SET_NULL, null=True, blank=True, related_name="downloads"
    )
    downloaded_at = models.DateTimeField(_("downloaded"), default=timezone.now, db_index=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    # Set only when a city and organisation were recorded (the person agreed), and never shown in a
    # report: it lets "Download my data" list those rows and erasure blank them.
    counted_for = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("download")
        verbose_name_plural = _("downloads")
        ordering = ["-downloaded_at"]

    def __str__(self) -> str:
        return f"{self.document_title} · {self.downloaded_at:%Y-%m-%d}"


class DownloadConsent(models.Model):
    """The person agreed that their downloads are counted under their city and organisation."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="download_consent"
    )
    given_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return str(self.user)
