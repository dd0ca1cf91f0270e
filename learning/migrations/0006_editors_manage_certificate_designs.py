"""Editors own the look of certificates: the Editors group (created by Wagtail) may view, add and change
certificate designs in the admin.

Not delete: a design in use would silently fall back to the default on every re-rendered certificate of
its courses; retiring a design is a deliberate, administrator's act.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"
CODENAMES = ["view_certificatedesign", "add_certificatedesign", "change_certificatedesign"]


def grant(apps, schema_editor):
    # On a fresh database the permissions are made only after every migration ran (post_migrate):
    # make this app's now, so the group can be given them in the same run.
    app_config = apps.get_app_config("learning")
    app_config.models_module = True  # create_permissions skips an app config without models
    create_permissions(app_config, apps=apps, verbosity=0)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="learning", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="learning", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0005_certificate_credentials_keys_and_criteria"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
