"""Where a flag came from, kept only as keyed hashes.

Several accounts flagging one post from one address or one browser are most likely one
person, and count as one (services/flags.py). That needs only "the same as another flag's",
never the address itself, so each is stored as an HMAC keyed with the site's secret:
equal inputs give equal hashes, and nobody without the key can match a hash against a
list of addresses. (With the key, IPv4's few billion addresses could be tried one by
one: the hashes keep addresses out of the database, its backups and exports, not out
of reach of someone holding the server's secrets.) Retention drops them after
RETENTION_DAYS["flag_ip_address"] days.
"""

import ipaddress
import re
import secrets

from django.conf import settings
from django.utils.crypto import salted_hmac

# A random value left in the browser when a member flags, so that accounts taking turns
# in one browser show as one device. It says nothing about the member or the browser.
DEVICE_COOKIE = "device"
DEVICE_COOKIE_AGE = 365 * 24 * 60 * 60
DEVICE_TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")


def _keyed(kind, value):
    return salted_hmac(f"moderation.flag_sources.{kind}", value, algorithm="sha256").hexdigest()


def address_hash(ip):
    """The hash of the address a flag came from, or "" when there is none. An IPv6
    address counts by its /64 network: one home or phone is given a whole /64 and may
    use any address in it."""
    try:
        address = ipaddress.ip_address(ip or "")
    except ValueError:
        return ""
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    elif address.version == 6:
        address = ipaddress.ip_network(f"{address}/64", strict=False).network_address
    return _keyed("address", str(address))


def device_hash(token):
    return _keyed("device", token) if token else ""


def device_token(request):
    """This browser's device token, or a new one when it has none yet."""
    token = request.COOKIES.get(DEVICE_COOKIE, "")
    return token if DEVICE_TOKEN.fullmatch(token) else secrets.token_urlsafe(24)


def remember_device(request, response, token):
    if request.COOKIES.get(DEVICE_COOKIE) != token:
        response.set_cookie(
            DEVICE_COOKIE,
            token,
            max_age=DEVICE_COOKIE_AGE,
            samesite="Lax",
            httponly=True,
            secure=settings.SESSION_COOKIE_SECURE,  # HTTPS-only wherever the session is
        )
    return response
