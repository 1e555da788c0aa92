"""`make eval-screening`'s report: the figures it prints come from what the screening
did with each labelled post."""

from collections import Counter

from moderation.screening.evaluation import PostReport, format_posts


def test_the_report_counts_ordinary_posts_held_as_crisis():
    report = PostReport(
        confusion=Counter(
            {
                ("ok", "crisis"): 3,
                ("ok", "review"): 7,
                ("ok", "left alone"): 90,
                ("crisis", "crisis"): 5,
            }
        ),
        times_ms=[1.0, 2.0],
    )
    text = format_posts("dev", report)
    assert "ok held as crisis:   3.0 % (3 of 100 ordinary posts)" in text
    assert "ok left alone: recall  90.0 %" in text
