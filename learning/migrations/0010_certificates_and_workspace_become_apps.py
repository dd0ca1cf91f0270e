"""Certificates and the trainer's workspace move to apps of their own (learning.certificates, label
`certificates`; learning.workspace, label `workspace`), keeping their tables and every row.

The new apps' 0001 migrations created the models in the migration state only, over the same tables (each
model keeps its `db_table`). This migration, in the state only too, re-points the course's certificate
design at the moved model (the column and its constraint already point at that table) and removes the
models from learning's state. Nothing is created, dropped or copied in the database.

Then the content types move with their models: the rows of django_content_type are relabelled, not
replaced, so auth permissions (and the Editors group's, 0006), Wagtail group permissions, admin log
entries, revisions and the reference index, which point at a content type's id, keep pointing at the same
rows.
"""

import django.db.models.deletion
from django.db import migrations, models

MOVED = {
    "certificates": ["certificate", "certificatedesign", "publishedkey"],
    "workspace": ["cohortmessage", "cohortinvitation"],
}


def relabel(apps, schema_editor, *, forwards: bool):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_types = ContentType.objects.using(schema_editor.connection.alias)
    for label, models_ in MOVED.items():
        source, target = ("learning", label) if forwards else (label, "learning")
        for model in models_:
            if not content_types.filter(app_label=source, model=model).exists():
                continue  # a database that never had the model's content type: post_migrate makes it
            # A content type under the target label can only be an empty one that post_migrate made
            # while this migration was not applied yet (e.g. after `migrate certificates 0001`): the
            # original, with the permissions and history, takes its place.
            content_types.filter(app_label=target, model=model).delete()
            content_types.filter(app_label=source, model=model).update(app_label=target)
    ContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    relabel(apps, schema_editor, forwards=True)


def backwards(apps, schema_editor):
    relabel(apps, schema_editor, forwards=False)


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0009_more_languages"),
        ("certificates", "0001_initial"),
        ("workspace", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="coursepage",
                    name="certificate_design",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Leave empty for the default design.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="certificates.certificatedesign",
                        verbose_name="certificate design",
                    ),
                ),
                migrations.DeleteModel(name="Certificate"),
                migrations.DeleteModel(name="CertificateDesign"),
                migrations.DeleteModel(name="PublishedKey"),
                migrations.DeleteModel(name="CohortMessage"),
                migrations.DeleteModel(name="CohortInvitation"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
