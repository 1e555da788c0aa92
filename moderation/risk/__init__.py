"""Risk screening that reads meaning from parts rather than exact phrases.

`text` turns what a member wrote into sentences of plain words (undoing censoring,
look-alike letters, leetspeak, stretched letters, typos, emoji and slang); `lexicon`
names the concepts that matter (intent, methods, timing, goodbyes ...) and the words
that express them; `rules` combines concepts within a sentence into findings and applies
the modifiers (negation, the past, someone else, fiction, offering help, quoting abuse);
`model` is a statistical layer that may only ever raise a post's level.
`moderation.screening.screen_text` is the one entry point that uses them.
"""
