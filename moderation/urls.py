from django.urls import path

from .views import (
    appeals,
    cases,
    check_ins,
    circles,
    escalation,
    flags,
    log,
    members,
    queue,
    shift_notes,
    transparency,
    waiting,
)

app_name = "moderation"

urlpatterns = [
    path("posts/<int:pk>/waiting/", waiting.post_waiting, name="post_waiting"),
    path("posts/<int:pk>/flag/", flags.flag_post, name="flag_post"),
    path("members/<pseudonym:username>/flag/", flags.flag_profile, name="flag_profile"),
    path("settings/bio/waiting/", waiting.bio_waiting, name="bio_waiting"),
    path("moderation/", queue.queue, name="queue"),
    path("moderation/approve/", queue.approve_plain, name="approve_plain"),
    path("moderation/next/", cases.next_case, name="next_case"),
    path("moderation/cases/<int:pk>/", cases.case, name="case"),
    path("moderation/cases/<int:pk>/take/", cases.take, name="take_case"),
    path("moderation/cases/<int:pk>/reassign/", cases.reassign, name="reassign"),
    path("moderation/cases/<int:pk>/check-in/", check_ins.send, name="send_check_in"),
    path("moderation/check-ins/<int:pk>/", check_ins.conversation, name="check_in"),
    path("moderation/log/", log.moderation_log, name="log"),
    path("moderation/escalated/", escalation.escalated, name="escalated"),
    path("moderation/shift-note/", shift_notes.shift_note, name="shift_note"),
    path("moderation/members/<pseudonym:username>/", members.member, name="member"),
    path("moderation/appeal/<int:pk>/", appeals.appeal, name="appeal"),
    path("transparency/", transparency.transparency, name="transparency"),
    path("moderation/circles/", circles.circles, name="circles"),
    path("moderation/circles/<int:pk>/moderator/", circles.assign, name="assign_circle_moderator"),
    path("moderation/circles/<int:pk>/open/", circles.open_circle, name="open_circle"),
    path("moderation/circles/<int:pk>/close/", circles.close_circle, name="close_circle"),
    path("moderation/circles/requests/<int:pk>/place/", circles.place, name="place_in_circle"),
    path(
        "moderation/circles/requests/<int:pk>/decline/",
        circles.decline,
        name="decline_circle_request",
    ),
]
