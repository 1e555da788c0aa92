"""The crisis services the site lists: their numbers and addresses are not personal data,
people share them to help each other."""

import re
from urllib.parse import urlsplit

from peersupport.signposting.models import CrisisResource

NOT_DIGITS = re.compile(r"\D")


def digits(text):
    return NOT_DIGITS.sub("", text)


class CrisisContacts:
    """Read from the database once, and only when a post has a number or an address
    to compare: most posts have neither."""

    def __init__(self):
        self._loaded = False
        self.numbers, self.emails, self.domains = set(), set(), set()

    def _load(self):
        if self._loaded:
            return
        self._loaded = True
        rows = CrisisResource.objects.active().values_list(
            "phone", "sms_number", "email", "web_url"
        )
        for phone, sms_number, email, web_url in rows:
            self.numbers.update(digits(number) for number in (phone, sms_number) if number)
            if email:
                self.emails.add(email.strip().lower())
            host = (urlsplit(web_url).hostname or "") if web_url else ""
            host = host.lower().removeprefix("www.")
            if host:
                self.domains.add(host)
        self.numbers.discard("")

    def has_number(self, number):
        """`number` is digits, with the country code first when it was dialled with +
        or 00 (then "+44 800 1111" is the same line as "0800 1111")."""
        self._load()
        return number in self.numbers or any(
            number.startswith(code) and "0" + number[len(code) :] in self.numbers
            for code in ("44", "353")
        )

    def has_email(self, address):
        self._load()
        address = address.lower()
        domain = address.rpartition("@")[2]
        return address in self.emails or any(
            domain == listed or domain.endswith("." + listed) for listed in self.domains
        )
