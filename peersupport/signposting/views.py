from django.conf import settings
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.templatetags.static import static
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from forum.rendering import render_guide_markdown
from peersupport.accounts.services import update_preferences

from .context_processors import REGION_COOKIE
from .directory import CrisisDirectory
from .forms import RegionForm
from .models import GuidePage
from .regions import clean_region
from .resources import resources_or_built_in

REGION_COOKIE_AGE = 365 * 24 * 60 * 60
# Where an admin wrote [[crisis-services]] on a line of its own, as Markdown renders it.
CRISIS_SERVICES_TAG = "<p>[[crisis-services]]</p>"


def help_page(request):
    return render(request, "signposting/help.html", {"form": RegionForm(), "help_on_page": True})


def guide_page(request, slug):
    page = get_object_or_404(GuidePage, slug=slug)
    body_parts = render_guide_markdown(page.body).split(CRISIS_SERVICES_TAG)
    return render(request, "signposting/guide.html", {"page": page, "body_parts": body_parts})


def privacy_page(request):
    return render(
        request,
        "signposting/privacy.html",
        {"retention": settings.RETENTION_DAYS, "contact_email": settings.PRIVACY_CONTACT_EMAIL},
    )


@require_POST
def choose_region(request):
    form = RegionForm(request.POST)
    next_url = request.POST.get("next", "")
    if not form.is_valid():
        return render(
            request, "signposting/help.html", {"form": form, "help_on_page": True}, status=400
        )
    region = form.cleaned_data["region"]
    # A path on this site, redirected to as it is: redirect() would take a bare word
    # for a view's name.
    if next_url.startswith("/") and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        response = HttpResponseRedirect(next_url)
    else:
        response = redirect("signposting:help")
    if request.user.is_authenticated:
        update_preferences(request.user, region=region)
    response.set_cookie(
        REGION_COOKIE,
        region,
        max_age=REGION_COOKIE_AGE,
        samesite="Lax",
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,  # HTTPS-only wherever the session is
    )
    return response


@never_cache
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def favicon(request):
    # Browsers ask for /favicon.ico whatever a page links. The address is worked out per
    # request: in production it names the collected file, which exists only after
    # collectstatic, so it cannot be fixed when the URLs are first read.
    return redirect(static("favicon.ico"), permanent=True)


# Error pages carry the crisis box (base.html), which needs the request's context. Django's
# own 403 and 404 views render with it; its 400 and CSRF-failure views do not, so these
# two render here. The 500 page is rendered without the request's context processors,
# which would reach the database through the session.


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def server_error(request):
    region = clean_region(request.COOKIES.get(REGION_COOKIE))
    html = loader.get_template("500.html").render(
        {
            "crisis_directory": CrisisDirectory(resources_or_built_in(region)),
            "quick_exit_url": settings.QUICK_EXIT_URL,
            # What the CSP context processor gives every other page, for base.html's tags.
            "CSP_NONCE": request.csp_nonce,
        }
    )
    return HttpResponse(html, status=500)
