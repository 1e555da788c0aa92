"""Percentiles, the ratio to the baseline, and budget checks: plain arithmetic, kept
apart from the measuring so it can be tested on fixed numbers."""

import statistics


def percentile(values, percent):
    """Linear interpolation between closest ranks (what numpy calls "linear")."""
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * percent / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summarise(times_ms):
    return {
        "p50": statistics.median(times_ms),
        "p95": percentile(times_ms, 95),
        "n": len(times_ms),
    }


def ratio(value, baseline):
    if value is None or not baseline:
        return None
    return value / baseline


def within(value, budget):
    """True or False against a budget; None when there is no budget or no figure."""
    if budget is None or value is None:
        return None
    return value <= budget
