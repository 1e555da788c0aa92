from django.urls import path

from . import views

urlpatterns = [
    # Before allauth's own sign-up, at the same address and name.
    path("accounts/signup/", views.SignupView.as_view(), name="account_signup"),
    path("settings/", views.settings_view, name="settings"),
    path("settings/export/", views.export_data, name="export_data"),
    path("settings/delete/", views.delete_account_view, name="delete_account"),
    path("members/<pseudonym:username>/", views.profile, name="profile"),
]
