"""The two roles that are groups rather than flags: trainers run cohorts, city officials run action plans.

Created by a migration (not by the demo) so that production has them from the first deploy.
"""

from django.db import migrations

ROLE_GROUPS = ["Trainers", "City officials"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_GROUPS:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
