"""Regions for crisis resources, and which resources a viewer in a region sees."""

from django.db import models


class Region(models.TextChoices):
    UK = "uk", "UK-wide"
    ENGLAND = "england", "England"
    SCOTLAND = "scotland", "Scotland"
    WALES = "wales", "Wales"
    NORTHERN_IRELAND = "northern-ireland", "Northern Ireland"
    IRELAND = "ireland", "Ireland"
    US = "us", "United States"


DEFAULT_REGION = Region.UK

# A viewer in one of the UK's nations needs the UK-wide services as well as their own.
_REGIONS_SHOWN = {
    Region.ENGLAND: [Region.UK, Region.ENGLAND],
    Region.SCOTLAND: [Region.UK, Region.SCOTLAND],
    Region.WALES: [Region.UK, Region.WALES],
    Region.NORTHERN_IRELAND: [Region.UK, Region.NORTHERN_IRELAND],
}


def regions_shown_in(region):
    """The resource regions a viewer who chose `region` is shown."""
    return _REGIONS_SHOWN.get(region, [region])


def clean_region(value):
    """A valid region from untrusted input (a cookie, a form), else the default."""
    return Region(value) if value in Region.values else DEFAULT_REGION
