from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("", views.home, name="home"),
    path("boards/<slug:slug>/", views.board, name="board"),
    path("boards/<slug:slug>/new/", views.new_thread, name="new_thread"),
    path("threads/<int:pk>/", views.thread, name="thread"),
    path("threads/<int:pk>/reply/", views.reply, name="reply"),
    path("threads/<int:pk>/close/", views.close_thread, name="close_thread"),
    path("posts/<int:pk>/", views.post, name="post"),
    path("posts/<int:post_pk>/reply/", views.reply, name="reply_to_post"),
    path("posts/<int:pk>/edit/", views.edit_post, name="edit_post"),
    path("posts/<int:pk>/delete/", views.delete_post, name="delete_post"),
    path("posts/<int:pk>/react/", views.react, name="react"),
    path("members/<pseudonym:username>/mute/", views.mute_member, name="mute_member"),
    path("members/<pseudonym:username>/unmute/", views.unmute_member, name="unmute_member"),
    path("threads/<int:pk>/follow/", views.follow_thread, {"follow": True}, name="follow_thread"),
    path(
        "threads/<int:pk>/unfollow/",
        views.follow_thread,
        {"follow": False},
        name="unfollow_thread",
    ),
    path("boards/<slug:slug>/follow/", views.follow_board, {"follow": True}, name="follow_board"),
    path(
        "boards/<slug:slug>/unfollow/",
        views.follow_board,
        {"follow": False},
        name="unfollow_board",
    ),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/read/", views.mark_notifications_read, name="mark_notifications_read"),
    path("search/", views.search, name="search"),
    path(
        "peer-support/waiting/",
        views.waiting_for_first_reply,
        name="waiting_for_first_reply",
    ),
    path("circles/", views.circles, name="circles"),
    path("circles/<int:pk>/", views.circle, name="circle"),
    path("circles/<int:pk>/join/", views.ask_to_join, name="ask_to_join"),
    path("circles/<int:pk>/leave/", views.leave_circle, name="leave_circle"),
    path(
        "circles/requests/<int:pk>/withdraw/",
        views.withdraw_request,
        name="withdraw_circle_request",
    ),
    # A trailing slug is accepted for links made elsewhere; ours never include the title,
    # so a thread's subject never shows in browser history or on a shared screen.
    path("threads/<int:pk>/<slug:slug>/", views.thread, name="thread"),
]
