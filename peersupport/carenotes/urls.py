from django.urls import path

from . import views

app_name = "carenotes"

urlpatterns = [
    path("settings/care-team/", views.notes, name="notes"),
    path("settings/care-team/save/", views.save_post, name="save_post"),
    path("settings/care-team/notes/new/", views.write_note, name="write_note"),
    path("settings/care-team/notes/<int:pk>/edit/", views.edit_note, name="edit_note"),
    path("settings/care-team/notes/<int:pk>/delete/", views.delete_note, name="delete_note"),
    path("settings/care-team/saved/<int:pk>/edit/", views.edit_quote, name="edit_quote"),
    path("settings/care-team/saved/<int:pk>/delete/", views.delete_quote, name="delete_quote"),
    path("settings/care-team/print/", views.print_page, name="print"),
    path("settings/care-team/print/pdf/", views.download_pdf, name="download_pdf"),
]
