"""The site's URLs plus a view that needs nothing of the person asking: what middleware costs on its own."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def bare(request):
    return HttpResponse("ok")


urlpatterns = [path("bare/", bare), *site_urlpatterns]
