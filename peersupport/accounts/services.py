from django.db import transaction

from .models import User


@transaction.atomic
def update_preferences(user: User, *, region: str, bio: str) -> User:
    user.region = region
    user.bio = bio
    user.save(update_fields=["region", "bio"])
    return user
