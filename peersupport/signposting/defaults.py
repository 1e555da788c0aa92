"""The crisis services shipped by default (facts checked on 2026-11-25).

The data migration loads these, and the 500 page falls back to them when the database
cannot be reached, so help is shown even when everything else is down. Admins can change
every one of them afterwards; `last_verified` tells them when each was last checked.
"""

import datetime

VERIFIED = datetime.date(2026, 11, 25)
ALWAYS = "24 hours, every day"

DEFAULT_RESOURCES = [
    # UK-wide: the default region.
    {
        "region": "uk",
        "order": 10,
        "name": "Emergency services",
        "description": "If your life or someone else's is at risk right now.",
        "phone": "999",
        "is_emergency": True,
        "after_number": "or go to A&E",
        "hours": ALWAYS,
        "always_open": True,
    },
    {
        "region": "uk",
        "order": 20,
        "name": "NHS 111",
        "description": "Urgent mental health help from the NHS, for any age. In England "
        "call 111 and choose the mental health option; in Wales call 111 and press 2; in "
        "Scotland NHS 24 answers on 111.",
        "phone": "111",
        "web_url": "https://111.nhs.uk/",
        "web_label": "NHS 111 online",
        "hours": ALWAYS,
        "always_open": True,
    },
    {
        "region": "uk",
        "order": 30,
        "name": "Samaritans",
        "description": "Someone to talk to about anything, whatever you are going through. "
        "Free, and it does not show on the phone bill.",
        "phone": "116 123",
        "email": "jo@samaritans.org",
        "hours": ALWAYS,
        "always_open": True,
    },
    {
        "region": "uk",
        "order": 40,
        "name": "Shout",
        "description": "Free, confidential text support if you are struggling to cope.",
        "sms_number": "85258",
        "sms_keyword": "SHOUT",
        "hours": ALWAYS,
        "always_open": True,
    },
    {
        "region": "uk",
        "order": 50,
        "name": "Childline",
        "description": "Free and confidential support for anyone under 19, by phone or "
        "1-2-1 chat. It does not show on the phone bill.",
        "phone": "0800 1111",
        "web_url": "https://www.childline.org.uk/",
        "web_label": "1-2-1 chat with Childline",
        "hours": ALWAYS,
        "always_open": True,
        "audience": "Under 19",
    },
    {
        "region": "uk",
        "order": 60,
        "name": "Papyrus HOPELINE247",
        "description": "For anyone under 35 having thoughts of suicide, or anyone worried "
        "about a young person.",
        "phone": "0800 068 4141",
        "email": "pat@papyrus-uk.org",
        "hours": ALWAYS,
        "always_open": True,
        "audience": "Under 35",
    },
    {
        "region": "uk",
        "order": 70,
        "name": "The Mix crisis messenger",
        "description": "Free text support for young people, run with Shout.",
        "sms_number": "85258",
        "sms_keyword": "THEMIX",
        "hours": ALWAYS,
        "always_open": True,
        "audience": "Under 25",
    },
    # The UK's nations: shown with the UK-wide services.
    {
        "region": "northern-ireland",
        "order": 15,
        "name": "Lifeline",
        "description": "Northern Ireland's crisis response helpline.",
        "phone": "0808 808 8000",
        "hours": ALWAYS,
        "always_open": True,
    },
    {
        "region": "scotland",
        "order": 15,
        "name": "Breathing Space",
        "description": "A free, confidential phone line for people in Scotland feeling "
        "low, anxious or stressed.",
        "phone": "0800 83 85 87",
        "hours": "Evenings and weekends",
    },
    # Ireland.
    {
        "region": "ireland",
        "order": 10,
        "name": "Emergency services",
        "description": "If your life or someone else's is at risk right now.",
        "phone": "112",
        "is_emergency": True,
        "after_number": "or 999",
        "hours": ALWAYS,
        "always_open": True,
    },
    {
        "region": "ireland",
        "order": 20,
        "name": "Samaritans Ireland",
        "description": "Someone to talk to about anything, whatever you are going through.",
        "phone": "116 123",
        "email": "jo@samaritans.ie",
        "hours": ALWAYS,
        "always_open": True,
    },
    {
        "region": "ireland",
        "order": 30,
        "name": "Text 50808",
        "description": "Free text support, any time.",
        "sms_number": "50808",
        "hours": ALWAYS,
        "always_open": True,
    },
    {
        "region": "ireland",
        "order": 40,
        "name": "Childline (ISPCC)",
        "description": "Support for children and young people up to 18.",
        "phone": "1800 66 66 66",
        "sms_number": "50101",
        "hours": ALWAYS,
        "always_open": True,
        "audience": "Up to 18",
    },
    {
        "region": "ireland",
        "order": 50,
        "name": "Pieta",
        "description": "Support for people thinking of suicide or self-harm.",
        "phone": "1800 247 247",
        "sms_number": "51444",
        "sms_keyword": "HELP",
        "hours": ALWAYS,
        "always_open": True,
    },
    # United States.
    {
        "region": "us",
        "order": 10,
        "name": "Emergency services",
        "description": "If your life or someone else's is at risk right now.",
        "phone": "911",
        "is_emergency": True,
        "hours": ALWAYS,
        "always_open": True,
    },
    {
        "region": "us",
        "order": 20,
        "name": "988 Suicide & Crisis Lifeline",
        "description": "Call or text 988, or chat online.",
        "phone": "988",
        "sms_number": "988",
        "web_url": "https://988lifeline.org/",
        "web_label": "Chat with 988",
        "hours": ALWAYS,
        "always_open": True,
    },
    {
        "region": "us",
        "order": 30,
        "name": "Crisis Text Line",
        "description": "Free text support with a trained volunteer.",
        "sms_number": "741741",
        "sms_keyword": "HOME",
        "hours": ALWAYS,
        "always_open": True,
    },
    {
        "region": "us",
        "order": 40,
        "name": "The Trevor Project",
        "description": "Support for LGBTQ+ young people.",
        "phone": "1-866-488-7386",
        "hours": ALWAYS,
        "always_open": True,
        "audience": "LGBTQ+ under 25",
    },
]


def ensure_default_resources(model):
    """Add any shipped resource that is missing; never overwrite an admin's edits.

    Takes the model class so a data migration can pass its historical model, which may
    not have every field yet.
    """
    known = {field.name for field in model._meta.get_fields()}
    for fields in DEFAULT_RESOURCES:
        model.objects.get_or_create(
            region=fields["region"],
            name=fields["name"],
            defaults={
                **{name: value for name, value in fields.items() if name in known},
                "last_verified": VERIFIED,
            },
        )
