from django.urls import include, path

from . import views

urlpatterns = [
    path("bench/baseline/", views.baseline, name="bench_baseline"),
    path("bench/bare/", views.bare, name="bench_bare"),
    path("", include("peersupport.urls")),
]

handler400 = "peersupport.signposting.views.bad_request"
handler500 = "peersupport.signposting.views.server_error"
