"""A client that can make the app believe it came over HTTPS gets Secure-only cookies
and the https redirect skipped on plain http. The app believes the proxy's
X-Forwarded-Proto only when TRUST_X_FORWARDED_PROTO says so: gunicorn.conf.py stops
gunicorn from deciding it on its own (by default it trusts the header from 127.0.0.1)."""

import runpy
from pathlib import Path

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest
from gunicorn.config import Config
from gunicorn.http import wsgi
from gunicorn.http.parser import RequestParser

CONF = Path(settings.BASE_DIR, "gunicorn.conf.py")
DEPLOY = Path(settings.BASE_DIR, "docs", "deploy.md")
LOOPBACK = ("127.0.0.1", 40000)
HEADERS = [
    "X-Forwarded-Proto: https",
    "X-Forwarded-Ssl: on",
    "X-Forwarded-Protocol: ssl",
]


def our_gunicorn_config(**env):
    config = Config()
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        for name, value in runpy.run_path(str(CONF)).items():
            if name in config.settings:
                config.set(name, value)
    return config


class Discard:
    def send(self, data):
        return len(data)

    def sendall(self, data):
        return None


def django_request(config, header, peer=LOOPBACK):
    """The request Django gets when gunicorn, so configured, reads one with `header`."""
    raw = f"GET / HTTP/1.1\r\nHost: testserver\r\n{header}\r\n\r\n".encode()
    parsed = next(RequestParser(config, iter([raw]), peer))
    _, environ = wsgi.create(parsed, Discard(), peer, ("127.0.0.1", 8000), config)
    return WSGIRequest(environ)


@pytest.mark.parametrize("header", HEADERS)
def test_gunicorn_by_default_would_believe_a_local_peer(header, settings):
    # What gunicorn.conf.py exists to stop: without it, the decision is not ours.
    settings.SECURE_PROXY_SSL_HEADER = None
    assert django_request(Config(), header).is_secure()


@pytest.mark.parametrize("header", HEADERS)
@pytest.mark.parametrize("allowed", ["", "127.0.0.1", "*"])
def test_without_being_told_no_forwarded_header_makes_a_request_https(header, allowed, settings):
    settings.SECURE_PROXY_SSL_HEADER = None
    config = our_gunicorn_config(FORWARDED_ALLOW_IPS=allowed)
    assert not django_request(config, header).is_secure()
    assert not django_request(config, header, peer="/run/gunicorn.sock").is_secure()


def test_when_told_the_proxys_x_forwarded_proto_is_believed(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    config = our_gunicorn_config()
    assert django_request(config, "X-Forwarded-Proto: https").is_secure()
    assert not django_request(config, "X-Forwarded-Proto: http").is_secure()
    # Only the header the proxy is told to set (docs/deploy.md's nginx overwrites it).
    assert not django_request(config, "X-Forwarded-Ssl: on").is_secure()


def test_gunicorn_trusts_no_peer_unless_the_environment_names_one():
    assert our_gunicorn_config().forwarded_allow_ips == []
    assert our_gunicorn_config(FORWARDED_ALLOW_IPS="10.0.0.2").forwarded_allow_ips == ["10.0.0.2"]


def test_the_deployment_guide_runs_gunicorn_with_this_configuration():
    guide = DEPLOY.read_text()
    unit = guide[guide.index("[Service]", guide.index("peersupport-web.service")) :]
    exec_start = unit[: unit.index("Restart=")]
    assert "--config /srv/peersupport/app/gunicorn.conf.py" in exec_start
    assert "--forwarded-allow-ips" not in exec_start
    assert "FORWARDED_ALLOW_IPS" in guide
