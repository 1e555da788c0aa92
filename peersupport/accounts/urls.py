from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("accounts/signup/under-13/", views.under_13, name="under_13"),
    path("settings/", views.settings_view, name="settings"),
    path("settings/break/", views.take_break_view, name="take_break"),
    path("settings/break/end/", views.end_break_view, name="end_break"),
    path("settings/export/", views.export_data, name="export_data"),
    path("settings/delete/", views.delete_account_view, name="delete_account"),
    path("members/<pseudonym:username>/", views.profile, name="profile"),
]
