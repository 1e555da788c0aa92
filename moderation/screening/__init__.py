"""Risk and personal-data screening of what members write.

`moderation.screening.screen.screen_text(text)` is the one entry point; the rest:

- `normalise`: plain forms of the text the admins' watched phrases match on;
- `risk`: the concept rules, the watched phrases and the statistical layer;
- `personal_data`: phone numbers, addresses, schools and the like, however disguised;
- `findings`: what the case page says about each finding;
- `evaluation`: the screening measured on the labelled corpus (`make eval-screening`).

Nothing here is imported with the package itself: training the statistical layer runs
without Django, and importing the model stays cheap.
"""
