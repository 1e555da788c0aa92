from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from forum.models import Post
from forum.paging import post_in_thread

from . import services
from .forms import NoteForm, QuoteCommentForm, SavePostForm
from .models import CareNote, SavedQuote
from .printing import as_pdf, printable


@login_required
def notes(request):
    return render(
        request,
        "carenotes/notes.html",
        {
            "notes": CareNote.objects.of(request.user),
            "quotes": SavedQuote.objects.of(request.user),
        },
    )


@require_POST
@login_required
def save_post(request):
    form = SavePostForm(request.POST)
    if not form.is_valid():
        return redirect("carenotes:notes")
    post = get_object_or_404(Post.objects.readable_by(request.user), pk=form.cleaned_data["post"])
    try:
        _, new = services.save_post_for_care_team(member=request.user, post=post)
    except services.NotSaved as refused:
        messages.info(request, refused.message)
    else:
        messages.success(
            request,
            "Saved to your notes for your care team. Only you can see them."
            if new
            else "This post is already in your notes for your care team.",
        )
    return redirect(post_in_thread(post, request.user))


@login_required
def write_note(request):
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.write_note(member=request.user, **form.cleaned_data)
        messages.success(request, "Your note is saved. Only you can see it.")
        return redirect("carenotes:notes")
    return render(request, "carenotes/note_form.html", {"form": form, "editing": False})


@login_required
def edit_note(request, pk):
    note = get_object_or_404(CareNote.objects.of(request.user), pk=pk)
    form = NoteForm(request.POST or None, instance=note)
    if request.method == "POST" and form.is_valid():
        services.change_note(note=note, **form.cleaned_data)
        messages.success(request, "Your note is saved.")
        return redirect("carenotes:notes")
    return render(request, "carenotes/note_form.html", {"form": form, "editing": True})


@login_required
def edit_quote(request, pk):
    quote = get_object_or_404(SavedQuote.objects.of(request.user), pk=pk)
    form = QuoteCommentForm(request.POST or None, instance=quote)
    if request.method == "POST" and form.is_valid():
        services.change_quote_comment(quote=quote, comment=form.cleaned_data["comment"])
        messages.success(request, "Your words about this post are saved.")
        return redirect("carenotes:notes")
    return render(request, "carenotes/quote_form.html", {"form": form, "quote": quote})


@login_required
def delete_note(request, pk):
    note = get_object_or_404(CareNote.objects.of(request.user), pk=pk)
    if request.method == "POST":
        services.delete_note(note=note)
        messages.success(request, "The note is deleted.")
        return redirect("carenotes:notes")
    return render(request, "carenotes/delete.html", {"note": note})


@login_required
def delete_quote(request, pk):
    quote = get_object_or_404(SavedQuote.objects.of(request.user), pk=pk)
    if request.method == "POST":
        services.delete_saved_quote(quote=quote)
        messages.success(request, "The saved post is taken out of your notes.")
        return redirect("carenotes:notes")
    return render(request, "carenotes/delete.html", {"quote": quote})


@login_required
def print_page(request):
    return render(request, "carenotes/print.html", printable(request))


@require_POST
@login_required
def download_pdf(request):
    """A POST, like "Download my data": no link, prefetch or other site can start it."""
    context = printable(request)
    response = HttpResponse(as_pdf(request, context), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="peer-support-notes-{context["made_on"]:%Y-%m-%d}.pdf"'
    )
    return response
