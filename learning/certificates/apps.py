from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Certificates anyone can verify: issuing, the PDF, the verification page, Open Badges 3.0."""

    name = "learning.certificates"
    label = "certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import site_cache
        from learning.signals import course_completed

        from . import checks  # noqa: F401  (registers the signing-key deploy check)
        from .models import Certificate
        from .services import on_course_completed

        # A completed course earns its certificate (when the course awards one). The trainee's e-mail,
        # connected by `learning`, carries the certificate's links: this app is listed before `learning`
        # in INSTALLED_APPS so that this receiver is connected, and so runs, first.
        course_completed.connect(on_course_completed, dispatch_uid="learning-certificate-on-completion")

        # A certificate retires its own verification page in the page cache (core.site_cache).
        site_cache.register(Certificate, lambda certificate: (f"certificate:{certificate.code}",))
