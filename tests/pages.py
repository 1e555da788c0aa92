"""Helpers for reading the pages the tests fetch."""

import html
import re

CRISIS_BOX = re.compile(r'<aside id="crisis-support".*?</aside>', re.DOTALL)


def crisis_box(response):
    content = response.content.decode()
    match = CRISIS_BOX.search(content)
    assert match, f"no crisis box on {response.request['PATH_INFO']}"
    return match.group(0)


def assert_signposted(response, resources, absent=()):
    """The page carries the quick exit and a crisis box listing exactly these resources."""
    content = response.content.decode()
    assert 'id="quick-exit"' in content
    assert 'href="/help/"' in content
    box = crisis_box(response)
    for resource in resources:
        assert _heading(resource) in box, resource.name
        if resource.phone:
            assert f'href="{resource.tel_href}"' in box, resource.name
        if resource.sms_number:
            assert f'href="{html.escape(resource.sms_href)}"' in box, resource.name
    shown_names = {resource.name for resource in resources}
    for resource in absent:
        if resource.name in shown_names:  # e.g. "Emergency services" in every region
            continue
        assert _heading(resource) not in box, resource.name


def _heading(resource):
    return f'<h3 class="resource-name">{html.escape(resource.name)}</h3>'
