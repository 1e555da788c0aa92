from django.urls import path

from . import views

app_name = "signposting"

urlpatterns = [
    path("help/", views.help_page, name="help"),
    path("help/region/", views.choose_region, name="choose_region"),
    path("guidelines/", views.guide_page, {"slug": "guidelines"}, name="guidelines"),
    path("professionals/", views.guide_page, {"slug": "professionals"}, name="professionals"),
    path("privacy/", views.privacy_page, name="privacy"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
]
