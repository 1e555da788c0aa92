from django.urls import path

from .views import writers

urlpatterns = [
    path("posts/<int:pk>/waiting/", writers.post_waiting, name="post_waiting"),
]
