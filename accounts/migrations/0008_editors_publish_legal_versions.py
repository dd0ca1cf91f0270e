"""Editors publish new versions of the privacy notice and the terms: the Editors group (created by
Wagtail) may view, add, change and publish them in the admin.

Not delete: a version people accepted is the record of what they accepted (their acceptances keep a
copy of its name and date, but not its "what changed"); removing one is an administrator's decision.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"
CODENAMES = ["view_legalversion", "add_legalversion", "change_legalversion", "publish_legalversion"]


def grant(apps, schema_editor):
    # On a fresh database permissions are made after every migration ran (post_migrate), and Wagtail's
    # "publish" one for snippets after that: make them now, so the group can be given them in this run.
    app_config = apps.get_app_config("accounts")
    app_config.models_module = True  # create_permissions skips an app config without models
    create_permissions(app_config, apps=apps, verbosity=0)

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label="accounts", model="legalversion")
    Permission.objects.get_or_create(
        content_type=content_type,
        codename="publish_legalversion",
        defaults={"name": "Can publish privacy notice or terms version"},
    )
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*Permission.objects.filter(content_type=content_type, codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="accounts", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0007_legal_versions_and_acceptances"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
