"""Changing a crisis resource the way an admin does: through the admin's change form."""

from django.forms.models import model_to_dict


def change_form_data(resource, **changes):
    data = {
        key: ("" if value is None else value)
        for key, value in model_to_dict(resource).items()
        if key != "id"
    }
    data.update(changes)
    return data


def edit_in_admin(client, admin_user, resource, **changes):
    """Save the resource's change form as the admin, then sign out again."""
    client.force_login(admin_user)
    response = client.post(
        f"/admin/signposting/crisisresource/{resource.pk}/change/",
        change_form_data(resource, **changes),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
