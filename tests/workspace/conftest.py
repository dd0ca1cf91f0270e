import pytest
from django.contrib.auth.models import Group

from accounts.roles import CITY_OFFICIALS, TRAINERS
from learning.models import Enrolment
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, make_course

Status = Enrolment.Status


def make_trainer(**fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=TRAINERS))
    return user


def cohort_of(trainer, **fields):
    cohort = CohortFactory(**fields)
    cohort.trainers.add(trainer)
    return cohort


def enrol(cohort, status=Status.ACTIVE, **user_fields):
    return EnrolmentFactory(cohort=cohort, status=status, user=UserFactory(**user_fields))


@pytest.fixture
def trainer(db):
    return make_trainer(display_name="Tess Trainer")


@pytest.fixture
def other_trainer(db):
    return make_trainer(display_name="Otto Other")


@pytest.fixture
def course(db):
    return make_course(lessons=3)


@pytest.fixture
def cohort(trainer, course):
    return cohort_of(trainer, course=course, capacity=3, title="Brussels spring cohort")


@pytest.fixture
def city_official(db):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=CITY_OFFICIALS))
    return user


def url(name, *args):
    from django.urls import reverse

    return reverse(f"learning:workspace:{name}", args=args)
