"""Muted words on every page that shows a thread's title or a post's words outside its
thread (lists, headings, search results, notifications): forum/reader_choices.py decides."""

from django import template

from .. import reader_choices

register = template.Library()


@register.filter
def shown_title(thread, reader):
    return reader_choices.shown_title(thread, reader)


@register.filter
def title_folded(thread, reader):
    return reader_choices.title_folded(thread, reader)


@register.filter
def body_folded(post, reader):
    return reader_choices.has_muted_words(post.body, post.author_id, reader)
