"""Notifications already made pointed at a post as its thread's address and an anchor, which finds the
post only on a thread's first page: they now point at the post's permanent address (the page of its
thread that holds it)."""

import re

from django.db import migrations

OLD = re.compile(r"^/community/threads/\d+/#post-(\d+)$")


def to_post_addresses(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    for notification in Notification.objects.filter(target_path__startswith="/community/threads/").only(
        "pk", "target_path"
    ):
        match = OLD.match(notification.target_path)
        if match:
            notification.target_path = f"/community/posts/{match.group(1)}/"
            notification.save(update_fields=["target_path"])


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0002_cities_exchange"),
        ("notifications", "0001_notifications"),
    ]

    operations = [migrations.RunPython(to_post_addresses, migrations.RunPython.noop)]
