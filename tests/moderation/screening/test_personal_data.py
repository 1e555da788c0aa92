"""The personal-data check: what it finds however it is disguised, what it leaves alone,
and that it stays fast and safe on anything a member can type."""

import time
from dataclasses import FrozenInstanceError

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation.screening.personal_data import PersonalData, find_personal_data
from moderation.screening.personal_data.gazetteer import towns
from moderation.screening.screen import screen_text
from peersupport.signposting.models import CrisisResource

pytestmark = pytest.mark.django_db

PHONE = "phone number"
EMAIL = "email address"
HANDLE = "social media handle"
ADDRESS = "street address"
POSTCODE = "postcode"
DATE_OF_BIRTH = "date of birth"
SCHOOL = "school name"
BIRTHDAY = "birthday"
KINDS = {PHONE, EMAIL, HANDLE, ADDRESS, POSTCODE, DATE_OF_BIRTH, SCHOOL, BIRTHDAY}


def found(text):
    return [(item.kind, item.text) for item in find_personal_data(text)]


FOUND = [
    # Phone numbers: UK, Irish, US and international, written every way people do.
    ("ring me on 07912 345678 tonight", PHONE, "07912 345678"),
    ("my mobile is 07456-123-987", PHONE, "07456-123-987"),
    ("landline 0161 496 0000", PHONE, "0161 496 0000"),
    ("try 07912.345.678", PHONE, "07912.345.678"),
    ("my number's 087 765 4321", PHONE, "087 765 4321"),
    ("dublin house phone (01) 496 5521", PHONE, "(01) 496 5521"),
    ("text (212) 555-0147 if ur in the states", PHONE, "(212) 555-0147"),
    ("my cell is 415-555-0132", PHONE, "415-555-0132"),
    ("+44 20 7946 0000 is my work number", PHONE, "+44 20 7946 0000"),
    ("whatsapp +353 85 123 4567", PHONE, "+353 85 123 4567"),
    ("0044 7912 345678 from abroad", PHONE, "0044 7912 345678"),
    ("+1 (646) 555-0199", PHONE, "+1 (646) 555-0199"),
    ("i'm in france, +33 6 12 34 56 78", PHONE, "+33 6 12 34 56 78"),
    # ... with the digits as words, doubled and trebled, or mixed with digits.
    ("oh eight five, one two three, four five six seven", PHONE, None),
    ("zero seven nine one two, three four five, six seven eight", PHONE, None),
    ("oh seven seven triple three four double 4 five six", PHONE, None),
    ("its oh seven nine one treble two double oh five six", PHONE, None),
    ("07700 nine zero zero one two three text me", PHONE, "07700 nine zero zero one two three"),
    ("07700 900 one two three", PHONE, "07700 900 one two three"),
    ("zero 7 7 zero zero 9 zero zero 1 2 3", PHONE, "zero 7 7 zero zero 9 zero zero 1 2 3"),
    ("text me on 07912 then 345 then 678", PHONE, "07912 then 345 then 678"),
    # ... with number words run into digits, or split with words between the halves.
    ("ring me 0seven9one2 3four5 678", PHONE, "0seven9one2 3four5 678"),
    ("zero7912 three four five six seven eight", PHONE, None),
    ("first half 07912 second half 345 678", PHONE, "07912 second half 345 678"),
    ("my number is 07912 and then 345678", PHONE, "07912 and then 345678"),
    ("oh seven nine one two, three four five and then six seven eight", PHONE, None),
    # ... and a US number with its area code given apart.
    ("text 555-0147, area code 212", PHONE, "555-0147, area code 212"),
    # ... with a letter O for a zero, or a space, dot or dash between every digit.
    ("o7912 345 678 text me", PHONE, "o7912 345 678"),
    ("my num: O79I2 345 678", PHONE, "O79I2 345 678"),
    ("call 0l61 496 0000", PHONE, "0l61 496 0000"),
    ("0 7 9 1 2 3 4 5 6 7 8", PHONE, "0 7 9 1 2 3 4 5 6 7 8"),
    ("0.7.9.1.2.3.4.5.6.7.8 lol", PHONE, "0.7.9.1.2.3.4.5.6.7.8"),
    ("0-7-9-1-2-3-4-5-6-7-8", PHONE, "0-7-9-1-2-3-4-5-6-7-8"),
    # ... and without the zero the writer tells you to add.
    ("seven nine one two three four five six seven eight, put a zero first", PHONE, None),
    ("eight five, one two three, four five six seven. irish, add the 0", PHONE, None),
    # Email addresses, any domain, plain or spelled out.
    ("reach me at sam.jones@protonmail.com", EMAIL, "sam.jones@protonmail.com"),
    ("school one is k.murphy@stmarks.sch.uk", EMAIL, "k.murphy@stmarks.sch.uk"),
    ("ruby dot green at yahoo dot co dot uk", EMAIL, "ruby dot green at yahoo dot co dot uk"),
    ("my email's ellie_b (at) outlook (dot) com", EMAIL, "ellie_b (at) outlook (dot) com"),
    ("mail me: liam99 [at] gmail [dot] com", EMAIL, "liam99 [at] gmail [dot] com"),
    ("kayla.r @ hotmail . co . uk", EMAIL, "kayla.r @ hotmail . co . uk"),
    ("its noah-p at icloud.com", EMAIL, "noah-p at icloud.com"),
    ("katie_r at hotmail", EMAIL, "katie_r at hotmail"),
    ("hotmail: jess_xo_07", EMAIL, "hotmail: jess_xo_07"),
    ("my gmail is cloudy.days22", EMAIL, "gmail is cloudy.days22"),
    # Social media handles, after each app's name or nickname, with or without "my ...
    # is", ":" or "@"; Discord tags; profile links.
    ("sc: mia.rose22", HANDLE, "mia.rose22"),
    ("add me on snap its lily_bxo", HANDLE, "lily_bxo"),
    ("snapchat username is bella.x.o", HANDLE, "bella.x.o"),
    ("\U0001f47b: ellie.mae", HANDLE, "ellie.mae"),
    ("\U0001f47b ellie_mae04", HANDLE, "ellie_mae04"),
    ("ig: nialler_fan", HANDLE, "nialler_fan"),
    ("my ig is @tom.draws", HANDLE, "@tom.draws"),
    ("insta - katie.mcd_", HANDLE, "katie.mcd_"),
    ("my instagram is rosie.bakes", HANDLE, "my instagram is rosie.bakes"),
    ("dc: moonlight_02", HANDLE, "moonlight_02"),
    ("discord is shadowfox#1234", HANDLE, "shadowfox#1234"),
    ("hmu on discord: frostbyte", HANDLE, "frostbyte"),
    ("tt: @dancing.dani", HANDLE, "@dancing.dani"),
    ("my tiktok is called sunny.days", HANDLE, "my tiktok is called sunny.days"),
    ("kik - jaydenxx_", HANDLE, "jaydenxx_"),
    ("telegram @ghost_writer", HANDLE, "@ghost_writer"),
    ("whatsapp me, user is sara.k", HANDLE, "sara.k"),
    ("roblox user: pixel_kitty09", HANDLE, "pixel_kitty09"),
    ("follow me on tiktok @ava.lou", HANDLE, "@ava.lou"),
    ("i'm moonlight_02 on discord", HANDLE, "moonlight_02"),
    # ... on more apps and games, and in more shapes: quoted, with capitals inside, words
    # and a number for a gamertag, a dash, a Riot tag, a page on a site's own address.
    ("my spotify is grey.skies", HANDLE, "my spotify is grey.skies"),
    ("add me on the ghost app, its rowan_b", HANDLE, "rowan_b"),
    ("disc: nightowl", HANDLE, "nightowl"),
    ("my soundcloud is 'lofilark'", HANDLE, "my soundcloud is 'lofilark'"),
    ("my roblox is SleepyPandaKing", HANDLE, "my roblox is SleepyPandaKing"),
    ("my gamertag is Sleepy Otter 42", HANDLE, "Sleepy Otter 42"),
    ("psn is grim_reaper-99", HANDLE, "grim_reaper-99"),
    ("riot id: moonpie#EUW", HANDLE, "moonpie#EUW"),
    ("my art blog is inkypaws.tumblr.com", HANDLE, "inkypaws.tumblr.com"),
    ("message me at instagram.com/jaz.m", HANDLE, "instagram.com/jaz.m"),
    ("add me on snap", HANDLE, "add me on snap"),
    # ... disguised: spaced out, spelled out, misspelt apps.
    ("my snap is e l l i e x 0 9", HANDLE, "my snap is e l l i e x 0 9"),
    ("add my insta its charlie underscore b", HANDLE, "my insta its charlie underscore b"),
    ("discord: moon dot child", HANDLE, "moon dot child"),
    ("snapp me its rory_b1", HANDLE, "rory_b1"),
    ("my instagarm is rory.b", HANDLE, "rory.b"),
    ("s n a p : j a z z . m", HANDLE, "j a z z . m"),
    ("i g : m a y a . x", HANDLE, "m a y a . x"),
    ("its i-n-s-t-a then rosa underscore m", HANDLE, "rosa underscore m"),
    # Street addresses, in lowercase too, and Irish rural addresses.
    ("I live at 42 Maple Avenue", ADDRESS, "42 Maple Avenue"),
    ("my address is 7 orchard close, wigan", ADDRESS, "7 orchard close"),
    ("come round to 3 elm grove", ADDRESS, "3 elm grove"),
    ("we're at 15 church st, near the shop", ADDRESS, "15 church st"),
    ("flat 4b, 22 station road", ADDRESS, "flat 4b, 22 station road"),
    ("apartment 12 in the new block", ADDRESS, "apartment 12"),
    ("27 park lane is my house", ADDRESS, "27 park lane"),
    ("i live at 19 the crescent", ADDRESS, "19 the crescent"),
    ("we live on mill lane", ADDRESS, "mill lane"),
    ("one four rosewood drive", ADDRESS, "one four rosewood drive"),
    ("1208 pennsylvania ave", ADDRESS, "1208 pennsylvania ave"),
    ("come to 9 briar avenu", ADDRESS, "9 briar avenu"),
    # ... with "number" and where it is, the street first, or "the" and no name.
    ("it's number 9 on rowan crescent", ADDRESS, "number 9 on rowan crescent"),
    ("opposite the chemist on Mill St, number 31", ADDRESS, "Mill St, number 31"),
    ("number 5, the maltings", ADDRESS, "number 5, the maltings"),
    ("its 12 the paddocks", ADDRESS, "12 the paddocks"),
    ("we're at 8b,elm grove", ADDRESS, "8b,elm grove"),
    ("Hse 7, Bóthar na Trá, Salthill", ADDRESS, "Hse 7"),
    # ... a street without a number, in a sentence that says where they live and the town.
    ("we moved out near Kilkenny, Callan Road, the yellow house", ADDRESS, "Callan Road"),
    ("ballyduff, tralee, co kerry", ADDRESS, "ballyduff, tralee, co kerry"),
    ("we're in cloughjordan, nenagh, co. tipperary", ADDRESS, None),
    # UK postcodes in any case, with or without the space, and Eircodes.
    ("SW1A 2AA", POSTCODE, "SW1A 2AA"),
    ("m4 6wx is my postcode", POSTCODE, "m4 6wx"),
    ("im in bt125gh", POSTCODE, "bt125gh"),
    ("postcode: E H 1 1 Y Z", POSTCODE, "E H 1 1 Y Z"),
    ("postcode m one four, five r t", POSTCODE, "m one four, five r t"),
    ("eircode D04 K7W2", POSTCODE, "D04 K7W2"),
    ("my eircode is v94t2x7", POSTCODE, "v94t2x7"),
    ("zip code 10001", POSTCODE, "10001"),
    ("postcode: L 1, 8 J Q", POSTCODE, "L 1, 8 J Q"),
    ("send it to B33-8TH", POSTCODE, "B33-8TH"),
    # Dates of birth in every common format.
    ("born 2/3/2009", DATE_OF_BIRTH, "born 2/3/2009"),
    ("dob: 12-12-2008", DATE_OF_BIRTH, "dob: 12-12-2008"),
    ("d.o.b 01/02/2010", DATE_OF_BIRTH, "d.o.b 01/02/2010"),
    ("dob 4.6.09", DATE_OF_BIRTH, "dob 4.6.09"),
    ("dob 140310", DATE_OF_BIRTH, "dob 140310"),
    ("b. 21 jan 2009", DATE_OF_BIRTH, "b. 21 jan 2009"),
    ("my birthday is the 3rd of march 2010", DATE_OF_BIRTH, None),
    ("born on the 4th of july 2008", DATE_OF_BIRTH, "born on the 4th of july 2008"),
    ("i was born on march 3rd 2009", DATE_OF_BIRTH, "born on march 3rd 2009"),
    ("born 14-mar-2010", DATE_OF_BIRTH, "born 14-mar-2010"),
    ("dob 2010-05-21", DATE_OF_BIRTH, "dob 2010-05-21"),
    ("2010-05-21 is my birthday", DATE_OF_BIRTH, "2010-05-21 is my birthday"),
    ("bday 15th febuary 2009", DATE_OF_BIRTH, "bday 15th febuary 2009"),
    ("date of birth is the fourteenth of march two thousand and ten", DATE_OF_BIRTH, None),
    ("bday: one two, oh five, two oh oh nine", DATE_OF_BIRTH, None),
    ("my birthday is 12th march", BIRTHDAY, "birthday is 12th march"),
    # ... told by what one is for being born then, after "i'm", a misspelt cue, the year
    # first, or a few words on.
    ("11/25/2009 yes a thanksgiving baby", DATE_OF_BIRTH, "11/25/2009 yes a thanksgiving baby"),
    ("im a virgo, 2 sept 09", DATE_OF_BIRTH, "im a virgo, 2 sept 09"),
    ("same! im 4th april 2009 too", DATE_OF_BIRTH, "im 4th april 2009"),
    ("brithday 14/03/2010", DATE_OF_BIRTH, "brithday 14/03/2010"),
    ("born in 2009, the 3rd of may", DATE_OF_BIRTH, "born in 2009, the 3rd of may"),
    ("my bday written in words is two one, oh four, oh nine", DATE_OF_BIRTH, None),
    # Birthday giveaways.
    ("I'm 15 today!", BIRTHDAY, "I'm 15 today"),
    ("im fifteen today", BIRTHDAY, "im fifteen today"),
    ("I'm turning 16 tomorrow", BIRTHDAY, "turning 16 tomorrow"),
    ("it's my 14th birthday", BIRTHDAY, "my 14th birthday"),
    ("its my bday today", BIRTHDAY, "its my bday today"),
    ("my birthday's tomorrow!!", BIRTHDAY, "my birthday's tomorrow"),
    # School names, with or without the word "school", named by a saint, a type of school,
    # an Irish or Welsh name, and told apart by a town or a year group.
    ("everyone at Ridgeway High hates me", SCHOOL, "Ridgeway High"),
    ("i go to kingsford grammar", SCHOOL, "kingsford grammar"),
    ("my school is oakfield academy", SCHOOL, "oakfield academy"),
    ("heathside school is awful", SCHOOL, "heathside school"),
    ("castle high kids are so mean", SCHOOL, "castle high"),
    ("lisburn grammar is strict", SCHOOL, "lisburn grammar"),
    ("i go to st mary's", SCHOOL, "st mary's"),
    ("st marys in croydon", SCHOOL, "st marys"),
    ("year 10 at st aidan's", SCHOOL, "st aidan's"),
    ("i go to st. aidan's", SCHOOL, "st. aidan's"),
    ("year 9 at saint john fisher", SCHOOL, "saint john fisher"),
    ("go 2 st pius x in yr 8", SCHOOL, "st pius x"),
    ("i'm at holy cross in ardoyne", SCHOOL, "holy cross"),
    ("gaelscoil na mara is my school", SCHOOL, "gaelscoil na mara"),
    ("anyone at coláiste bríde?", SCHOOL, "coláiste bríde"),
    ("ysgol y castell, year 7", SCHOOL, "ysgol y castell"),
    ("the academy in newry is huge", SCHOOL, "the academy in newry"),
    ("the grammar in omagh", SCHOOL, "the grammar in omagh"),
    ("im in year 10 at greenfield", SCHOOL, "greenfield"),
    ("year 12 at our lady's grammar in newry", SCHOOL, "our lady's grammar"),
    ("i'm in 6th year at the mercy in tuam", SCHOOL, "the mercy in tuam"),
    ("st annes catholic college, y9", SCHOOL, "st annes catholic college"),
    ("everyone at oakfeild acadamy is fake", SCHOOL, "oakfeild acadamy"),
    # ... the only one of its kind in a town or on a street, or a name after "at", "called".
    ("i'm at the only catholic school in Ballina", SCHOOL, None),
    ("anyone from the academy on Station Road?", SCHOOL, "the academy on Station Road"),
    ("i go to skool at Brookfield in Croydon", SCHOOL, "Brookfield"),
    ("my school is called westfield", SCHOOL, "westfield"),
]


@pytest.mark.parametrize(("text", "kind", "words"), FOUND)
def test_personal_data_is_found_however_it_is_written(text, kind, words):
    items = found(text)
    assert kind in {found_kind for found_kind, _ in items}, items
    if words is not None:
        assert (kind, words) in items


def test_every_kind_and_disguise_is_covered():
    assert {kind for _, kind, _ in FOUND} == KINDS


NOT_FOUND = [
    # Crisis lines the site lists, written any way.
    "Samaritans are on 116 123, free from any phone",
    "childline is 0800 1111 or 0800 11 11",
    "text SHOUT to 85258",
    "call 999 or 111, or 112 in ireland",
    "988 is the us one",
    "pieta 1800 247 247 if ur in ireland",
    "text 50808 any time",
    "papyrus hopeline 0800 068 4141",
    "you can email jo@samaritans.org",
    "pat@papyrus-uk.org answered me",
    # Freephone lines of other services: no one's own number.
    "beat's youthline is 0808 801 0711",
    "aware 1800 80 48 48 helped my mum",
    # Numbers an organisation answers, or that refer to something, not someone.
    "the eating disorder team is 0161 496 0000, ring them",
    "my mum rang 0800 123 4567 for advice",
    "order number 07912 345678 never came",
    "my nhs number is 943 476 5919",
    "i was there from 2015 and 2016 and 2017",
    # Short numbers, prices, scores, years, times, counts, dates that are not birthdays.
    "I took 2 tablets at 8",
    "scored 3-1 in the final",
    "i got 7/10 on my test",
    "it costs $2,499.99 which is mad",
    "i owe £1,250 to my mate",
    "1,000,000 views on that video",
    "i've got 12,345 followers now",
    "since 2019 things have been bad",
    "i slept from 11pm to 7am",
    "the 15:45 bus is always late",
    "1 2 3 4 5 6 7 8 9 10 breathe",
    "my screen time is 9h 12m",
    "blood pressure 120/80, heart rate 140",
    "iphone 13 and windows 11",
    "room 101, ward 12",
    "i got a b12 shot and vitamin d3",
    "the m25 was jammed",
    "my exam is on 12/05/2026",
    "deadline 2026-05-21 for the essay",
    "results day is 20th august 2026",
    "our anniversary is 14/02/2020",
    # Birthdays that give nothing away.
    "i was born in 2009",
    "born in cork, raised in dublin",
    "my birthday is in june",
    "my birthday was awful",
    "my dog turned 5 today",
    "my cat was born on 12 april 2021",
    "my dog's birthday is 3/3/2023",
    "my mum's birthday is 3rd june",
    "what does dob mean",
    "zendaya born 1/9/1996",
    "billie eilish birthday is 18 december",
    "im a cancer survivor since 12/3/2015",
    # Mentions that are not handles; apps talked about without one.
    "@everyone thanks for the support",
    "@here anyone awake?",
    "@mods please help",
    "@ mods can you move this",
    "meet @5pm",
    "see u @ 6pm",
    "dont @ me",
    "i deleted snapchat and feel better",
    "insta makes me sad",
    "snapchat is toxic",
    "my tiktok is blowing up",
    "my discord friends are nice",
    "got blocked on snap",
    "lost my snap streak of 400 days",
    "ig i'm fine",
    "washington dc trip",
    "snap: i lost my streak",
    "insta: toxic",
    "someone said add me on snap and i blocked them",
    "@evryone hi",
    "@everyon e thanks all",
    # Replies to another member, by their name here.
    "@sam_x well done on the exam, sending hugs",
    "reply to @sam_x: so proud of you",
    "spotify makes me feel better",
    "my roblox is broken again",
    "my xbox is like 10 years old",
    "i love c# and f#",
    "that game is s1ck, valorant made me unst0ppable",
    # Email talk with no address.
    "i emailed camhs at 9",
    "gmail says my storage is full",
    "i'm at home. watching tv",
    # Places that are not addresses.
    "i live in manchester",
    "my nan lives in county mayo",
    "the chippy on mill lane is the best",
    "walking down the high street",
    "we walked 3 miles down the road",
    "i have 2 very close friends",
    "i live 2 minutes from the park",
    "go 2 the park later",
    "i live on a street called Maple Way and it's boring",
    "on the high street, number 1 shop for sweets",
    # Addresses everyone knows.
    "1600 pennsylvania ave",
    "i'd love to see 221b baker street one day",
    "number 10 downing street announced it",
    # Schools that are not named.
    "my school is so strict",
    "high school sucks",
    "secondary school was hell",
    "i'm at my new high school now",
    "sixth form college is better",
    "dropped out of college",
    "college applications are hard",
    "a rubbish school tbh",
    "i had a panic attack at school",
    "i go to church in leeds",
    "st patrick's day was fun",
    "st valentine's day is cringe",
    "st john's wort didnt help",
    "kings cross station",
    "grammar homework is killing me",
    "my english grammar is bad",
    "year 10 is hard",
    "in year 10 at the time",
    "i'm so high rn",
    "my anxiety is sky high",
    "a sugar high",
    "the school on the hill",
    "the school in my town is awful",
    "everyones school is closed",
    "cant face school tomorrow",
    "it's draining. school, work, sleep",
    # Ordinary posts.
    "I feel so alone and I don't know who to talk to",
    "it's 3am and i cant sleep again",
    "day 45 of recovery, still going",
    "I've self harmed 3 times this week",
    "i'm 16 and my gf is 17",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_look_alikes_and_ordinary_posts_are_not_personal_data(text):
    assert found(text) == []


def test_what_is_found_is_exactly_what_was_written():
    full_width = "\uff10\uff17\uff19\uff11\uff12 \uff13\uff14\uff15\uff16\uff17\uff18"
    text = f"TEXT ME ON {full_width} OR oh seven nine one two, three four five, six seven eight"
    items = find_personal_data(text)
    assert [item.kind for item in items] == [PHONE, PHONE]
    assert items[0].text == full_width
    assert items[1].text == "oh seven nine one two, three four five, six seven eight"
    assert all(item.text in text for item in items)


def test_each_kind_is_found_in_one_post_in_a_fixed_order():
    text = (
        "hi im 15 today, born 2/3/2011. i'm in year 10 at st bedes, snap: mo.b11, "
        "text 07912 345678 or email mo.b@gmail.com. i live at 4 elm grove, bt7 1aa"
    )
    assert [kind for kind, _ in found(text)] == [
        EMAIL,
        PHONE,
        ADDRESS,
        POSTCODE,
        DATE_OF_BIRTH,
        SCHOOL,
        HANDLE,
        BIRTHDAY,
    ]


def test_personal_data_is_a_frozen_kind_and_text():
    item = PersonalData("phone number", "07912 345678")
    with pytest.raises(FrozenInstanceError):
        item.text = "something else"
    assert screen_text("text me on 07912 345678").personal_data == [item]


# Crisis lines come from the site's own list of crisis resources.


def test_a_crisis_line_the_site_no_longer_lists_is_a_phone_number():
    assert found("call pieta on 1800 247 247") == []
    CrisisResource.objects.filter(phone="1800 247 247").update(is_active=False)
    # Still a freephone number: personal only when someone gives it as their own.
    assert found("call pieta on 1800 247 247") == []
    assert found("call me on 1800 247 247") == [(PHONE, "1800 247 247")]


def test_a_crisis_line_the_site_adds_is_not_a_phone_number_nor_its_addresses_emails():
    text = "kindline: 01632 960 001, talk@kindline.example or team@kindline.example"
    assert {kind for kind, _ in found(text)} == {PHONE, EMAIL}
    CrisisResource.objects.create(
        name="Kindline",
        description="Someone to talk to.",
        phone="01632 960001",
        web_url="https://www.kindline.example/chat",
        hours="24 hours, every day",
    )
    assert found(text) == []


def test_a_post_without_numbers_or_addresses_asks_nothing_of_the_database(
    django_assert_num_queries,
):
    with django_assert_num_queries(0):
        find_personal_data("I feel hopeless and my school is so strict. " * 50)
    with django_assert_num_queries(1):
        find_personal_data("call 07912 345678 or 07912 345679, or jo@samaritans.org")


def test_the_gazetteer_knows_towns_by_all_their_names():
    names = towns()
    assert {"croydon", "ballymena", "swords", "clonmel", "giffnock", "austin"} <= names
    assert "droichead nua" in names  # Newbridge, in Irish
    assert {"the", "school", "and"}.isdisjoint(names)


# Any text at all, fast.


@pytest.mark.parametrize(
    "fragment",
    [
        "a calm day. ",
        "1 ",
        "1-",
        "07912 345678 ",
        "oh seven double ",
        "snap ",
        "st ",
        "year 10 at ",
        "born ",
        "tom at gmail dot com ",
        "co mayo, ",
        "@a_b ",
        "e m m a ",
        "x" * 50 + " ",
        "0seven9 ",
        "number 4 on ",
        "we live in Leeds on Oak Road ",
        "area code 415 ",
        "i'm a virgo ",
        "the academy in ",
    ],
)
def test_a_ten_thousand_character_post_takes_no_time(fragment):
    text = (fragment * (10_000 // len(fragment) + 1))[:10_000]
    find_personal_data(text)  # the gazetteer and phone metadata load on first use
    started = time.perf_counter()
    items = find_personal_data(text)
    assert time.perf_counter() - started < 1
    assert all(item.text in text for item in items)


FRAGMENTS = [
    *["07912 345678", "oh seven ", "double ", "treble ", "o", "O", "1", "0", "+44", "(0)"],
    *["@", " at ", " dot ", "(at)", "[dot]", "gmail", ".com", "_", ".", "#1234", "/"],
    *["snap: ", "sc ", "ig ", "my insta is ", "add me on snap", "\U0001f47b", "discord"],
    *["12 ", "oakfield rd", "flat 3b", ", co mayo", "SW1A 1AA", "d02 x285", "postcode "],
    *["born ", "dob ", "14/03/2010", "12th march ", "2009", "i'm 15 today", "turning "],
    *["st ", "st. ", "saint ", "high", " school", "academy", "year 10 at ", " in croydon"],
    *["the ", "my ", " ", "\n", ", ", "'", "\u2019", "\uff49", "\u0130", "\ufb01", "é"],
    *["\u200b", "\ufe0f", "\u00b7"],
    *["0seven9", "i-n-s-t-a", "area code 212 ", "number 4 on ", "i'm a virgo ", "a new years baby"],
    *["riot id ", "x#euw", ".tumblr.com", "@sam_x ", "replying to ", "the academy on ", "Hse 4"],
]
posts = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=40).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(posts)
def test_any_text_gives_real_substrings_of_known_kinds(text):
    for item in find_personal_data(text):
        assert item.kind in KINDS
        assert item.text
        assert item.text in text
