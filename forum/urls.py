from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("boards/<slug:slug>/", views.board, name="board"),
    path("boards/<slug:slug>/new/", views.new_thread, name="new_thread"),
    path("threads/<int:pk>/", views.thread, name="thread"),
    path("threads/<int:pk>/reply/", views.reply, name="reply"),
    path("threads/<int:pk>/close/", views.close_thread, name="close_thread"),
    path("posts/<int:post_pk>/reply/", views.reply, name="reply_to_post"),
    path("posts/<int:pk>/edit/", views.edit_post, name="edit_post"),
    path("posts/<int:pk>/delete/", views.delete_post, name="delete_post"),
    # A trailing slug is accepted for links made elsewhere; ours never include the title,
    # so a thread's subject never shows in browser history or on a shared screen.
    path("threads/<int:pk>/<slug:slug>/", views.thread, name="thread"),
]
