"""Two-step sign-in: required of moderators, leads and staff before their roles are in
force (accounts.permissions decides that, everywhere); this module sends them to set it up
from the queue and the admin, prompts them on every other page, and keeps allauth's
wording kind.

allauth.mfa does the work: an authenticator app, recovery codes, and asking for a code
at sign-in once set up.
"""

import qrcode
from allauth.mfa.adapter import DefaultMFAAdapter
from django.contrib import messages
from django.shortcuts import redirect
from qrcode.image.svg import SvgPathFillImage

from .permissions import must_set_up_two_step

# The places that exist only for roles: sent to set it up from here. Everywhere else a
# role holder who has not set it up yet uses the forum as a member, and is prompted.
PROTECTED_PREFIXES = ("/moderation/", "/admin/")
# A member's own appeal lives beside the moderators' pages, and is every member's.
MEMBERS_PAGES_THERE = ("/moderation/appeal/",)

SET_UP_FIRST = (
    "Moderators and admins can see what members share in confidence, so we ask you to "
    "add a second step to your sign-in before you go on. It takes a minute with an "
    "authenticator app on your phone."
)


class RequireMFAForStaffMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if (
            path.startswith(PROTECTED_PREFIXES)
            and not path.startswith(MEMBERS_PAGES_THERE)
            and must_set_up_two_step(request.user)
        ):
            messages.info(request, SET_UP_FIRST)
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class MFAAdapter(DefaultMFAAdapter):
    # The same facts as allauth's messages, said kindly (members never read "incorrect").
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": "That code did not match. The number in your app changes every "
        "30 seconds, so please type the one it shows now.",
        "unverified_email": "Please confirm your email address first, using the link we "
        "emailed you; then you can add two-step sign-in.",
        "cannot_generate_recovery_codes": "Recovery codes come with two-step sign-in, so "
        "please set up an authenticator app first.",
        "add_email_blocked": "To keep an account with two-step sign-in safe, email "
        "addresses cannot be added to it.",
    }

    def build_totp_svg(self, url):
        # A white background, so the code can be scanned in dark mode too.
        return qrcode.make(url, image_factory=SvgPathFillImage).to_string(encoding="unicode")
