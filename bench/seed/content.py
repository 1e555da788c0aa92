"""The words of the benchmark's forum: a pool of a few hundred Markdown bodies, mostly
short, now and then long or with a list, a quote, a link or emphasis, each rendered
once by the product's own renderer; and thread titles."""

from forum.rendering import render_markdown

# A word some seeded bodies contain and titles never do, for tests to search for.
SEARCHABLE_WORD = "lighthouse"

SENTENCES = [
    "Today was a bit better than yesterday, and I wanted to tell someone.",
    "I have been finding it hard to get out of bed in the mornings lately.",
    "Thank you for writing this, it sounds like a really heavy week.",
    "Walking to the lighthouse every morning has helped me more than I expected.",
    "My exams start next month and I can't stop worrying about them.",
    "Sending you a big hug, you are not on your own with this.",
    "I tried the breathing exercise someone posted here and it calmed me down a little.",
    "Does anyone else feel really tired after being around lots of people?",
    "My sister noticed I was quiet and we ended up talking for an hour.",
    "It is okay to have days where you just get through it.",
    "I made a list of small things that help and stuck it on my wall.",
    "Music is the thing that gets me through the evenings.",
    "I told my GP how I was feeling and she was kinder than I expected.",
    "Some days the group chat makes me feel left out, so I muted it for a while.",
    "Writing things down before bed stops my thoughts going round in circles.",
    "I am proud of you for reaching out, that takes a lot of courage.",
    "The counsellor at college said I could drop in on Thursdays.",
    "I keep comparing myself to people online and it never helps.",
    "We had a calm day at home for once, and I actually enjoyed dinner.",
    "Has anyone got tips for falling asleep when your mind won't switch off?",
    "I went for a swim and felt lighter afterwards.",
    "It helps me to remember that feelings pass, even the big ones.",
    "My friend and I walked along the beach as far as the old lighthouse.",
    "I'm not sure how to explain to my parents what anxiety feels like.",
    "Drawing for ten minutes a day has become my little routine.",
    "You don't have to have it all figured out right now.",
    "I started volunteering at the animal shelter and the dogs make me smile.",
    "Panic attacks scare me, but knowing they end helps a bit.",
    "Sometimes I just need someone to say that it makes sense to feel this way.",
    "I baked bread for the first time and it was a bit flat but I was happy.",
    "Moving to a new school has been lonelier than I thought it would be.",
    "Looking after myself today meant a shower, a walk and an early night.",
    "I read this whole thread and it made me feel less alone.",
    "Has anyone tried keeping a mood diary, and did it help?",
    "My cat sits with me when I feel low, which is oddly comforting.",
    "I said no to something I didn't want to do and the world didn't end.",
    "Work experience starts next week and I'm nervous about meeting new people.",
    "Rain on the window and a good book is my favourite kind of evening.",
    "It's been a year since I first posted here, and things are different now.",
    "I'm still learning that asking for help is not the same as being a burden.",
]
LIST_INTROS = ["Things that helped me:", "What I'm trying this week:", "Small wins today:"]
LIST_ITEMS = [
    "a short walk outside",
    "texting one friend",
    "drinking some water",
    "*ten minutes* of music",
    "**one** small task at a time",
    "going to bed before midnight",
    "writing three things I noticed",
    "saying how I feel out loud",
    "a warm shower",
    "turning my phone off for an hour",
]
LINKS = [
    "[the NHS page on sleep](https://www.nhs.uk/live-well/sleep-and-tiredness/)",
    "[a grounding exercise](https://example.org/grounding)",
    "[this guide](https://example.org/guides/exam-stress)",
    "[the help page](https://example.org/help)",
]
TITLE_STARTS = [
    "Feeling low after",
    "Small win:",
    "Anyone else struggling with",
    "Tips for",
    "Can't stop thinking about",
    "Good news about",
    "Worried about",
    "How do you cope with",
    "A calmer week with",
    "Need to talk about",
]
TITLE_ENDS = [
    "exams",
    "sleep",
    "my first week at college",
    "friends drifting apart",
    "family arguments",
    "social media",
    "the weekend",
    "starting therapy",
    "panic attacks",
    "getting outside",
    "being on my own",
    "moving house",
]


def build_body(rng):
    """One Markdown body of about 50 to 2,000 characters: mostly short, sometimes long,
    now and then with a list, a quote, a link or emphasis."""
    target = int(min(2000, 50 * 40 ** rng.random()))
    blocks = []
    length = 0
    while length < max(target, 50):
        roll = rng.random()
        if roll < 0.08 and length + 250 < 2000:
            items = rng.sample(LIST_ITEMS, rng.randint(2, 5))
            block = rng.choice(LIST_INTROS) + "\n\n" + "\n".join(f"- {item}" for item in items)
        elif roll < 0.14:
            block = "> " + rng.choice(SENTENCES)
        elif roll < 0.18:
            block = f"This helped me: {rng.choice(LINKS)}."
        else:
            sentences = rng.sample(SENTENCES, rng.randint(1, 3))
            if rng.random() < 0.15:
                sentences[0] = f"*{sentences[0]}*"
            block = " ".join(sentences)
        if length + len(block) + 2 > 2000:
            break
        blocks.append(block)
        length += len(block) + 2
    return "\n\n".join(blocks)


def body_pool(rng, size=400):
    """`size` distinct bodies with their rendered HTML, each rendered once."""
    bodies = {}
    while len(bodies) < size:
        body = build_body(rng)
        if body not in bodies:
            bodies[body] = render_markdown(body)
    return list(bodies.items())


def build_title(rng):
    return f"{rng.choice(TITLE_STARTS)} {rng.choice(TITLE_ENDS)}"
