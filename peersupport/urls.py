from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from peersupport.accounts.permissions import is_admin
from peersupport.accounts.views import SignupView
from peersupport.search_engines import robots_txt

# Staff sign in through allauth like everyone else, so its rate limits and two-step
# sign-in cannot be sidestepped by the admin's own password form.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Peer Support admin"
admin.site.site_title = "Peer Support admin"
admin.site.index_title = "What you can look after"
# Being staff is a power like a role's, so it too waits for two-step sign-in.
admin.site.has_permission = lambda request: is_admin(request.user)

urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
    # Before allauth's own sign-up, at the same address and name (allauth links to it).
    path("accounts/signup/", SignupView.as_view(), name="account_signup"),
    path("", include("forum.urls")),
    path("", include("peersupport.signposting.urls")),
    path("", include("peersupport.accounts.urls")),
    path("", include("peersupport.carenotes.urls")),
    path("", include("moderation.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "peersupport.signposting.views.bad_request"
handler500 = "peersupport.signposting.views.server_error"
