"""A deploy check: a production site that cannot sign credentials would answer its holders with errors."""

from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured


@register(Tags.security, deploy=True)
def signing_key_is_configured(app_configs=None, **kwargs):
    from .keys import signing_key

    try:
        signing_key()
    except (ImproperlyConfigured, OSError, ValueError) as error:
        return [
            Error(
                f"Certificates cannot be signed: {error}",
                hint="Set CERTIFICATE_SIGNING_KEY (PEM text) or CERTIFICATE_SIGNING_KEY_FILE; "
                "`manage.py certificate_keys --output PATH` creates an Ed25519 key.",
                id="learning.E001",
            )
        ]
    return []
