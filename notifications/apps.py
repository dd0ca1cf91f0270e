from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """What happened that concerns a person: the notifications centre, its e-mails and their preferences."""

    name = "notifications"
    label = "notifications"
    verbose_name = _("Notifications")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network.signals import message_sent

        from .receivers import message_received

        message_sent.connect(message_received, dispatch_uid="notifications-message-received")
