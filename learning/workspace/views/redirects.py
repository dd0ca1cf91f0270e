"""Where a workspace action sends the trainer next: the cohort page, or the page they came from."""

from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def cohort_url(cohort, name="cohort", *args):
    return reverse(f"learning:workspace:{name}", args=[cohort.pk, *args])


def back_to_cohort(request, cohort):
    target = request.POST.get("next", "")
    # Only a path on this site: `redirect()` would take "abc" for a URL name and fail to reverse it.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return HttpResponseRedirect(target)
    return redirect(cohort_url(cohort))
