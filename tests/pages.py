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
    """The page carries the quick exit, the crisis box, and exactly these resources: in the
    box (the first two in its lead, the rest behind "More ways to get help"), or, on the
    pages that list every service themselves (/help/, the crisis panel), on the page."""
    content = response.content.decode()
    assert 'id="quick-exit"' in content
    assert 'href="/help/"' in content
    box = crisis_box(response)
    listed = box if 'class="crisis-more"' in box else content
    for resource in resources:
        if resource.is_emergency:
            assert f'href="{resource.tel_href}"' in box, resource.name
            continue
        assert _name(resource) in listed, resource.name
        if resource.phone:
            assert f'href="{resource.tel_href}"' in listed, resource.name
        if resource.sms_number:
            assert f'href="{html.escape(resource.sms_href)}"' in listed, resource.name
    shown_names = {resource.name for resource in resources}
    for resource in absent:
        if resource.name in shown_names:  # e.g. "Emergency services" in every region
            continue
        assert _name(resource) not in listed, resource.name


def _name(resource):
    """The name as a heading or a bold lead shows it, whole."""
    return f">{html.escape(resource.name)}<"
