"""The trainer's one place for what waits for them across their cohorts."""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from ..permissions import trainer_required
from ..waiting import waiting_for


@trainer_required
@require_GET
def waiting(request):
    return TemplateResponse(request, "workspace/waiting.html", {"waiting": waiting_for(user=request.user)})
