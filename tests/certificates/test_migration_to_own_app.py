"""Moving certificates and the trainer's workspace into apps of their own keeps every row: certificates
(with their codes, their chain of replacements and their enrolment), designs (and the course that uses
one), signing keys, messages with their recipients and invitations; and every permission, group
permission and admin log entry still points at the same model, now under its new app label."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from learning.certificates.models import Certificate as CertificateToday
from tests.factories import make_course

BEFORE = [("learning", "0009_more_languages"), ("certificates", None), ("workspace", None)]
AFTER = [("learning", "0010_certificates_and_workspace_become_apps")]
MOVED = {
    "certificate": "certificates",
    "certificatedesign": "certificates",
    "publishedkey": "certificates",
    "cohortmessage": "workspace",
    "cohortinvitation": "workspace",
}

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    # The state at the targets that are migrations (an app migrated to zero adds nothing to it).
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def make_certificate(Certificate, enrolment, code, index, **fields):
    return Certificate.objects.create(
        enrolment=enrolment,
        code=code,
        status_list_index=index,
        issued_at=timezone.now(),
        language="fr",
        learner_name="Amina Diallo",
        course_title="Leadership",
        course_key=enrolment.course_key,
        hours=12,
        completed_on=date(2026, 11, 30),
        cohort_title="Brussels 2026",
        issuer_name="The institute",
        trainer_names=["Tess Trainer"],
        **fields,
    )


def test_moving_to_their_own_apps_keeps_every_row_code_and_permission():
    course = make_course(lessons=1)  # pages are made with today's models, before going back
    old = migrate(BEFORE)
    try:
        User = old.get_model("accounts", "User")
        Group = old.get_model("auth", "Group")
        Permission = old.get_model("auth", "Permission")
        ContentTypeThen = old.get_model("contenttypes", "ContentType")
        LogEntry = old.get_model("wagtailcore", "ModelLogEntry")
        Cohort = old.get_model("learning", "Cohort")
        Enrolment = old.get_model("learning", "Enrolment")
        Design = old.get_model("learning", "CertificateDesign")
        Certificate = old.get_model("learning", "Certificate")
        Key = old.get_model("learning", "PublishedKey")
        Message = old.get_model("learning", "CohortMessage")
        Invitation = old.get_model("learning", "CohortInvitation")

        # Before the move the content types are learning's (going back relabelled them, as a database
        # migrated before this change has them).
        before_types = {
            ct.model: ct.pk for ct in ContentTypeThen.objects.filter(app_label="learning", model__in=MOVED)
        }
        assert sorted(before_types) == sorted(MOVED)

        trainee = User.objects.create(email="amina@example.org")
        trainer = User.objects.create(email="tess@example.org")
        design = Design.objects.create(name="Summit", layout="modern", accent_colour="#aa0000")
        old.get_model("learning", "CoursePage").objects.filter(pk=course.pk).update(certificate_design=design)
        cohort = Cohort.objects.create(course_id=course.pk, title="Brussels 2026")
        enrolment = Enrolment.objects.create(
            user=trainee, cohort=cohort, status="completed", course_key=course.translation_key
        )
        first = make_certificate(Certificate, enrolment, "first-code-XYZ", 7, status="revoked")
        second = make_certificate(Certificate, enrolment, "second-code-ABC", 8, issued_by=trainer)
        first.replaced_by = second
        first.save()
        key = Key.objects.create(algorithm="Ed25519", thumbprint="thumb-1", public_jwk={"kty": "OKP"})
        message = Message.objects.create(cohort=cohort, sender=trainer, subject="Welcome", body="Hello")
        message.recipients.add(trainee)
        invitation = Invitation.objects.create(cohort=cohort, email="karim@example.org", invited_by=trainer)

        registrars = Group.objects.create(name="Registrars")
        granted = Permission.objects.filter(
            content_type__app_label="learning",
            codename__in=["change_certificate", "view_cohortmessage", "add_cohortinvitation"],
        )
        registrars.permissions.add(*granted)
        trainer.user_permissions.add(Permission.objects.get(codename="view_publishedkey"))
        editors = {p.pk for p in Group.objects.get(name="Editors").permissions.all()}
        permissions_before = {
            p.pk: p.codename for p in Permission.objects.filter(content_type_id__in=before_types.values())
        }
        logged = LogEntry.objects.create(
            content_type_id=before_types["certificate"],
            object_id=str(second.pk),
            label=str(second.code),
            action="wagtail.edit",
            timestamp=timezone.now(),
            user_id=trainer.pk,
        )

        new = migrate(AFTER)

        Certificate = new.get_model("certificates", "Certificate")
        rows = {c.pk: c for c in Certificate.objects.select_related("enrolment__user", "replaced_by")}
        assert sorted(rows) == sorted([first.pk, second.pk])
        assert rows[first.pk].code == "first-code-XYZ" and rows[first.pk].status == "revoked"
        assert rows[first.pk].replaced_by.code == "second-code-ABC"
        assert rows[second.pk].enrolment.user.email == "amina@example.org"
        assert rows[second.pk].issued_by_id == trainer.pk
        assert (rows[second.pk].status_list_index, rows[second.pk].trainer_names) == (8, ["Tess Trainer"])
        assert new.get_model("learning", "Enrolment").objects.get(pk=enrolment.pk).certificates.count() == 2

        course_page = new.get_model("learning", "CoursePage").objects.select_related("certificate_design")
        assert course_page.get(pk=course.pk).certificate_design.name == "Summit"
        assert new.get_model("certificates", "CertificateDesign").objects.get().accent_colour == "#aa0000"
        assert new.get_model("certificates", "PublishedKey").objects.get().pk == key.pk

        Message = new.get_model("workspace", "CohortMessage")
        recipients = Message.objects.get(pk=message.pk).recipients.values_list("pk", flat=True)
        assert list(recipients) == [trainee.pk]
        assert new.get_model("workspace", "CohortInvitation").objects.get().token == invitation.token

        # The same content type rows, relabelled: nothing that points at them had to change.
        ContentTypeNow = new.get_model("contenttypes", "ContentType")
        moved_types = ContentTypeNow.objects.filter(model__in=MOVED)
        after_types = {ct.model: (ct.app_label, ct.pk) for ct in moved_types}
        assert after_types == {model: (MOVED[model], pk) for model, pk in before_types.items()}
        Permission = new.get_model("auth", "Permission")
        assert {
            p.pk: p.codename for p in Permission.objects.filter(content_type_id__in=before_types.values())
        } == permissions_before
        assert {
            f"{p.content_type.app_label}.{p.codename}"
            for p in new.get_model("auth", "Group").objects.get(name="Registrars").permissions.all()
        } == {
            "certificates.change_certificate",
            "workspace.view_cohortmessage",
            "workspace.add_cohortinvitation",
        }
        editors_now = new.get_model("auth", "Group").objects.get(name="Editors").permissions
        assert {p.pk for p in editors_now.all()} == editors
        design_permissions = editors_now.filter(codename__endswith="certificatedesign")
        assert {p.content_type.app_label for p in design_permissions} == {"certificates"}
        entry = new.get_model("wagtailcore", "ModelLogEntry").objects.get(pk=logged.pk)
        assert (entry.content_type.app_label, entry.content_type.model) == ("certificates", "certificate")
    finally:
        # Not clearing ContentType's cache: it still holds today's rows (only historical models were
        # used in between), and an empty cache would make the next test's restored rows collide with
        # content types that signals create on a cache miss.
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    # Today's code reads the same rows: the moved permissions work through the ordinary API.
    assert get_user_model().objects.get(pk=trainer.pk).has_perm("certificates.view_publishedkey")
    assert CertificateToday.objects.get(code="second-code-ABC").enrolment_id == enrolment.pk
