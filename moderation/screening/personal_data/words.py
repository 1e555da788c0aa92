"""Ordinary words that are never a name: a street, school or handle is not called "the",
"very" or "minutes"."""


def split(words):
    """The words of a string, for writing lists of words as plain text."""
    return words.split()


STOP = frozenset(
    split(
        """
    a an the this that these those some any every each all no none both either neither
    my your his her its our their me you him us them i im i'm i'd i'll ive i've id it
    it's its we they he she u ur ya yours mine ours theirs someone anyone everyone
    somebody anybody everybody nobody something anything everything nothing one ones
    and n & + or but so if then than because cos coz cause as while when where what which who
    whom whose why how whether also too very really quite pretty super so such just only
    even still yet already again ever never always often sometimes usually maybe perhaps
    not nor more most less least much many few lot lots bit kind sort
    of to in on at by for from with without into onto over under up down out off about
    above below across along around through between behind beside near past after before
    since until till during per via like unlike against among toward towards upon
    is am are was were be been being do does did done doing have has had having get got
    gets getting go goes went gone going make made can could will would shall should may
    might must need needs let lets say said see saw seen know knew think thought want
    wanted feel felt look looked come came take took give gave tell told hate love like
    liked miss missed leave left start started finish finished move moved attend attended
    change changed skip quit stay stayed live lived walk walked drove ran run
    good bad best worst better worse same other another different whole entire next last
    final own only late early hard easy fine ok okay nice lovely awful horrible
    alone anymore anyway alive awake afraid angry
    yes no yeah yep nah lol lmao omg tbh ngl idk rn fr btw imo pls plz thx ty x xx xxx
    cant can't dont don't wont won't didnt didn't doesnt doesn't isnt isn't wasnt wasn't
    aint ain't couldnt couldn't wouldnt wouldn't shouldnt shouldn't else
    here there now today tonight tomorrow yesterday later soon home back away
    day days night nights week weeks month months year years time times hour hours
    minute minutes min mins second seconds sec secs hr hrs mile miles km metres meters
    step steps people person kids friends friend family mum mom dad mam nan gran
    sister brother cousin parents teacher teachers
    """
    )
)
