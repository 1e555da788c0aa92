"""The crisis services for one region, arranged for someone who may be overwhelmed.

Every page leads with the same few things: the emergency line, one service to contact
first and one alternative reached another way (a text if the first is a call), both open
now when any are. The rest wait one click away.
"""

# When an admin has switched off a region's emergency line: still say what to do.
NO_EMERGENCY_LINE = "call your local emergency number"


class CrisisDirectory:
    def __init__(self, resources):
        resources = list(resources)
        self.emergency = next((resource for resource in resources if resource.is_emergency), None)
        self.services = [resource for resource in resources if not resource.is_emergency]
        self.open_now = [resource for resource in self.services if resource.always_open]
        self.at_set_times = [resource for resource in self.services if not resource.always_open]
        self.primary, self.alternative = _first_two(self.services)
        self.others = [
            resource
            for resource in self.services
            if resource not in (self.primary, self.alternative)
        ]

    @property
    def emergency_words(self):
        """ "call 999 or go to A&E", in plain text, for emails and messages."""
        emergency = self.emergency
        if emergency is None or not emergency.phone:
            return NO_EMERGENCY_LINE
        return " ".join(filter(None, ["call", emergency.phone, emergency.after_number]))


def _first_two(services):
    reachable = [service for service in services if service.first_contact]
    # Services that answer at any hour come first: the box must not offer a line that is
    # closed at 3am as the one thing to do.
    candidates = [service for service in reachable if service.always_open] or reachable
    if not candidates:
        return None, None
    primary, rest = candidates[0], candidates[1:]
    way = primary.first_contact.kind
    alternative = next(
        (service for service in rest if service.first_contact.kind != way),
        rest[0] if rest else None,
    )
    return primary, alternative
