"""What a printed page borrows from the guide for professionals (signposting's GuidePage
"professionals", which admins edit): its short explainer of Peer Support, and the
meanings of the online words the member's notes use, from its glossary section.

The guide is Markdown with "## " headings; its glossary lists entries as
`- **term** — meaning`, a term's spellings separated by " / " ("KMS / KYS"). A section
the admins have renamed or removed is simply left out of the page.
"""

import re
from dataclasses import dataclass

from forum.rendering import render_guide_markdown
from peersupport.signposting.models import GuidePage

GUIDE_SLUG = "professionals"
EXPLAINER_HEADING = "what peer support is"
GLOSSARY_HEADING = "glossary"
ENTRY = re.compile(r"^\s*[-*]\s+\*\*(?P<term>.+?)\*\*\s*[\u2014\u2013-]+\s*(?P<meaning>.+)$")


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    meaning: str

    @property
    def pattern(self):
        """The term's spellings as whole words, in any case, plurals included."""
        spellings = [re.escape(s.strip().strip("\"'“”")) for s in self.term.split(" / ")]
        return re.compile(rf"(?<!\w)(?:{'|'.join(spellings)})(?:s|es)?(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class GuideExtract:
    explainer_html: str
    glossary: list

    def terms_used_in(self, texts):
        words = "\n".join(texts)
        return [entry for entry in self.glossary if entry.pattern.search(words)]


def sections(markdown):
    """{heading, lowercased: its text} for each "## " section."""
    found, heading = {}, None
    for line in markdown.splitlines():
        if line.startswith("## "):
            heading = line[3:].strip().lower()
            found[heading] = []
        elif heading is not None:
            found[heading].append(line)
    return {heading: "\n".join(lines).strip() for heading, lines in found.items()}


def _section(found, words):
    return next((text for heading, text in found.items() if words in heading), "")


def glossary_entries(text):
    entries = (ENTRY.match(line) for line in text.splitlines())
    return [
        GlossaryEntry(match["term"].strip(), match["meaning"].replace("**", "").strip())
        for match in entries
        if match
    ]


def from_professionals_guide():
    guide = GuidePage.objects.filter(slug=GUIDE_SLUG).first()
    found = sections(guide.body) if guide else {}
    explainer = _section(found, EXPLAINER_HEADING)
    return GuideExtract(
        explainer_html=render_guide_markdown(explainer) if explainer else "",
        glossary=glossary_entries(_section(found, GLOSSARY_HEADING)),
    )
