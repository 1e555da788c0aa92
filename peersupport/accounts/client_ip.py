"""The address a request really came from, the same one allauth's rate limits use.

Behind our reverse proxies REMOTE_ADDR is the proxy's address; allauth reads the client
from X-Forwarded-For, trusting only as many entries as ALLAUTH_TRUSTED_PROXY_COUNT says
we run, so a client cannot choose its own address. Anything that records or limits by
address (flags, posting limits) asks here, so every limit counts the same client.
"""

from allauth.account.adapter import get_adapter


def client_ip(request):
    return get_adapter(request).get_client_ip(request)
