"""Who may enter the workspace and which cohorts they see.

Every cohort the workspace touches is looked up through `cohorts_for(user)`: another trainer's cohort is
not refused, it does not exist (404), so nobody can learn which cohorts there are by trying numbers.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.roles import TRAINERS

from ..models import Cohort


def is_staff_for_cohorts(user) -> bool:
    """Those who manage every cohort in the Wagtail admin see every cohort here too."""
    return user.is_superuser or user.has_perm("learning.change_cohort")


def in_trainers_group(user) -> bool:
    return user.groups.filter(name=TRAINERS).exists()


def may_create_cohorts(user) -> bool:
    return user.is_authenticated and (is_staff_for_cohorts(user) or in_trainers_group(user))


def is_trainer(user) -> bool:
    """A member of the Trainers group, a trainer named on any cohort, or staff."""
    if not user.is_authenticated:
        return False
    return (
        is_staff_for_cohorts(user) or in_trainers_group(user) or Cohort.objects.filter(trainers=user).exists()
    )


def cohorts_for(user):
    """The cohorts `user` may see and run: the ones they train (co-trainers share them); staff, all."""
    if not user.is_authenticated:
        return Cohort.objects.none()
    if is_staff_for_cohorts(user):
        return Cohort.objects.all()
    return Cohort.objects.filter(trainers=user)


def cohort_for(user, pk) -> Cohort:
    return get_object_or_404(cohorts_for(user).select_related("course"), pk=pk)


def trainer_required(view):
    """Anonymous visitors go to the login page; anyone who is not a trainer gets a 404."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_trainer(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def cohort_view(view):
    """A trainer view of one cohort: `pk` becomes the cohort, found only among the user's own."""

    # No separate "is a trainer" check: a cohort outside `cohorts_for` is a 404 already.
    @login_required
    @wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        return view(request, cohort_for(request.user, pk), *args, **kwargs)

    return wrapper
