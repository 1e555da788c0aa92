"""Learning from moderators' answers to "Was the screening right?": how often each rule,
watched phrase and the statistical model was confirmed (the admin's precision page), and
the labelled, pseudonymised examples the screening's corpus takes
(`manage.py export_screening_examples`)."""

import datetime
import re
import unicodedata
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models.functions import Lower
from django.utils import timezone

from forum.models import PostStatus

from .models import SCREENING_LEVELS, Case, ScreeningVerdict
from .screening.findings import WATCHED_PHRASE
from .screening.personal_data import find_personal_data

DAYS = 90
MODEL = "model"

# Which verdicts confirm a firing at each level: a crisis only a crisis; a concern or
# bullying anything that still needed a moderator.
CONFIRMING = {
    "crisis": {ScreeningVerdict.CRISIS},
    "concern": {ScreeningVerdict.CRISIS, ScreeningVerdict.CONCERN},
    "bullying": {ScreeningVerdict.CRISIS, ScreeningVerdict.CONCERN},
}

# The corpus's labels for each verdict.
CORPUS_LABELS = {
    ScreeningVerdict.CRISIS: "crisis",
    ScreeningVerdict.CONCERN: "concern",
    ScreeningVerdict.NOT_CONCERNING: "ok",
}

MEMBER = "[member]"
REMOVED = "[removed]"


def since(days, now=None):
    return (now or timezone.now()) - datetime.timedelta(days=days)


def _dicts(findings):
    return [finding for finding in findings if isinstance(finding, dict)]


def rule_of(finding):
    # Findings from before rules were recorded all came from watched phrases.
    return finding.get("rule") or WATCHED_PHRASE


def confirms(level, verdict):
    return verdict in CONFIRMING.get(level, ())


@dataclass(frozen=True)
class RulePrecision:
    """How one rule, watched phrase or the model did at one level."""

    kind: str  # "rule", "phrase" or "model"
    name: str  # the rule's id, the watched phrase's text, or "model"
    title: str  # the rule's human-readable name, where it has one
    level: str
    answered: int
    confirmed: int

    @property
    def precision(self):
        return self.confirmed / self.answered if self.answered else None


def _firings(findings):
    """(kind, name, level) -> title, for each distinct thing that fired at a screening
    level in one case: a rule firing twice in one post is one firing."""
    fired = {}
    for finding in _dicts(findings):
        if finding.get("level") not in SCREENING_LEVELS:
            continue
        rule = rule_of(finding)
        if rule == WATCHED_PHRASE:
            key = ("phrase", str(finding.get("phrase") or ""), finding["level"])
        elif rule == MODEL:
            key = ("model", MODEL, finding["level"])
        else:
            key = ("rule", rule, finding["level"])
        fired.setdefault(key, str(finding.get("phrase") or ""))
    return fired


def precision_by_rule(answers):
    """RulePrecision for each (rule, level) that fired in `answers`, an iterable of
    (findings, verdict) pairs: worst precision first within each level, crisis first."""
    counts = {}
    for findings, verdict in answers:
        for key, title in _firings(findings).items():
            answered, confirmed, _ = counts.get(key, (0, 0, title))
            counts[key] = (answered + 1, confirmed + confirms(key[2], verdict), title)
    rows = [
        RulePrecision(kind, name, "" if kind == "phrase" else title, level, answered, confirmed)
        for (kind, name, level), (answered, confirmed, title) in counts.items()
    ]
    return sorted(
        rows,
        key=lambda row: (SCREENING_LEVELS.index(row.level), row.precision, row.kind, row.name),
    )


def screening_precision(days=DAYS, now=None):
    """Precision over the cases answered in the last `days` days, in one query."""
    answers = Case.objects.with_screening_verdict(since=since(days, now)).values_list(
        "findings", "screening_verdict"
    )
    return precision_by_rule(answers)


def _username_candidates(text):
    # Every run of word characters, and every run of the characters a pseudonym may hold
    # (Django's username rule: letters, digits and @.+-_) without its edge punctuation.
    return {word.lower() for word in re.findall(r"\w+", text)} | {
        word.strip(".+-@").lower() for word in re.findall(r"[\w.+-]+", text)
    }


def usernames_in(texts):
    """The existing pseudonyms that appear as words in any of `texts` (one query)."""
    candidates = set().union(*map(_username_candidates, texts)) - {""}
    if not candidates:
        return set()
    return set(
        get_user_model()
        .objects.annotate(lowered=Lower("username"))
        .filter(lowered__in=candidates)
        .values_list("username", flat=True)
    )


def pseudonymise(text, usernames):
    """`text` with each of `usernames` (as a whole word, or after @) replaced by
    [member], then each piece of personal data by [removed]."""
    text = unicodedata.normalize("NFKC", text)
    if usernames:
        names = "|".join(re.escape(name) for name in sorted(usernames, key=len, reverse=True))
        # Not inside a longer word or an email address: "bravefinch@example.com" is the
        # personal data check's to remove.
        pattern = re.compile(
            rf"(?:(?<![\w.+@-])@|(?<![\w.+@-]))(?:{names})(?![\w+@-]|\.\w)", re.IGNORECASE
        )
        text = pattern.sub(MEMBER, text)
    for item in find_personal_data(text):
        text = text.replace(item.text, REMOVED)
    return text


def labelled_examples(days=DAYS, now=None):
    """The corpus lines moderators' verdicts of the last `days` days give: one per post,
    from its newest answered case, its text pseudonymised. Oldest first."""
    # Not a post its writer deleted, nor one whose writer has left (emptied when they
    # asked for their words to go, kept as a former member's otherwise): their words
    # are no longer ours to learn from.
    cases = (
        Case.objects.with_screening_verdict(since=since(days, now))
        .exclude(post__status=PostStatus.DELETED)
        .exclude(post__author=None)
        .select_related("post__author")
        .order_by("screening_verdict_at", "pk")
    )
    newest = {case.post_id: case for case in cases}
    kept = [case for case in newest.values() if case.post.body.strip()]
    # Compatibility forms folded (full-width letters ...), as the personal data check does.
    texts = {case.pk: unicodedata.normalize("NFKC", case.post.body) for case in kept}
    # The writer's own pseudonym among them, wherever it appears.
    usernames = usernames_in(texts.values())
    for case in kept:
        words = _username_candidates(texts[case.pk])
        names = {name for name in usernames if name.lower() in words}
        yield {
            "text": pseudonymise(texts[case.pk], names),
            "label": CORPUS_LABELS[case.screening_verdict],
            "category": "moderator-labelled",
            "style": "plain",
            "source": "moderators",
            "rule": ",".join(dict.fromkeys(map(rule_of, _dicts(case.findings)))),
        }
