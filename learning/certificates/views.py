"""Public verification, the issuer's published keys and status list, and the holder's downloads.

The verification page is public and must stay cheap (one query for the certificate) and discreet: it
shows what the certificate states and its status, never who holds the account behind it.
"""

import contextlib
import json
import logging
import time
from functools import partial, wraps

from allauth.core.internal import ratelimit
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.views.decorators.http import require_GET

from . import issuer, jwt_proof, openbadges, page_cache, status_list
from .forms import VerifyForm
from .models import Certificate
from .pdf import PdfUnavailable, pdf_bytes
from .selectors import downloadable_certificate, holder_links
from .tasks import render_certificate_pdf

logger = logging.getLogger(__name__)

# Seconds a holder is asked to wait when the PDF cannot be made now (it is being made again meanwhile).
PDF_RETRY_AFTER = 120

PUBLIC_FIELDS = (
    "code",
    "status",
    "issued_at",
    "revoked_at",
    "revocation_reason",
    "learner_name",
    "course_title",
    "hours",
    "completed_on",
    "issuer_name",
    "replaced_by__code",
)


def _too_many(request) -> bool:
    usage = ratelimit.consume(
        request,
        app="learning.certificates",
        action="verify",
        config={"verify": settings.CERTIFICATE_VERIFY_RATE},
        limit_get=True,
    )
    return usage is None


def _noindex(response):
    response["X-Robots-Tag"] = "noindex"
    return response


def needs_signing_key(view):
    """Without a configured key (a deployment mistake the deploy check reports), say so with a 503
    rather than a server error: nothing the visitor did caused it, and it will pass."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except ImproperlyConfigured:
            logger.exception("Certificate signing key missing or unreadable")
            return render(request, "certificates/unavailable.html", status=503)

    return wrapper


@require_GET
def verify_form(request):
    """Type a code (from a printed certificate); a GET form, so it works without JavaScript."""
    form = VerifyForm(request.GET or None)
    if form.is_valid():
        return redirect("certificates:verify", code=form.cleaned_data["code"])
    return _noindex(render(request, "certificates/verify_form.html", {"form": form}))


@require_GET
def verify(request, code):
    """The public check. For anonymous visitors (nearly all: people scanning a QR code) the page is the
    same for everyone, so it is kept rendered in the shared cache, per site, language and content version,
    and per certificate version: revoking a certificate bumps it (see `page_cache.forget`)."""
    if _too_many(request):
        return _noindex(render(request, "429.html", status=429))
    if request.user.is_authenticated or request.COOKIES.get("messages"):
        # The header shows who is signed in: this page may not be kept by shared caches.
        return _noindex(_verify_page(request, code))
    key = page_cache.key(request, code)
    content = cache.get(key)
    if content is None:
        response = _verify_page(request, code)
        if response.status_code == 200:
            cache.set(key, response.content, page_cache.TIMEOUT)
    else:
        response = HttpResponse(content)
    if response.status_code == 200:
        # Revocation must show soon, but a shared cache may answer a burst of scans of the same QR code.
        patch_cache_control(response, public=True, max_age=60)
    return _noindex(response)


def _verify_page(request, code):
    certificate = (
        Certificate.objects.filter(code=code).select_related("replaced_by").only(*PUBLIC_FIELDS).first()
    )
    if certificate is None:
        # Nearly always a mistyped code: say so and offer the form again, prefilled so the visitor can
        # correct it. It reveals nothing a probe could use (no hint whether a similar code exists), and
        # is never cached: random probes must not fill the shared cache.
        code = code[:40]
        form = VerifyForm(initial={"code": code})
        return render(request, "certificates/verify_unknown.html", {"form": form, "code": code}, status=404)
    links = None
    if request.user.is_authenticated:
        # The holder, the cohort's trainers and staff find the downloads here too; nobody else learns
        # anything more about the certificate than the public page says.
        with contextlib.suppress(Http404):
            links = holder_links(downloadable_certificate(user=request.user, pk=certificate.pk))
    return render(request, "certificates/verify.html", {"certificate": certificate, "links": links})


def _for_everyone(response):
    """Published documents are read by in-browser verifiers on other origins: any origin may read them
    (they are public and carry no cookie-bound data, so `*` opens nothing)."""
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
@needs_signing_key
def did_document(request):
    return _for_everyone(JsonResponse(issuer.did_document(), content_type="application/did+json"))


@require_GET
@needs_signing_key
def jwks(request):
    return _for_everyone(JsonResponse(issuer.jwks(), content_type="application/jwk-set+json"))


@require_GET
@needs_signing_key
def status_list_credential(request, number):
    """The revocation list: JSON with a Data Integrity proof (wallets), or VC-JOSE when asked for."""
    if number != 1:
        raise Http404
    if "application/vc+jwt" in request.headers.get("Accept", ""):
        response = HttpResponse(status_list.status_list_jwt(), content_type="application/vc+jwt")
    else:
        listed = status_list.signed_status_list()
        response = JsonResponse(listed, content_type="application/vc+ld+json")
    # Kept exactly as long as the list says it is valid: a revocation reaches every verifier within the TTL.
    patch_cache_control(response, public=True, max_age=status_list.ttl())
    response["Expires"] = http_date(time.time() + status_list.ttl())
    patch_vary_headers(response, ["Accept"])
    return _for_everyone(response)


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return _noindex(response)


@login_required
@require_GET
def download_pdf(request, pk):
    certificate = downloadable_certificate(user=request.user, pk=pk)
    try:
        content = pdf_bytes(certificate)
    except PdfUnavailable:
        # Nothing the holder did: say so, and try again in the background so the next visit finds it.
        transaction.on_commit(partial(render_certificate_pdf.enqueue, certificate_id=certificate.pk))
        response = render(
            request, "certificates/pdf_unavailable.html", {"certificate": certificate}, status=503
        )
        response["Retry-After"] = str(PDF_RETRY_AFTER)
        return response
    return _attachment(content, "application/pdf", f"certificate-{certificate.pk}.pdf")


@login_required
@require_GET
@needs_signing_key
def download_credential(request, pk):
    """The wallet's form: Open Badges 3.0 with an embedded Data Integrity proof."""
    certificate = downloadable_certificate(user=request.user, pk=pk)
    content = json.dumps(openbadges.signed_credential(certificate), indent=2, ensure_ascii=False).encode()
    return _attachment(content, "application/vc+ld+json", f"certificate-{certificate.pk}.json")


@login_required
@require_GET
@needs_signing_key
def download_vc_jose(request, pk):
    """The same credential as VC-JOSE (an enveloped EdDSA JWS), for generic VC 2.0 verifiers."""
    certificate = downloadable_certificate(user=request.user, pk=pk)
    content = json.dumps(openbadges.vc_jose_credential(certificate), indent=2).encode()
    return _attachment(content, "application/json", f"certificate-{certificate.pk}-vc-jose.json")


@login_required
@require_GET
@needs_signing_key
def download_jwt(request, pk):
    """The Open Badges 3.0 JWT (ES256), the compact `.jwt` file 1EdTech's validator takes."""
    certificate = downloadable_certificate(user=request.user, pk=pk)
    content = openbadges.jwt_credential(certificate).encode()
    return _attachment(content, jwt_proof.MEDIA_TYPE, f"certificate-{certificate.pk}.jwt")
