from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("forum.urls")),
    path("", include("peersupport.signposting.urls")),
    path("", include("peersupport.accounts.urls")),
    path("", include("moderation.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "peersupport.signposting.views.bad_request"
handler403 = "peersupport.signposting.views.permission_denied"
handler404 = "peersupport.signposting.views.page_not_found"
handler500 = "peersupport.signposting.views.server_error"
