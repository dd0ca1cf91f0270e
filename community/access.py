"""Who may read, post in and moderate a space.

A space outside a person's reach does not exist for them (404), as with the workspace's cohorts, so
nobody learns which cohorts or lessons have discussions by trying numbers. The cities' exchange is read by
the members of any city or partner organisation and by staff, who moderate it.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404

from learning.models import Cohort, Enrolment
from learning.workspace.permissions import is_staff_for_cohorts
from toolkits.models import Membership, Organisation

from .models import Block, Space


@dataclass(frozen=True)
class SpaceAccess:
    read: bool = False
    moderate: bool = False
    blocked: bool = False
    # In the cities' exchange: the organisation the person writes for (None for staff of no organisation).
    organisation: Organisation | None = None

    @property
    def post(self) -> bool:
        return self.read and not self.blocked


def _cohorts_of(space: Space):
    """The cohorts whose people meet in `space`: its own, or every cohort of the course (a shared space)."""
    if space.cohort_id:
        return Cohort.objects.filter(pk=space.cohort_id)
    return Cohort.objects.filter(course__translation_key=space.course_key)


def exchange_moderator(user) -> bool:
    """Staff moderate the cities' exchange: those who see every plan, and those who manage every cohort."""
    return user.is_authenticated and (user.is_staff or is_staff_for_cohorts(user))


def exchange_membership(user) -> Membership | None:
    """The organisation a person speaks for in the exchange: their first (a person working for two
    organisations answers for the one they joined first)."""
    if not user.is_authenticated:
        return None
    memberships = Membership.objects.filter(user=user).select_related("organisation")
    return memberships.order_by("joined_at", "pk").first()


def may_read_exchange(user) -> bool:
    return user.is_authenticated and (
        Membership.objects.filter(user=user).exists() or exchange_moderator(user)
    )


def _exchange_access(user, space: Space) -> SpaceAccess:
    membership = exchange_membership(user)
    moderate = exchange_moderator(user)
    if membership is None and not moderate:
        return SpaceAccess()
    blocked = not moderate and Block.objects.filter(space=space, user=user).exists()
    organisation = membership.organisation if membership else None
    return SpaceAccess(read=True, moderate=moderate, blocked=blocked, organisation=organisation)


def space_access(*, user, space: Space) -> SpaceAccess:
    """Three indexed queries at most: trainer?, member?, blocked?"""
    if not user.is_authenticated:
        return SpaceAccess()
    if space.kind == Space.Kind.CITIES:
        return _exchange_access(user, space)
    cohorts = _cohorts_of(space)
    moderate = is_staff_for_cohorts(user) or cohorts.filter(trainers=user).exists()
    member = (
        moderate
        or Enrolment.objects.filter(user=user, cohort__in=cohorts, status__in=Enrolment.LEARNING).exists()
    )
    if not member:
        return SpaceAccess()
    blocked = not moderate and Block.objects.filter(space=space, user=user).exists()
    return SpaceAccess(read=True, moderate=moderate, blocked=blocked)


def readable_space(*, user, pk) -> tuple[Space, SpaceAccess]:
    space = Space.objects.select_related("cohort").filter(pk=pk).first()
    if space is None:
        raise Http404
    access = space_access(user=user, space=space)
    if not access.read:
        raise Http404
    return space, access


def moderated_spaces(user):
    """The spaces `user` moderates: their cohorts' and their courses' lessons'; staff, every one."""
    if is_staff_for_cohorts(user):
        return Space.objects.all()
    cohorts = Cohort.objects.filter(trainers=user)
    spaces = Space.objects.filter(cohort__in=cohorts) | Space.objects.filter(
        cohort__isnull=True, course_key__in=cohorts.values("course__translation_key")
    )
    if exchange_moderator(user):
        spaces |= Space.objects.filter(kind=Space.Kind.CITIES)
    return spaces


def space_member_ids(*, space: Space, among) -> set[int]:
    """Those of the people `among` (a queryset of users) who may read `space`: its trainees, trainers
    and staff. One query: a notification must never reach, or name, anyone outside the space."""
    if space.kind == Space.Kind.CITIES:
        # The exchange's readers: members of any organisation, and staff (exchange_moderator, as a query).
        readers = Q(pk__in=Membership.objects.values("user_id")) | Q(is_staff=True) | _cohort_managers()
        return set(among.filter(readers).filter(is_active=True).values_list("pk", flat=True))
    cohorts = _cohorts_of(space)
    learners = Enrolment.objects.filter(cohort__in=cohorts, status__in=Enrolment.LEARNING).values("user_id")
    trainers = Cohort.trainers.through.objects.filter(cohort__in=cohorts).values("user_id")
    members = among.filter(Q(pk__in=learners) | Q(pk__in=trainers) | _cohort_managers()).filter(
        is_active=True
    )
    return set(members.values_list("pk", flat=True))


def _cohort_managers() -> Q:
    """is_staff_for_cohorts, as a query: superusers, and whoever holds learning.change_cohort directly or
    through a group."""
    return (
        Q(is_superuser=True)
        | Q(user_permissions__codename="change_cohort", user_permissions__content_type__app_label="learning")
        | Q(
            groups__permissions__codename="change_cohort",
            groups__permissions__content_type__app_label="learning",
        )
    )
