from django.db import migrations

# Kind, plain words for each outcome. Admins can change every one.
TEMPLATES = [
    (
        "held-crisis",
        "Thank you for telling us",
        "Thank you for writing this. It sounds like things are really hard right now. A "
        "moderator will read your post soon, before others see it. If you are in danger, "
        "please call 999 or one of the services listed with this message: they are free "
        "and there for you now.",
    ),
    (
        "held-personal-data",
        "Your post is waiting for a moderator",
        "Your post may include personal information, so a moderator will read it before "
        "others see it. This keeps you and others safe. You can edit it at any time.",
    ),
    (
        "held-premoderation",
        "Your post is waiting for a moderator",
        "Thank you for posting. A moderator reads posts like this one before they appear, "
        "and will get to it as soon as they can.",
    ),
    (
        "approve",
        "Your post is now showing",
        "A moderator has read your post and it is now showing to everyone. Thank you for sharing.",
    ),
    (
        "hide",
        "A moderator has hidden your post",
        "A moderator has hidden one of your posts. The reason: {reason}. Nothing is lost: "
        "you can still see it, edit it and ask for it to be looked at again. If you are "
        "struggling, the services listed with this message are there for you.",
    ),
    (
        "edit",
        "A moderator has edited your post",
        "A moderator made a small change to your post so it can stay up. The reason: "
        "{reason}. Your original words are kept, and you can ask for the change to be "
        "looked at again.",
    ),
    (
        "add_warning",
        "A content warning was added to your post",
        "A moderator added a content warning to your post so that readers can choose "
        "whether to open it. The reason: {reason}.",
    ),
    (
        "lock",
        "Your thread is closed to new replies",
        "A moderator has closed your thread to new replies. The reason: {reason}.",
    ),
    (
        "move",
        "Your thread has moved",
        "A moderator moved your thread to a board where it fits better. The reason: {reason}.",
    ),
    (
        "warn",
        "A message from the moderators",
        "A moderator has asked us to let you know about the community guidelines. The "
        "reason: {reason}. We want this to be a kind place for everyone, you included.",
    ),
    (
        "suspend",
        "You cannot post for a while",
        "A moderator has paused your posting for a while. You can still read. The reason: "
        "{reason}. If you think this is wrong, you can ask for it to be looked at again.",
    ),
    (
        "ban",
        "Your account is closed",
        "A moderator has closed your account. The reason: {reason}.",
    ),
    (
        "flag-outcome",
        "Thank you for letting us know",
        "Thank you for flagging a post. A moderator has looked at it and taken the action "
        "they thought right.",
    ),
]


def load_templates(apps, schema_editor):
    MessageTemplate = apps.get_model("moderation", "MessageTemplate")
    for key, title, body in TEMPLATES:
        MessageTemplate.objects.get_or_create(key=key, defaults={"title": title, "body": body})


class Migration(migrations.Migration):
    dependencies = [("moderation", "0002_append_only_log")]

    operations = [migrations.RunPython(load_templates, migrations.RunPython.noop)]
