"""What the case page says about each of the screening's findings: what fired, at which
level, on which words, and which modifiers (negation, past tense ...) changed it.

Findings are stored as JSON on the case, and older cases have only level, phrase,
excerpt and reason: every key may be missing."""

from dataclasses import dataclass

LEVEL_LABELS = {
    "crisis": "Crisis",
    "concern": "Concern",
    "bullying": "Bullying",
    "blocked": "Blocked",
    "personal-data": "Personal information",
}

# Older findings came only from the admins' watched phrases, and say so by having no rule.
WATCHED_PHRASE = "phrase"


@dataclass(frozen=True)
class Finding:
    level: str
    phrase: str
    excerpt: str
    reason: str
    rule: str
    words: tuple
    concepts: tuple
    modifiers: tuple

    @property
    def level_label(self):
        return LEVEL_LABELS.get(self.level, self.level.capitalize())

    @property
    def is_detailed(self):
        """Written by the screening that records its rule; older ones show as before."""
        return bool(self.rule)

    @property
    def is_watched_phrase(self):
        return self.rule == WATCHED_PHRASE

    @property
    def fired(self):
        """What fired, in words: a watched phrase, or a rule's title with its id."""
        if self.is_watched_phrase:
            return f"watched phrase “{self.phrase}”"
        if self.phrase and self.phrase != self.rule:
            return f"{self.phrase} (rule {self.rule})"
        return f"rule {self.rule}"


def describe_findings(findings):
    return [
        Finding(
            level=str(finding.get("level") or ""),
            phrase=str(finding.get("phrase") or ""),
            excerpt=str(finding.get("excerpt") or ""),
            reason=str(finding.get("reason") or ""),
            rule=str(finding.get("rule") or ""),
            words=tuple(str(word) for word in finding.get("words") or ()),
            concepts=tuple(str(concept) for concept in finding.get("concepts") or ()),
            modifiers=tuple(str(modifier) for modifier in finding.get("modifiers") or ()),
        )
        for finding in findings
        if isinstance(finding, dict)
    ]
