"""Admin changes are audited, and nobody can change or delete the audit log."""

import pytest
from django.contrib.auth.models import Group
from django.db import DatabaseError, transaction
from django.forms.models import model_to_dict

from forum.models import Board
from moderation.audit import record
from moderation.models import ActionKind, MessageTemplate, ModerationAction, ModerationSettings
from peersupport.signposting.models import CrisisResource
from tests.factories import BoardFactory, UserFactory

pytestmark = pytest.mark.django_db


def form_data(obj, **changes):
    data = {
        key: ("" if value is None else value)
        for key, value in model_to_dict(obj).items()
        if key != "id"
    }
    data.update(changes)
    return data


def admin_changes():
    return list(ModerationAction.objects.filter(action=ActionKind.ADMIN_CHANGE).order_by("pk"))


@pytest.fixture
def audit_row():
    actor = UserFactory(username="OldModerator")
    return record(actor=actor, action=ActionKind.WARN, target=actor, reason="kept forever")


# The log cannot be changed -------------------------------------------------------


def test_the_admin_shows_the_log_but_refuses_every_change(admin_client, audit_row):
    base = "/admin/moderation/moderationaction/"
    assert admin_client.get(base).status_code == 200
    assert admin_client.get(f"{base}{audit_row.pk}/change/").status_code == 200  # view only
    assert admin_client.get(f"{base}add/").status_code == 403
    assert (
        admin_client.post(f"{base}{audit_row.pk}/change/", {"reason": "rewritten"}).status_code
        == 403
    )
    assert admin_client.post(f"{base}{audit_row.pk}/delete/", {"post": "yes"}).status_code == 403
    admin_client.post(base, {"action": "delete_selected", "_selected_action": [audit_row.pk]})
    audit_row.refresh_from_db()
    assert audit_row.reason == "kept forever"


def test_the_database_refuses_updates_and_deletes(audit_row):
    with pytest.raises(DatabaseError), transaction.atomic():
        ModerationAction.objects.filter(pk=audit_row.pk).update(reason="rewritten")
    with pytest.raises(DatabaseError), transaction.atomic():
        ModerationAction.objects.filter(pk=audit_row.pk).delete()
    audit_row.refresh_from_db()
    assert audit_row.reason == "kept forever"


def test_erasing_an_account_may_blank_who_acted(audit_row):
    ModerationAction.objects.filter(pk=audit_row.pk).update(actor=None)
    audit_row.refresh_from_db()
    assert audit_row.actor is None
    assert audit_row.reason == "kept forever"


@pytest.mark.parametrize("model", ["case", "flag", "sanction", "staffnote", "appeal"])
def test_moderation_records_are_read_only_in_the_admin(admin_client, model):
    assert admin_client.get(f"/admin/moderation/{model}/").status_code == 200
    assert admin_client.get(f"/admin/moderation/{model}/add/").status_code == 403


# Admin changes are audited -------------------------------------------------------


def test_changing_a_crisis_resource_is_audited(admin_client, admin_user):
    samaritans = CrisisResource.objects.get(region="uk", name="Samaritans")
    response = admin_client.post(
        f"/admin/signposting/crisisresource/{samaritans.pk}/change/",
        form_data(samaritans, phone="116 999"),
    )
    assert response.status_code == 302
    [row] = admin_changes()
    assert (row.actor, row.reason, row.target_id) == (
        admin_user,
        "changed in the admin",
        str(samaritans.pk),
    )
    assert row.target_type == "signposting.CrisisResource"
    assert (row.before, row.after) == ({"phone": "116 123"}, {"phone": "116 999"})


def test_saving_without_changes_writes_nothing(admin_client):
    samaritans = CrisisResource.objects.get(region="uk", name="Samaritans")
    admin_client.post(
        f"/admin/signposting/crisisresource/{samaritans.pk}/change/", form_data(samaritans)
    )
    assert admin_changes() == []


def test_adding_changing_and_deleting_a_board_is_audited(admin_client, admin_user):
    data = {"name": "Exams", "slug": "exams", "description": "", "order": 5}
    assert admin_client.post("/admin/forum/board/add/", data).status_code == 302
    board = Board.objects.get(slug="exams")
    admin_client.post(f"/admin/forum/board/{board.pk}/change/", {**data, "is_premoderated": "on"})
    admin_client.post(f"/admin/forum/board/{board.pk}/delete/", {"post": "yes"})
    assert not Board.objects.filter(slug="exams").exists()

    added, changed, deleted = admin_changes()
    assert added.reason == "added in the admin" and added.after["name"] == "Exams"
    assert (changed.before, changed.after) == (
        {"is_premoderated": False},
        {"is_premoderated": True},
    )
    assert deleted.reason == "deleted in the admin"
    assert deleted.before["slug"] == "exams" and deleted.after == {}
    assert {row.target_id for row in (added, changed, deleted)} == {str(board.pk)}
    assert {row.actor for row in (added, changed, deleted)} == {admin_user}


def test_bulk_deleting_boards_audits_each(admin_client):
    boards = [BoardFactory(), BoardFactory()]
    admin_client.post(
        "/admin/forum/board/",
        {"action": "delete_selected", "_selected_action": [b.pk for b in boards], "post": "yes"},
    )
    assert not Board.objects.filter(pk__in=[b.pk for b in boards]).exists()
    assert sorted(row.target_id for row in admin_changes()) == sorted(str(b.pk) for b in boards)


def test_changing_a_members_roles_is_audited_but_not_their_private_details(
    admin_client, admin_user
):
    person = UserFactory(username="NewHelper")
    moderators = Group.objects.get_or_create(name="Moderators")[0]
    data = form_data(person, groups=[moderators.pk], is_staff="on", email="new@example.com")
    for key in ["password", "last_login", "date_joined", "age_confirmed_at", "user_permissions"]:
        data.pop(key, None)
    data = {key: value for key, value in data.items() if value is not False}
    response = admin_client.post(f"/admin/accounts/user/{person.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    [row] = admin_changes()
    assert (row.actor, row.member) == (admin_user, person)
    assert row.before == {"groups": [], "is_staff": False}
    assert row.after == {"groups": ["Moderators"], "is_staff": True}
    assert "email" not in row.after


def test_message_templates_and_settings_are_editable_and_audited(admin_client):
    template = MessageTemplate.objects.create(key="test-hide", title="Hidden", body="Old words")
    admin_client.post(
        f"/admin/moderation/messagetemplate/{template.pk}/change/",
        form_data(template, body="Kinder words about {reason}"),
    )
    settings = ModerationSettings.current()
    admin_client.post(
        f"/admin/moderation/moderationsettings/{settings.pk}/change/",
        form_data(settings, moderate_everything="on"),
    )
    template_row, settings_row = admin_changes()
    assert template_row.after == {"body": "Kinder words about {reason}"}
    assert settings_row.after == {"moderate_everything": True}
    assert (
        admin_client.get(f"/admin/moderation/moderationsettings/{settings.pk}/delete/").status_code
        == 403
    )
