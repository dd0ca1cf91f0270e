"""Schedule check-ins for plans that were final before check-ins existed. Safe to run again:

    python manage.py schedule_checkins

A plan becoming final schedules its own (toolkits.services.plan_transition); this gives the same to
the final and published plans of mentee cities that have none, through the same service. Their plans
are locked once final, so the last change is taken as the day they became final (for a published plan,
the day it was published: a little later, never earlier).
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from toolkits.checkins.services import checkins_schedule
from toolkits.models import ActionPlan


class Command(BaseCommand):
    help = "Schedule the 3-, 6- and 12-month check-ins of final plans of mentee cities that have none."

    def handle(self, *args, **options):
        plans = ActionPlan.objects.filter(
            status__in=[ActionPlan.Status.FINAL, ActionPlan.Status.PUBLISHED], checkins__isnull=True
        )
        scheduled = 0
        for plan in plans:
            scheduled += len(checkins_schedule(plan=plan, final_on=timezone.localdate(plan.updated_at)))
        self.stdout.write(f"{scheduled} check-in(s) scheduled.")
