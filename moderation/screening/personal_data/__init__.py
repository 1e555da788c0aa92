"""Finding personal information a young person may not mean to share in public.

Phone numbers, email addresses, social media handles, street addresses, postcodes and
Eircodes, dates of birth, school names and birthday giveaways ("I'm 15 today"), however
they are disguised: "oh seven seven double oh nine", "tom at gmail dot com",
"e m m a x 2 0 1 0". Each is reported as the exact words the writer used, which they are
shown and asked to remove, and which moderators' exports replace.

Crisis lines and addresses the site itself lists (116 123, 0800 1111, 85258,
jo@samaritans.org ...) are not personal data: people share them to help each other.

Every pattern is tried only where a run of its characters starts, or from a cue word
a bounded way on, so a 10,000-character post takes linear time; the costly steps
(phonenumbers, the gazetteer of towns) run only on the few posts that need them.
"""

from dataclasses import dataclass

from .addresses import find_addresses
from .copies import Post
from .crisis import CrisisContacts
from .dates import find_dates_of_birth
from .emails import find_emails
from .handles import find_handles
from .phones import find_phones
from .postcodes import find_postcodes
from .schools import find_schools

__all__ = ["PersonalData", "find_personal_data"]


@dataclass(frozen=True)
class PersonalData:
    kind: str
    text: str


def find_personal_data(text):
    """Every piece of personal data in `text`, in a fixed order of kinds."""
    if not text or not text.strip():
        return []
    post = Post(text)
    crisis = CrisisContacts()
    emails, email_spans = find_emails(post, crisis)
    dates = find_dates_of_birth(post)
    found = [
        *(PersonalData("email address", item) for item in emails),
        *(PersonalData("phone number", item) for item in find_phones(post, crisis, email_spans)),
        *(PersonalData("street address", item) for item in find_addresses(post)),
        *(PersonalData("postcode", item) for item in find_postcodes(post)),
        *(PersonalData(kind, item) for kind, item in dates if kind == "date of birth"),
        *(PersonalData("school name", item) for item in find_schools(post)),
        *(PersonalData("social media handle", item) for item in find_handles(post, email_spans)),
        *(PersonalData(kind, item) for kind, item in dates if kind == "birthday"),
    ]
    return list(dict.fromkeys(item for item in found if item.text))
