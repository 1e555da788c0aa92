"""Email addresses, written plainly or spelled out ("tom at gmail dot com",
"poppy [dot] evans [at] icloud [dot] com", "saoirse_n @ gmail . com", "gmail: dannyboy").

Any domain will do; the spelled-out forms need a top-level domain people use, or a mail
provider's name, so that "i was at home. then" is not an address.
"""

import re

from .handles import handle_shaped
from .words import STOP, split

# Each address starts only where a run of its characters starts: trying every position
# inside a long run would take quadratic time on a 10,000-character post.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# The spelled-out forms are found from each "at", reading a little way on and back
# from it; most "at"s fail at once, on the word after them.
AT = re.compile(r"@|[(\[]\s*at\s*[)\]]|\bat\b")
_DOT = r"(?:\s*\.\s*|\s*[(\[]\s*dot\s*[)\]]\s*|\s+dot\s+)"
DOMAIN = re.compile(rf"\s*[a-z\d][\w-]*(?:{_DOT}[a-z\d][\w-]*){{1,3}}\b")
LABELS = [re.compile(rf"[a-z\d][\w-]*(?:{_DOT}[a-z\d][\w-]*){{{count}}}") for count in range(4)]
LOCAL = re.compile(
    rf"(?<![\w+.-])[\w+-]+(?:(?:{_DOT}|\s*_\s*|\s+underscore\s+)[\w+-]+)*(?:\s+\d+)?\s*\Z"
)
SPELLED_DOT = re.compile(r"[(\[]\s*dot\s*[)\]]|\bdot\b")
SEPARATORS = re.compile(r"\s*(?:[(\[]\s*(dot|at)\s*[)\]]|\b(dot|at|underscore)\b|([.@_]))\s*")
TOP_LEVEL = {
    *split("com net org edu gov info biz io me co uk ie us ca au nz de fr es it nl eu ac sch"),
    *split("tv app dev xyz online"),
}
PROVIDERS = {
    *split("gmail googlemail hotmail outlook yahoo ymail icloud aol protonmail proton"),
    *split("btinternet live msn sky virginmedia"),
}
_PROVIDER = "|".join(sorted(PROVIDERS - {"live", "sky", "msn", "proton"}))
# "gmail: dannyboy.m07": the provider, then the rest of the address.
PROVIDER_NAME = re.compile(
    rf"\b(?:{_PROVIDER})\s*(?::|=|-|\bis\b|\bits\b|\bit's\b)\s*([\w.]{{3,40}})"
)
# "katie_r at hotmail": a provider without its ".com".
PROVIDER_ALONE = re.compile(rf"\s*(?:{_PROVIDER})\b")
SPELLED_PER_POST = 100


def _address(text):
    """The address a spelled-out one stands for: "tom at gmail dot com" → tom@gmail.com."""

    def plain(found):
        word = found.group(1) or found.group(2) or found.group(3)
        return {"dot": ".", "at": "@", "underscore": "_"}.get(word, word)

    return SEPARATORS.sub(plain, text).replace(" ", "")


def _spelled(low):
    """(start, end, address) of each spelled-out address in the lowercase text."""
    count = 0
    for at in AT.finditer(low):
        domain = DOMAIN.match(low, at.end(), at.end() + 100)
        provider = None if domain else PROVIDER_ALONE.match(low, at.end())
        if not (domain or provider):
            continue
        count += 1
        if count > SPELLED_PER_POST:
            return
        local = LOCAL.search(low, max(0, at.start() - 60), at.start())
        if not local or not local.group().strip() or local.group().strip() in STOP:
            continue
        if provider:
            if handle_shaped(local.group()):
                yield local.start(), provider.end(), ""
            continue
        labels = re.split(_DOT, domain.group().strip())
        while len(labels) > 2 and labels[-1] not in TOP_LEVEL:
            labels.pop()
        if labels[-1] not in TOP_LEVEL:
            continue
        domain_start = domain.start() + len(domain.group()) - len(domain.group().lstrip())
        match = LABELS[len(labels) - 1].match(low, domain_start)
        domain_end = match.end() if match else domain.end()
        # The word "at" needs more: a spelled-out "dot", a mail provider, or a name that
        # looks like one before an address written plainly ("noah.p at icloud.com").
        if at.group() == "at" and not (
            SPELLED_DOT.search(low, at.start(), domain_end)
            or labels[0] in PROVIDERS
            or ("." in low[domain_start:domain_end] and handle_shaped(local.group()))
        ):
            continue
        yield local.start(), domain_end, _address(low[local.start() : domain_end])


def _overlaps(start, end, taken):
    return any(start < other_end and other_start < end for other_start, other_end in taken)


def find_emails(post, crisis):
    """Each address as the writer wrote it, and the spans of the post every address
    covers (crisis lines' too), where no handle or phone number is to be looked for."""
    copy, low = post.plain, post.plain.text.lower()
    if "@" not in low and "at" not in low and not any(name in low for name in PROVIDERS):
        return [], []
    found = [
        (address.start(), address.end(), address.group().lower())
        for address in (EMAIL.finditer(copy.text) if "@" in low else ())
    ]
    taken = [(start, end) for start, end, _ in found]
    for start, end, address in _spelled(low):
        if not _overlaps(start, end, taken):
            found.append((start, end, address))
            taken.append((start, end))
    for name in PROVIDER_NAME.finditer(low):
        if handle_shaped(name.group(1)) and not _overlaps(name.start(), name.end(), taken):
            found.append((name.start(), name.end(), ""))
    emails = [
        post.words(copy, start, end)
        for start, end, address in found
        if not (address and crisis.has_email(address))
    ]
    return emails, [copy.span(start, end) for start, end, _ in found]
