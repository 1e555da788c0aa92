from django import template

from peersupport.accounts.pseudonyms import suggest_pseudonyms

register = template.Library()


@register.simple_tag
def pseudonym_ideas(count=3):
    return suggest_pseudonyms(count)
