"""Writing to a whole cohort, or a group of it."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from .. import services
from ..forms import MessageForm
from ..permissions import cohort_view
from .redirects import cohort_url


@cohort_view
@require_http_methods(["GET", "POST"])
def message_create(request, cohort):
    form = MessageForm(request.POST or None, initial={"audience": request.GET.get("audience", "all")})
    if request.method == "POST" and form.is_valid():
        message = services.message_send(
            cohort=cohort,
            sender=request.user,
            audience=form.cleaned_data["audience"],
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
        )
        messages.success(
            request,
            ngettext(
                "Your message is being sent to %(count)d person.",
                "Your message is being sent to %(count)d people.",
                message.recipient_count,
            )
            % {"count": message.recipient_count},
        )
        return redirect(cohort_url(cohort) + "#messages")
    return TemplateResponse(request, "workspace/message_form.html", {"cohort": cohort, "form": form})
