"""The yardsticks pages are divided by. `baseline`: Django's request cycle and template
engine rendering a plain 50-row table, with no database (the single-request tables).
`bare`: the same table from 50 rows read from PostgreSQL, the bare page DESIGN.md's
throughput ratios are to."""

from django.shortcuts import render

from forum.models import Post

BASELINE_ROWS = [
    {"number": number, "name": f"Row {number}", "note": "A short line of plain text."}
    for number in range(1, 51)
]


def baseline(request):
    return render(request, "bench/baseline.html", {"rows": BASELINE_ROWS})


def bare(request):
    rows = [
        {"number": pk, "name": f"Post {pk}", "note": body[:60]}
        for pk, body in Post.objects.order_by("-pk").values_list("pk", "body")[:50]
    ]
    return render(request, "bench/baseline.html", {"rows": rows})
