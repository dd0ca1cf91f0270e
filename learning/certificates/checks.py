"""A deploy check: a production site that cannot sign credentials would answer its holders with errors."""

from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

from . import keys


@register(Tags.security, deploy=True)
def signing_key_is_configured(app_configs=None, **kwargs):
    """Both keys must be there: the Ed25519 key (Data Integrity, VC-JOSE, status lists) and the P-256 key
    (the Open Badges JWT). Either missing breaks a download every holder is offered."""
    errors = []
    for kind, load, error_id in (
        (keys.ED25519, keys.signing_key, "learning.E001"),
        (keys.P256, keys.jwt_key, "learning.E002"),
    ):
        try:
            load()
        except (ImproperlyConfigured, OSError, ValueError, TypeError) as error:
            errors.append(
                Error(
                    f"Certificates cannot be signed: {error}",
                    hint=f"Set {kind.setting} (PEM text) or {kind.setting}_FILE; "
                    f"`manage.py certificate_keys` creates the {kind.name} key.",
                    id=error_id,
                )
            )
    return errors
