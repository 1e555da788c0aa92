import datetime
import re
from typing import NamedTuple
from urllib.parse import quote

from django.db import models
from django.urls import reverse
from django.utils import timezone

from .regions import Region, regions_shown_in

VERIFY_EVERY = datetime.timedelta(days=90)


def verification_cutoff():
    """Entries last checked before this date are due to be checked again."""
    return timezone.localdate() - VERIFY_EVERY


class CrisisResourceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_region(self, region):
        return self.active().filter(region__in=regions_shown_in(region)).order_by("order", "name")

    def not_verified_since(self, when):
        return self.filter(models.Q(last_verified__isnull=True) | models.Q(last_verified__lt=when))

    def needing_verification(self):
        return self.not_verified_since(verification_cutoff())


class CrisisResource(models.Model):
    """A crisis service shown on every page. Admins keep these current."""

    name = models.CharField(max_length=100)
    description = models.CharField(
        max_length=300, help_text="What it is and who it is for, in one or two plain sentences."
    )
    phone = models.CharField(max_length=30, blank=True, help_text="As people should dial it.")
    sms_number = models.CharField("text number", max_length=30, blank=True)
    sms_keyword = models.CharField(
        "text keyword", max_length=30, blank=True, help_text='For example "SHOUT".'
    )
    email = models.EmailField(blank=True)
    web_url = models.URLField("web link", blank=True)
    web_label = models.CharField(
        max_length=60, blank=True, help_text='Link text, for example "Chat online".'
    )
    hours = models.CharField(max_length=100, help_text='For example "24 hours, every day".')
    always_open = models.BooleanField(
        "always open",
        default=False,
        help_text="Answers at any hour of any day. Only these are offered as someone who "
        "can talk right now.",
    )
    is_emergency = models.BooleanField(
        "emergency line",
        default=False,
        help_text="The number to call when a life is at risk (999, 112, 911). Every page's "
        '"if your life is in danger" line uses the first active one for the region.',
    )
    after_number = models.CharField(
        max_length=60,
        blank=True,
        help_text='Emergency lines only: words after the number, for example "or go to A&E".',
    )
    region = models.CharField(max_length=20, choices=Region.choices, default=Region.UK)
    audience = models.CharField(
        max_length=100, blank=True, help_text='Who it is for, for example "Under 19".'
    )
    order = models.PositiveSmallIntegerField(
        default=100,
        help_text="Lower comes first. The first two marked always open lead the crisis box, "
        "the second reached another way (a text if the first is a call).",
    )
    is_active = models.BooleanField("active", default=True)
    last_verified = models.DateField(
        null=True, blank=True, help_text="When someone last checked these details are right."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = CrisisResourceQuerySet.as_manager()

    class Meta:
        ordering = ["region", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="crisis_resource_unique_name"),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_region_display()})"

    @property
    def needs_verification(self):
        return self.last_verified is None or self.last_verified < verification_cutoff()

    @property
    def contacts(self):
        """Every way to reach it, in the order people are offered them."""
        ways = []
        if self.phone:
            ways.append(Contact("call", self.tel_href, f"Call {self.phone}"))
        if self.sms_number:
            keyword = f"{self.sms_keyword} to " if self.sms_keyword else ""
            ways.append(Contact("text", self.sms_href, f"Text {keyword}{self.sms_number}"))
        if self.email:
            ways.append(Contact("email", f"mailto:{self.email}", f"Email {self.email}"))
        if self.web_url:
            ways.append(Contact("web", self.web_url, self.web_label or "Website"))
        return ways

    @property
    def first_contact(self):
        return next(iter(self.contacts), None)

    @property
    def tel_href(self):
        return "tel:" + _dialable(self.phone) if self.phone else ""

    @property
    def sms_href(self):
        if not self.sms_number:
            return ""
        href = "sms:" + _dialable(self.sms_number)
        return f"{href}?body={quote(self.sms_keyword)}" if self.sms_keyword else href


class Contact(NamedTuple):
    kind: str
    href: str
    label: str


def _dialable(number):
    return re.sub(r"[^\d+]", "", number)


class GuidePage(models.Model):
    """A page of plain words that admins can edit without a deploy."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=120)
    summary = models.CharField(max_length=300, help_text="One sentence shown under the title.")
    body = models.TextField(
        help_text="Markdown. No raw HTML or images. A line holding only [[crisis-services]] "
        "lists the crisis services for the reader's region, as the crisis box does."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(self.slug)
