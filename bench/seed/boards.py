"""The benchmark's boards: the first `count` of twenty, one of them pre-moderated."""

from forum.models import Board

BOARD_NAMES = [
    "Introductions",
    "Feeling low",
    "Anxiety and worry",
    "Exams and school",
    "College and university",
    "Work and money",
    "Friends",
    "Family",
    "Relationships",
    "Sleep",
    "Body image",
    "Identity",
    "Loneliness",
    "Self-harm support",
    "Getting help",
    "Therapy and medication",
    "Creative corner",
    "Hobbies and distractions",
    "Good things",
    "Chat and games",
]
PREMODERATED_BOARDS = {"Self-harm support"}


def create_boards(count):
    boards = []
    for order, name in enumerate(BOARD_NAMES[:count]):
        board, _ = Board.objects.get_or_create(
            slug=name.lower().replace(" ", "-"),
            defaults={
                "name": name,
                "description": f"Talk about {name.lower()}.",
                "order": order * 10,
                "is_premoderated": name in PREMODERATED_BOARDS,
            },
        )
        boards.append(board)
    return boards
