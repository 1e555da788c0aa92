"""The page a member prints or downloads for their care team: their notes and saved
posts, what Peer Support is, and the meanings of the online words they used."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .guide import from_professionals_guide
from .models import CareNote, SavedQuote


def printable(request):
    """The template context of the printable page, for the member signed in."""
    notes = list(CareNote.objects.of(request.user).order_by("created_at", "pk"))
    quotes = list(SavedQuote.objects.of(request.user).order_by("written_at", "pk"))
    guide = from_professionals_guide()
    texts = [words for note in notes for _, words in note.parts]
    texts += [text for quote in quotes for text in (quote.text, quote.comment)]
    return {
        "notes": notes,
        "quotes": quotes,
        "explainer_html": guide.explainer_html,
        "glossary": guide.terms_used_in(texts),
        "made_on": timezone.localdate(),
        "guide_url": request.build_absolute_uri(reverse("signposting:professionals")),
        "help_url": request.build_absolute_uri(reverse("signposting:help")),
    }


def as_pdf(request, context):
    """The printable page as PDF bytes, made by WeasyPrint with the system's Pango."""
    # Imported here: loading Pango costs every process that never makes a PDF.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string("carenotes/print_document.html", context, request=request)
    # No protocol is allowed: the document is whole as rendered and loads nothing.
    fetch_nothing = URLFetcher(allowed_protocols=())
    return HTML(string=html, url_fetcher=fetch_nothing).write_pdf()
