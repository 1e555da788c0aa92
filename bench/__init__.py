"""`make bench`: the performance budgets in DESIGN.md, measured in-process, over HTTP
and under load. Entry point: `python -m bench.run`."""

from pathlib import Path

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
