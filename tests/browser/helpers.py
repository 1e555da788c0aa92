"""People and sign-in for the browser journeys."""

from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from tests.factories import PASSWORD, UserFactory


def sign_in(browser, live_server, user, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Pseudonym or email address").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    return context, page


def verify_email(user):
    """Sign-in needs a verified address outside development."""
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def verified_member(username):
    return verify_email(UserFactory(username=username))
