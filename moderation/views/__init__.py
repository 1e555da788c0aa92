"""The moderation app's views, one module per concept; urls.py uses them by module."""
