"""Realistic post bodies (about 600 characters of Markdown) for the writing scenarios,
each carrying a unique token so a saved post can be found again. Calm words with no
digits, addresses or crisis phrases, so screening publishes them as a typical reply."""

import random
import string

UNIQUE_WORD_PREFIX = "benchtoken"
TARGET_LENGTH = 600

OPENINGS = [
    "Thank you for writing this, it sounds like a really heavy week.",
    "I read your post twice because it felt so familiar to me.",
    "Sending you a lot of warmth, you are not on your own with this.",
    "It took courage to put all of that into words, so well done.",
    "I have been in a similar place and it does slowly get lighter.",
]
SENTENCES = [
    "Some days I just do one small thing and call that enough.",
    "Talking to someone I trust helped more than I expected it to.",
    "Writing things down before bed stops my thoughts going round.",
    "A short walk outside, even in the rain, resets me a little.",
    "Be gentle with yourself while you work out what helps.",
    "Music with no words is what calms me down when it gets loud.",
    "It is fine to rest and it is fine to ask for more time.",
    "My sleep was all over the place until I kept a routine.",
]
LIST_ITEMS = [
    "a warm drink and a blanket",
    "texting a friend *just to say hi*",
    "five slow breaths, in and out",
    "a favourite film you know by heart",
    "tidying **one** small corner",
    "stepping outside for fresh air",
]
CLOSINGS = [
    "The [NHS every mind matters pages](https://www.nhs.uk/every-mind-matters/) helped me too.",
    "There are some ideas on the [Young Minds site](https://www.youngminds.org.uk/) as well.",
    "Look after yourself, and let us know how you are getting on.",
]


def new_token(rng):
    """Letters only: digits could look like a phone number to the screening."""
    return UNIQUE_WORD_PREFIX + "".join(rng.choice(string.ascii_lowercase) for _ in range(16))


def reply_body(rng, token):
    """About TARGET_LENGTH characters: a paragraph, a quote, a list and a closing line."""
    sentences = rng.sample(SENTENCES, len(SENTENCES))
    quote, opening = sentences.pop(), [rng.choice(OPENINGS), sentences.pop(), sentences.pop()]
    rest = [
        f"> {quote}",
        "Things that help me:\n\n" + "\n".join(f"- {item}" for item in rng.sample(LIST_ITEMS, 3)),
        f"{rng.choice(CLOSINGS)} ({token})",
    ]
    body = "\n\n".join([" ".join(opening), *rest])
    while len(body) < TARGET_LENGTH - 40 and sentences:
        opening.append(sentences.pop())
        body = "\n\n".join([" ".join(opening), *rest])
    return body


def thread_title(rng):
    return rng.choice(
        [
            "Small things that got me through today",
            "How do you all cope with a bad week?",
            "Feeling a bit better than last month",
            "Anyone else find mornings the hardest?",
        ]
    )


def fresh_rng():
    return random.Random()  # noqa: S311 (not security: varied wording only)
