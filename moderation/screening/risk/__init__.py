"""Risk screening that reads meaning from parts rather than exact phrases.

`text` turns what a member wrote into sentences of plain words (undoing censoring,
look-alike letters, leetspeak, stretched letters, emoji and slang, with `slang`, and
typos, with `spelling`); `lexicon` names the concepts that matter (intent, methods,
timing, goodbyes ...) and the words that express them, which `matching` finds; the
`rulebook` says which concepts together make a finding, `rules` finds them within a
sentence and `modifiers` applies negation, the past, someone else, fiction, offering
help and quoting abuse; `phrases` matches the admins' watched phrases; `model` (over
`features`, trained by `training`) is a statistical layer that may only ever raise a
post's level. `moderation.screening.screen.screen_text` is the one entry point that
uses them.
"""
