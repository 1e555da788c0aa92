"""The audit log: every moderation action and admin change, newest first."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from ..forms import AuditLogFilterForm
from ..log_words import describe
from ..models import ModerationAction
from ..permissions import check_can_read_audit_log

ROWS_PER_PAGE = 50


@login_required
def moderation_log(request):
    check_can_read_audit_log(request.user)
    form = AuditLogFilterForm(request.GET)
    rows = ModerationAction.objects.for_log()
    rows = rows.matching(**form.cleaned_data) if form.is_valid() else rows.none()
    page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    for row in page.object_list:
        row.described_changes = [describe(*change) for change in row.changes]
    return render(request, "moderation/log.html", {"form": form, "page": page})
