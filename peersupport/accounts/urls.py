from django.urls import path

from . import views, welcome_views

app_name = "accounts"

urlpatterns = [
    path("accounts/signup/under-13/", views.under_13, name="under_13"),
    path("settings/", views.settings_view, name="settings"),
    path("settings/break/", views.take_break_view, name="take_break"),
    path("settings/break/end/", views.end_break_view, name="end_break"),
    path("settings/export/", views.export_data, name="export_data"),
    path("settings/delete/", views.delete_account_view, name="delete_account"),
    path("members/<pseudonym:username>/", views.profile, name="profile"),
    path("welcome/", welcome_views.welcome, name="welcome"),
    path("welcome/boards/", welcome_views.welcome_boards, name="welcome_boards"),
    path("welcome/comfort/", welcome_views.welcome_comfort, name="welcome_comfort"),
    path("welcome/introduce/", welcome_views.welcome_introduce, name="welcome_introduce"),
    path("welcome-back/", welcome_views.welcome_back, name="welcome_back"),
    path("welcome-back/ease-back-in/", welcome_views.ease_back_in, name="ease_back_in"),
    path("welcome-back/not-now/", welcome_views.not_now, name="not_now"),
]
