"""The baseline every figure is divided by: Django's request cycle and template engine
rendering a plain 50-row table, with no database."""

from django.shortcuts import render

BASELINE_ROWS = [
    {"number": number, "name": f"Row {number}", "note": "A short line of plain text."}
    for number in range(1, 51)
]


def baseline(request):
    return render(request, "bench/baseline.html", {"rows": BASELINE_ROWS})
