"""The authorization matrix of the whole site, built from the URL configuration.

Every URL of the project's own apps (site and admin) has an entry: either it holds an object, and then
every role that is not the object's owner, trainer, team or staff is refused (404, 403, or the login
page) and nothing changes; or it is public, or it only ever shows the requester's own data. A new URL
without an entry fails `test_every_url_of_the_project_has_an_entry`.

The roles: anonymous, a trainee (of no cohort), a trainer of another cohort, a city official of another
city, an editor without staff access (as the admin's "add user" form creates them), and staff.
"""

from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.data_export import data_export_request
from accounts.export_links import download_path
from accounts.models import DataExport
from accounts.roles import CITY_OFFICIALS, TRAINERS
from community import services as community_services
from community.models import Block, Post, Report, Thread
from learning.certificates.models import Certificate, CertificateDesign
from learning.certificates.services import certificate_issue
from learning.models import Enrolment, Reflection, Topic
from learning.workspace.models import CohortInvitation
from network import services as network_services
from network.models import Message, PersonBlock
from notifications.models import Kind, Notification
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LiveSessionFactory,
    UserFactory,
    legal_version,
    lessons_of,
    make_course,
    quiz_block,
    reflection_block,
    text_block,
)
from tests.toolkits import factories as f
from tests.toolkits.checkin_helpers import fill
from toolkits import services as toolkit_services
from toolkits.checkins import services as checkin_services
from toolkits.models import ActionPlan, CheckIn, CheckInComment, PlanComment, PlanSection

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "trainee", "trainer of another cohort", "official of another city", "editor", "staff"]
STAFF = frozenset({"staff"})


@dataclass
class Entry:
    method: str
    url: object  # callable(world) -> str
    data: object = None  # callable(world) -> dict
    allowed: frozenset = field(default=STAFF)  # roles that may use it; everyone else is refused


def _ws(name, *keys):
    return lambda w: reverse(f"learning:workspace:{name}", args=[w["cohort"].pk, *(w[k].pk for k in keys)])


def _plan(name, **extra):
    return lambda w: reverse(f"toolkits:{name}", kwargs={"public_id": w["plan"].public_id, **extra})


def _section(name):
    return lambda w: reverse(f"toolkits:{name}", kwargs={"public_id": w["plan"].public_id, "key": w["key"]})


def _checkin(name):
    return lambda w: reverse(
        f"toolkits:{name}", kwargs={"public_id": w["checkin"].plan.public_id, "months": w["checkin"].months}
    )


def _c(name, key):
    return lambda w: reverse(f"community:{name}", args=[w[key].pk])


def _lesson(name, lesson, *block):
    return lambda w: reverse(f"learning:{name}", args=[w[lesson].pk, *block])


NOBODY = frozenset()
# Every signed-in role: the network's directory and its listed profiles are for all of them.
SIGNED_IN = frozenset(ROLES) - {"anonymous"}


def _n(name, key):
    return lambda w: reverse(f"network:{name}", args=[w[key].public_id])


# Objects of other people: the victim trainee's, trainer A's cohort, the city of Gdańsk's plan.
MATRIX = {
    "learning:enrol": Entry("post", lambda w: reverse("learning:enrol", args=[w["closed"].pk]), None, NOBODY),
    "learning:withdraw": Entry(
        "post", lambda w: reverse("learning:withdraw", args=[w["active"].pk]), None, NOBODY
    ),
    "learning:completed": Entry(
        "get", lambda w: reverse("learning:completed", args=[w["completed"].pk]), None, NOBODY
    ),  # the trainee's own moment, not even staff's
    "learning:cohort_ics": Entry("get", lambda w: reverse("learning:cohort_ics", args=[w["cohort"].pk])),
    "learning:session_ics": Entry("get", lambda w: reverse("learning:session_ics", args=[w["session"].uid])),
    "learning:offline_copy": Entry(
        "get", lambda w: reverse("learning:offline_copy", args=[w["cohort"].course.pk]), None, NOBODY
    ),  # what the enrolled trainee keeps on their own device: nobody else's list, not even staff's
    "learning:lesson_complete": Entry("post", _lesson("lesson_complete", "text"), None, NOBODY),
    "learning:quiz_submit": Entry(
        "post", _lesson("quiz_submit", "quiz", "quiz"), lambda w: {"attempt": "1", "q0": "1"}, NOBODY
    ),
    "learning:reflection_submit": Entry(
        "post", _lesson("reflection_submit", "reflection", "ref"), lambda w: {"text": "one two three"}, NOBODY
    ),
    "learning:workspace:cohort": Entry("get", _ws("cohort")),
    "learning:workspace:cohort_edit": Entry("post", _ws("cohort_edit"), lambda w: {"title": "Taken over"}),
    "learning:workspace:enrolment_action": Entry(
        "post", _ws("enrolment_action"), lambda w: {"act": f"withdraw:{w['active'].pk}"}
    ),
    "learning:workspace:matrix": Entry("get", _ws("matrix")),
    "learning:workspace:trainee": Entry("get", _ws("trainee", "active")),
    "learning:workspace:reflection_review": Entry(
        "post", _ws("reflection_review", "reflection_obj"), lambda w: {"decision": "accept", "feedback": "x"}
    ),
    "learning:workspace:invite": Entry("post", _ws("invite"), lambda w: {"addresses": "x@example.org"}),
    "learning:workspace:session_create": Entry("get", _ws("session_create")),
    "learning:workspace:attendance": Entry(
        "post", _ws("attendance", "session"), lambda w: {"present": [w["active"].pk]}
    ),
    "learning:workspace:message_create": Entry(
        "post", _ws("message_create"), lambda w: {"audience": "all", "subject": "Hi", "body": "Hello"}
    ),
    "learning:workspace:certificates_issue": Entry("post", _ws("certificates_issue"), lambda w: {}),
    "learning:workspace:certificate_revoke": Entry(
        "post", _ws("certificate_revoke", "certificate"), lambda w: {"reason": "error"}
    ),
    "learning:workspace:certificate_reissue": Entry("post", _ws("certificate_reissue", "certificate"), dict),
    "learning:workspace:export_csv": Entry("get", _ws("export_csv")),
    "learning:workspace:export_xlsx": Entry("get", _ws("export_xlsx")),
    "learning:workspace:invitation": Entry(
        "post",
        lambda w: reverse("learning:workspace:invitation", args=[w["invitation"].token]),
        None,
        NOBODY,  # only the person it was sent to (tests/workspace/test_invitations.py)
    ),
    "certificates:pdf": Entry("get", lambda w: reverse("certificates:pdf", args=[w["certificate"].pk])),
    "certificates:credential": Entry(
        "get", lambda w: reverse("certificates:credential", args=[w["certificate"].pk])
    ),
    "certificates:credential_vc_jose": Entry(
        "get", lambda w: reverse("certificates:credential_vc_jose", args=[w["certificate"].pk])
    ),
    "certificates:credential_jwt": Entry(
        "get", lambda w: reverse("certificates:credential_jwt", args=[w["certificate"].pk])
    ),
    "accounts:data_export_download": Entry(
        "get", lambda w: download_path(w["data_export"]), None, NOBODY
    ),  # only its owner, signed in, not even staff (tests/accounts/test_data_export.py)
    # Trainer A's cohort's discussion: staff moderate every space, so they may post too
    # (tests/community/test_access.py adds a member of another cohort and a blocked person).
    "community:cohort_space": Entry("get", _c("cohort_space", "cohort")),
    "community:space": Entry("get", _c("space", "space")),
    # Trainers, editors and staff may read lessons, but only the cohort's people and trainers (and staff)
    # its questions: the lesson's course has one cohort, trainer A's.
    "community:lesson_space": Entry("get", _c("lesson_space", "text")),
    "community:thread_create": Entry(
        "post", _c("thread_create", "space"), lambda w: {"title": "Hi", "body": "Hello"}
    ),
    "community:block": Entry("post", _c("block", "space"), lambda w: {"user": w["active"].user_id}),
    "community:thread": Entry("get", _c("thread", "thread")),
    "community:post": Entry("get", _c("post", "post")),  # the post's address: a redirect into its thread
    "community:reply": Entry("post", _c("reply", "thread"), lambda w: {"body": "Hello"}),
    "community:pin": Entry("post", _c("pin", "thread"), lambda w: {"pinned": "1"}),
    "community:helpful": Entry("post", _c("helpful", "post"), None),
    "community:report": Entry("post", _c("report", "post"), lambda w: {"reason": "spam"}),
    "community:moderate": Entry("post", _c("moderate", "post"), lambda w: {"note": "Off topic"}),
    "community:report_dismiss": Entry("post", _c("report_dismiss", "report"), dict),
    # The cities' exchange: the members of any city or partner organisation (here Dresden's official) and
    # staff; a trainee, a trainer and an editor of no organisation get a 404 (tests/community/test_exchange).
    "community:exchange_index": Entry(
        "get",
        lambda w: reverse("community:exchange_index"),
        None,
        frozenset({"official of another city", "staff"}),
    ),
    "community:exchange": Entry(
        "get",
        lambda w: reverse("community:exchange", args=[w["theme"].slug]),
        None,
        frozenset({"official of another city", "staff"}),
    ),
    # The directory and a listed profile: any signed-in person (tests/network adds unlisted and blocked).
    "network:directory": Entry("get", lambda w: reverse("network:directory"), None, SIGNED_IN),
    "network:person": Entry("get", _n("person", "profile"), None, SIGNED_IN),
    "network:message_start": Entry(
        "post", _n("message_start", "profile"), lambda w: {"body": "Hi"}, SIGNED_IN
    ),
    "network:person_block": Entry("post", _n("person_block", "profile"), dict, SIGNED_IN),
    # A conversation is its two people's only: not even staff read it.
    "network:conversation": Entry("get", _n("conversation", "conversation"), None, NOBODY),
    "network:reply": Entry("post", _n("reply", "conversation"), lambda w: {"body": "Intruding"}, NOBODY),
    "network:conversation_block": Entry("post", _n("conversation_block", "conversation"), dict, NOBODY),
    "network:block_remove": Entry(
        "post", lambda w: reverse("network:block_remove", args=[w["person_block"].pk]), dict, NOBODY
    ),
    # A trainee's notification: only its recipient opens it (and so marks it read), not even staff
    # (tests/notifications/test_centre.py).
    "notifications:open": Entry(
        "get", lambda w: reverse("notifications:open", args=[w["notification"].pk]), None, NOBODY
    ),
    "toolkits:plan": Entry("get", _plan("plan")),
    "toolkits:section": Entry(
        "post", _section("section"), lambda w: {"version": 0, "text": "Hijacked"}, NOBODY
    ),
    "toolkits:comment_add": Entry("post", _section("comment_add"), lambda w: {"body": "Hi"}, NOBODY),
    "toolkits:comment_resolve": Entry(
        "post",
        lambda w: reverse(
            "toolkits:comment_resolve",
            kwargs={"public_id": w["plan"].public_id, "comment_id": w["comment"].pk},
        ),
        None,
        NOBODY,
    ),
    "toolkits:plan_share": Entry("post", _plan("plan_share"), dict, NOBODY),
    "toolkits:plan_status": Entry("post", _plan("plan_status"), lambda w: {"action": "finalise"}, NOBODY),
    "toolkits:plan_publish": Entry("post", _plan("plan_publish"), dict, NOBODY),
    "toolkits:plan_history": Entry("get", _plan("plan_history")),
    "toolkits:plan_export": Entry("get", _plan("plan_export", fmt="pdf")),
    "toolkits:case": Entry("get", _plan("case"), None, NOBODY),  # a draft is not a case, even for staff
    "toolkits:case_export": Entry("get", _plan("case_export", fmt="pdf"), None, NOBODY),
    # Lisbon's submitted check-in, mentored by Brighton: the team records, the mentor reads and comments
    # (tests/toolkits/test_checkin_access.py adds the mentor and a peer reviewer); staff only read.
    "toolkits:checkin": Entry("get", _checkin("checkin")),
    "toolkits:checkin_comment": Entry("post", _checkin("checkin_comment"), lambda w: {"body": "Hi"}, NOBODY),
    "toolkits:plan_start": Entry(
        "post",
        lambda w: reverse("toolkits:plan_start", args=[w["template"].pk]),
        lambda w: {"title": "Not ours", "organisation": w["gdansk"].pk},
        NOBODY,
    ),
}

# The admin: people's data (cohorts, enrolments, sessions, certificates, reports) is staff's; content
# snippets and certificate designs are the editors' too.
ADMIN_AREAS = {
    "cohorts": ("cohort", STAFF),
    "enrolments": ("active", STAFF),
    "live_sessions": ("session", STAFF),
    "learning_certificates": ("certificate", STAFF),
    "certificate_designs": ("design", frozenset({"staff", "editor"})),
    "wagtailsnippets_learning_topic": ("topic", frozenset({"staff", "editor"})),
    "wagtailsnippets_toolkits_theme": ("theme", frozenset({"staff", "editor"})),
    "wagtailsnippets_toolkits_organisation": ("gdansk", STAFF),
    "wagtailsnippets_toolkits_pairing": ("pairing", STAFF),
    "wagtailsnippets_accounts_legalversion": ("legal", frozenset({"staff", "editor"})),
}
PLANS_REPORT = {"toolkits_plans_report", "toolkits_plans_report_results"}
ADMIN_REPORTS = {
    "toolkits_downloads_report",
    "toolkits_downloads_report_results",
    "toolkits_overdue_checkins_report",
    "toolkits_overdue_checkins_report_results",
}
# Admin views that need an object of another kind than their area's.
ADMIN_OBJECT = {
    "learning_certificates:issue_for_cohort": "cohort",
    "learning_certificates:issue": "completed",
}
# Admin views of one revision of an object (snippets with drafts): its key and the revision's.
ADMIN_REVISION_ARGS = {
    "wagtailsnippets_accounts_legalversion:revisions_revert": lambda v: {
        "pk": v.pk,
        "revision_id": v.latest_revision_id,
    },
    "wagtailsnippets_accounts_legalversion:revisions_unschedule": lambda v: {
        "pk": v.pk,
        "revision_id": v.latest_revision_id,
    },
    "wagtailsnippets_accounts_legalversion:revisions_compare": lambda v: {
        "pk": str(v.pk),
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
    },
}

PUBLIC = {
    None: "robots.txt",
    "certificate_did": "the issuer's public key",
    "certificate_status_list": "the public revocation list",
    "certificate_jwks": "the issuer's public keys",
    "certificates:verify_form": "anyone checks a certificate",
    "certificates:verify": "anyone checks a certificate by its code (test_certificates_verification.py)",
    "home:search": "public pages only",
    "core:switch_language": "the requester's own language",
    "home:manifest": "the web app manifest: the organisation's name and the icons",
    "service_worker": "the service worker's code, the same for everyone (tests/learning/test_offline.py)",
    # Wagtail's download view, which core.documents wraps: public documents to anyone, a private
    # collection's only as its restriction says (tests/toolkits/test_downloads.py)
    "wagtaildocs_serve": "documents, by their collection's view restrictions",
    # A signed token per person and kind, which works without logging in (RFC 8058) and can only stop
    # an e-mail; a forged one is refused (tests/notifications/test_delivery.py)
    "notifications:unsubscribe": "an e-mail's one-click unsubscribe, by its signed token",
}
OWN_DATA = {
    "accounts:profile",
    "accounts:language_offer",
    "accounts:privacy",
    "accounts:data_export",
    "accounts:delete",
    "accounts:consent",
    "learning:dashboard",
    "learning:workspace:cohorts",
    "learning:workspace:cohort_create",
    "learning:workspace:waiting",
    "community:reports",  # only the reports of the spaces the person moderates (tests/community)
    "toolkits:my_plans",
    "network:settings",
    "network:inbox",  # only the requester's own conversations (tests/network/test_messages.py)
    "notifications:centre",
    "notifications:mark_all_read",
    "notifications:preferences",
}
OUR_ADMIN = (
    "admin/learning/",
    "admin/reports/action-plans",
    "admin/reports/toolkit-downloads",
    "admin/reports/overdue-checkins",
    "admin/snippets/learning/",
    "admin/snippets/toolkits/",
    "admin/snippets/accounts/",
)


def project_routes():
    """(name, route) of every URL pattern of the project's own apps, site and admin."""

    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = pattern.namespace
                inner = f"{namespace}:{ns}" if namespace and ns else ns or namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            else:
                name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
                module = getattr(pattern.callback, "__module__", "")
                ours = module.startswith(
                    (
                        "learning",
                        "toolkits",
                        "accounts",
                        "home",
                        "core",
                        "community",
                        "network",
                        "notifications",
                    )
                )
                if (
                    ours
                    or prefix.startswith(OUR_ADMIN)
                    or (prefix + str(pattern.pattern)).startswith(OUR_ADMIN)
                ):
                    yield name, prefix + str(pattern.pattern)

    return list(walk(get_resolver().url_patterns))


def admin_entry(name: str) -> tuple[str, frozenset] | None:
    area = name.split(":")[0] if name else ""
    if name in PLANS_REPORT:
        # Editors may open it, but it lists only the plans they may read: none of Gdańsk's draft here
        # (tests/toolkits/test_admin_reports.py checks the rows).
        return None, frozenset({"staff", "editor"})
    if name in ADMIN_REPORTS:
        return None, STAFF
    if area in ADMIN_AREAS:
        key, allowed = ADMIN_AREAS[area]
        return ADMIN_OBJECT.get(name, key), allowed
    return None


def test_every_url_of_the_project_has_an_entry():
    missing = [
        (name, route)
        for name, route in project_routes()
        if name not in MATRIX and name not in PUBLIC and name not in OWN_DATA and admin_entry(name) is None
    ]
    assert missing == []


def _user(group=None, **fields):
    user = UserFactory(**fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def world(django_capture_on_commit_callbacks):
    return build_world(django_capture_on_commit_callbacks)


def build_world(capture_on_commit_callbacks):
    """Everyone's objects and the six roles (tests/test_fuzz_forms.py builds it once per module)."""
    course = make_course(
        bodies=[[text_block()], [quiz_block(block_id="quiz")], [reflection_block(block_id="ref")]]
    )
    text, quiz, reflection = lessons_of(course)
    trainer_a = _user(TRAINERS)
    cohort = CohortFactory(course=course, title="Trainer A's cohort")
    cohort.trainers.add(trainer_a)
    active = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.ACTIVE)
    completed = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.COMPLETED)
    reflection_obj = Reflection.objects.create(
        enrolment=active,
        lesson=reflection,
        lesson_key=reflection.translation_key,
        prompt_id="ref",
        text="Mine",
        submitted_at=timezone.now(),
    )
    with capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue(enrolment=completed)
    gdansk, dresden = (
        f.OrganisationFactory(name="City of Gdansk"),
        f.OrganisationFactory(name="City of Dresden"),
    )
    template = f.template(f.library())
    plan = f.plan(template, gdansk, f.member(gdansk))
    key = next(s["key"] for s in plan.template_snapshot if s["type"] == "free_text")
    section = plan.sections.get(key=key)
    section.plan = plan
    comment = toolkit_services.comment_add(section=section, user=plan.created_by, body="Ours")
    with capture_on_commit_callbacks(execute=True):
        data_export, _queued = data_export_request(user=active.user)
    space = community_services.cohort_space(cohort=cohort)
    thread = community_services.thread_create(space=space, author=active.user, title="Ours", body="Hello all")
    post = thread.posts.get()
    report = community_services.post_report(post=post, reporter=completed.user, reason="other")
    network_services.profile_update(
        user=active.user, listed=True, shown={}, languages=["en"], topics=[], themes=[], bio=""
    )
    conversation = network_services.conversation_start(
        sender=completed.user, recipient=active.user, body="Private", rate_limited=False
    ).conversation
    person_block = network_services.person_block(blocker=completed.user, blocked=_user())
    checkin = _submitted_checkin(template)
    trainer_b = _user(TRAINERS)
    CohortFactory(course=make_course()).trainers.add(trainer_b)
    world = {
        "cohort": cohort,
        "closed": CohortFactory(course=course, enrolment_mode="closed"),
        "active": active,
        "completed": completed,
        "reflection_obj": reflection_obj,
        "session": LiveSessionFactory(cohort=cohort),
        "certificate": certificate,
        "data_export": data_export,
        "invitation": CohortInvitation.objects.create(cohort=cohort, email="invited@example.org"),
        "space": space,
        "thread": thread,
        "post": post,
        "report": report,
        "profile": active.user.directory_profile,
        "conversation": conversation,
        "person_block": person_block,
        "notification": Notification.objects.create(
            recipient=active.user, kind=Kind.REPLY, target_path=f"/community/threads/{thread.pk}/"
        ),
        "text": text,
        "quiz": quiz,
        "reflection": reflection,
        "plan": plan,
        "key": key,
        "comment": comment,
        "checkin": checkin,
        "template": template,
        "gdansk": gdansk,
        "pairing": f.pairing(dresden, gdansk),
        "theme": f.ThemeFactory(),
        "topic": Topic.objects.create(name="Civic participation"),
        "design": CertificateDesign.objects.create(name="Classic"),
        # A draft, with a revision: nobody is asked to accept it while the roles walk the site.
        "legal": legal_draft(),
    }
    official = f.member(dresden)
    official.groups.add(Group.objects.get(name=CITY_OFFICIALS))
    world["users"] = {
        "anonymous": None,
        "trainee": _user(),
        "trainer of another cohort": trainer_b,
        "official of another city": official,
        "editor": _user("Editors"),
        "staff": _user(is_staff=True, is_superuser=True),
    }
    return world


def _submitted_checkin(template):
    """Lisbon's final plan, mentored by Brighton: its 3-month check-in, due and submitted."""
    lisbon, brighton = (
        f.OrganisationFactory(name="City of Lisbon"),
        f.OrganisationFactory(name="City of Brighton"),
    )
    f.pairing(brighton, lisbon)
    official = f.member(lisbon)
    plan = f.plan(template, lisbon, official, title="Lisbon plan")
    fill(plan, official, actions=2, goals=1)
    toolkit_services.plan_transition(plan=plan, action="finalise", user=official)
    CheckIn.objects.filter(plan=plan, months=3).update(due_on=timezone.localdate())
    checkin = CheckIn.objects.get(plan=plan, months=3)
    return checkin_services.checkin_submit(checkin=checkin, user=official, actions=[], indicators=[])


def legal_draft():
    version = legal_version("terms", "2.0", live=False)
    version.save_revision()
    return version


def snapshot(w):
    """What a refused request must leave as it was."""
    return (
        sorted(Enrolment.objects.values_list("pk", "status")),
        sorted(Reflection.objects.values_list("pk", "status", "feedback", "text")),
        sorted(Certificate.objects.values_list("pk", "status")),
        sorted(PlanSection.objects.values_list("pk", "version")),
        sorted(PlanComment.objects.values_list("pk", "resolved_at")),
        sorted(ActionPlan.objects.values_list("pk", "status", "title")),
        sorted(CohortInvitation.objects.values_list("pk", "accepted_at")),
        sorted(DataExport.objects.values_list("pk", "status", "file")),
        w["cohort"].__class__.objects.get(pk=w["cohort"].pk).title,
        sorted(Thread.objects.values_list("pk", "pinned", "reply_count")),
        sorted(Post.objects.values_list("pk", "hidden_at", "helpful_count")),
        sorted(Report.objects.values_list("pk", "resolved_at")),
        sorted(Block.objects.values_list("pk", flat=True)),
        sorted(Message.objects.values_list("pk", flat=True)),
        sorted(PersonBlock.objects.values_list("pk", flat=True)),
        sorted(CheckIn.objects.values_list("pk", "submitted_at", "updated_at")),
        sorted(CheckInComment.objects.values_list("pk", flat=True)),
        sorted(Notification.objects.values_list("pk", "read_at")),
    )


def refused(response, role: str, address: str) -> bool:
    """A 4xx (not found, forbidden, or a business refusal such as "closed"), the login or signup page, or
    a redirect away from the object (the admin's "permission denied" goes to its dashboard)."""
    if 400 <= response.status_code < 500:
        return True
    if response.status_code == 302:
        target = response["Location"]
        return "/login/" in target or "/signup/" in target or (role != "anonymous" and target != address)
    return False


def site_requests(world):
    for name, entry in MATRIX.items():
        address = entry.url(world)
        yield name, entry.method, address, entry.data(world) if entry.data else {}, entry.allowed


def admin_requests(world):
    for name, route in project_routes():
        found = admin_entry(name)
        if found is None:
            continue
        key, allowed = found
        if name in ADMIN_REVISION_ARGS:
            yield name, "get", reverse(name, kwargs=ADMIN_REVISION_ARGS[name](world[key])), {}, allowed
            continue
        args = [world[key].pk] if "<int:pk>" in route else []
        yield name, "get", reverse(name, args=args), {}, allowed


@pytest.mark.parametrize("role", ROLES)
def test_every_object_url_refuses_everyone_it_does_not_belong_to(client, world, role):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    leaks = []
    probes = [*site_requests(world), *admin_requests(world)]
    for name, method, address, data, allowed in probes:
        before = snapshot(world)
        response = getattr(client, method)(address, data)
        if response.status_code >= 500:
            leaks.append((name, response.status_code))
        elif role in allowed:
            if method == "get" and response.status_code >= 400:
                leaks.append((name, f"refused the allowed role: {response.status_code}"))
        else:
            if not refused(response, role, address):
                leaks.append((name, response.status_code))
            if snapshot(world) != before:
                leaks.append((name, "changed data"))
    # The figure the closing notes quote (pytest -s shows it).
    print(f"\nauthorization, {role}: {len(probes)} requests, {len(leaks)} failed open")
    assert leaks == []
