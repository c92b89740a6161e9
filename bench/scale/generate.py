"""Write a synthetic corpus for the scale benchmark (issue 8).

    .venv/bin/python bench/scale/generate.py 1000 /tmp/scale-1000 [--seed 1]

Articles are recombined from the body paragraphs of the test corpora
(tests/corpora/*/seeds/*.txt, not seeds/) with invented people, places, countries,
organisations, numbers and dates. They are grouped into stories of 3-15 articles about one
event each, with about a fifth of the articles being wire copies (lightly edited) of another
article of their story. Writes:

- OUT/seeds/NNNNN_*.txt   the N articles (text dumps with headline, date line, byline and
                          boilerplate, like the test corpora)
- OUT/pending/*.txt       one more article of an existing story, held back for the
                          incremental run (move it into seeds/)
- OUT/mkdocs.yml          the flood corpus's config, templates_dir absolute, invented principals
- OUT/docs/index.md
- OUT/labels.json         the true stories and wire copies

The same N and seed give the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import shutil
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCES = ROOT / "tests" / "corpora"
# A fixed list, so that a new test corpus does not change the benchmark's articles (the
# conflict corpus, added in session 12, is left out: results stay comparable across sessions).
SOURCE_CORPORA = ("flood", "holdout", "mixed", "port-strike")
TEMPLATES_DIR = ROOT / "templates"

# ---------------------------------------------------------------------------------------------
# Word lists
# ---------------------------------------------------------------------------------------------


def split(text: str) -> list[str]:
    """Return the words of a word list written as one string."""
    return text.split()


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_NUMBER = {m: n for n, m in enumerate(MONTHS, start=1)} | {
    m[:3]: n for n, m in enumerate(MONTHS, start=1)
}
MONTH_NUMBER["Sept"] = 9

# Capitalised words that are no names even though the sources never write them in lower case.
KEEP_WORDS = {
    *WEEKDAYS,
    *MONTHS,
    *MONTH_NUMBER,
    "Company",
    *split("""I Mr Mrs Ms Dr English Spanish French Celsius Fahrenheit Earth Internet Facebook
    WhatsApp Telegram Twitter LinkedIn Email Minister Ministry Labour Labor Defence Defense
    Prime Foreign Industry Communications Disaster Management Relief President Justice Court
    Constitutional Commission Council Party Union Federation Confederation Authority
    Organization Organisation Board Bank Agency Movement Trust Alliance Group Centre Center
    Institute Services Programme Program Office Department Parliament Congress National
    International General Election Opposition State Government Development Water Emergency
    Operations Geological Survey Red Cross Coast Guard Port Mining Mine Rescue Free Civic Unity
    Renewal Citizens United Open Networks Watch Declaration Agreement Act Amendment Electronic
    Workers Dockers Maritime Exporters Fruit Health Directorate Standards Principles Fund
    Response Central World Food European Presidency Hotel Palace University Professor Judge
    Director Chief Executive Chair Deputy Commissioner Governor Secretary Legal Political
    Editor Related Video Watch Photo Picture Photograph Listen Share Subscribe Highway Ring
    Fire Square Convention Pan American Monitor Post Herald Standard Capital Courier Ledger
    Mercury Sentinel Observer Chronicle Daily Evening Northern Times Reuters Press
    Associated"""),
}
KEEP_ACRONYMS = {
    *split("UN US EU TV MP MPs CEO AM PM ET BST CET EDT GMT SAST UK AI GDP"),
}
AGENCIES = {"Reuters": "Northwire", "REUTERS": "NORTHWIRE", "AP": "CPA", "AFP": "EPN"}

# Countries and their demonyms in the source corpora; each is replaced by an invented one.
SOURCE_COUNTRIES = {
    "Bangladesh": "Bangladeshi",
    "Chile": "Chilean",
    "Poland": "Polish",
    "Mongolia": "Mongolian",
    "Laos": "Lao",
    "Cambodia": "Cambodian",
    "Thailand": "Thai",
    "Vietnam": "Vietnamese",
    "Peru": "Peruvian",
    "South Africa": "South African",
    "Japan": "Japanese",
    "China": "Chinese",
    "Russia": "Russian",
    "India": "Indian",
    "Nigeria": "Nigerian",
    "Mexico": "Mexican",
    "Canada": "Canadian",
    "Philippines": "Philippine",
    "United States": "American",
    "South Korea": "South Korean",
    "Czech Republic": "Czech",
    "Spain": "Spanish",
}
INVENTED_COUNTRIES = (
    ("Vorland", "Vorlandish"),
    ("Kessaria", "Kessarian"),
    ("Ostrava Major", "Ostravan"),
    ("Dalmoria", "Dalmorian"),
    ("Pelagon", "Pelagonian"),
    ("Ruthenay", "Ruthenayan"),
    ("Marovia", "Marovian"),
    ("Tessaly", "Tessalian"),
    ("Korvath", "Korvathi"),
    ("Ibrenia", "Ibrenian"),
    ("Sundara", "Sundaran"),
    ("Valtenna", "Valtennan"),
    ("Norhelm", "Norhelmish"),
    ("Quessal", "Quessali"),
    ("Arvandy", "Arvandian"),
    ("Belcrest", "Belcrestian"),
    ("Caldoria", "Caldorian"),
    ("Drovania", "Drovanian"),
    ("Esmeral", "Esmerali"),
    ("Farrowmere", "Farrowmerian"),
    ("Gaskony", "Gaskonian"),
    ("Halvaria", "Halvarian"),
    ("Istrane", "Istranian"),
    ("Jorvenia", "Jorvenian"),
    ("Kaltara", "Kaltaran"),
    ("Lumeria", "Lumerian"),
    ("Mostavia", "Mostavian"),
    ("Nemoria", "Nemorian"),
    ("Oskaria", "Oskarian"),
    ("Palmyrene", "Palmyrenian"),
    ("Rovenska", "Rovenskan"),
    ("Serrania", "Serranian"),
    ("Talvoria", "Talvorian"),
    ("Umbera", "Umberan"),
    ("Veskaria", "Veskarian"),
    ("Westmarch", "Westmarcher"),
    ("Yselda", "Yseldan"),
    ("Zarovia", "Zarovian"),
    ("Auravel", "Auravelian"),
    ("Brinmoor", "Brinmoorish"),
    ("Cyrenne", "Cyrennian"),
    ("Delvaria", "Delvarian"),
    ("Elbonia Minor", "Elbonian"),
    ("Feronia", "Feronian"),
    ("Gallowen", "Gallowenish"),
    ("Hespera", "Hesperan"),
    ("Karsova", "Karsovan"),
    ("Lioness Coast", "Lionessan"),
)
FIRST_A = "A Be Ca Da E Fa Ga Ha I Jo Ka La Ma Na O Pa Ra Sa Ta Va Ya Za Mi Ni Lo Ro So Te Ve Li"
FIRST_MID = ["", "", "", "", "la", "ri", "na", "de", "mi", "so"]
FIRST_B = "ren lia sha nor vik mir dan lena ris tan nah ro sel lin ko bel mon ria dis van"
SUR_A = split(
    """Al Bar Cas Dol Ek Fer Gor Hal Ist Jar Kol Lem Mar Nov Ost Pal Quin Rav Sor Tam Ul Ven
Wol Yan Zor Brun Cal Dem Esk Fal Grem Hes Ivar Kas Lind Mod Neth Orv Pres Ros"""
)
SUR_MID = ["", "", "a", "e", "i", "o", "an", "er", "ov", "el"]
SUR_B = split(
    """berg sen ova ic ez dottir ani ski ard ell ton wick mann ides enko oglu aru ssen quist
ay ura eda inho ek is os ato ani ov ar"""
)
TOWN_A = split(
    """Kel Dor Mar Vel Ash Brem Cor Dun Ester Fal Gal Hol Ist Kar Lun Mir Nor Ost Pel Quen
Ros Sel Tor Ul Var Wen Yar Zel Bal Cas Drav Fen Gor Hav Jas Kor Lis Mon Nev Orl Sar Tal"""
)
TOWN_MID = ["", "", "", "a", "e", "o", "an", "in", "ar", "en"]
TOWN_B = split(
    """mora holm abad pur stad ton ford ovo ara enne grad haven wick dale sk ica ano ene ar is
ova bury field mouth ia ek ion ai ur el"""
)
TOWN_PREFIX = ["Port ", "New ", "San ", "Upper ", "Lower ", "North ", "East ", "West ", "Old "]
ORG_KEYWORDS = split("""Board Council Commission Party Union Federation Confederation Authority
Organization Organisation Trust Movement Alliance Group Centre Center Institute Services
Programme Program Agency Bank Company Society Watch Survey Cross Fund Association Directorate
Coalition Front""")
KEEP_WORDS |= set(ORG_KEYWORDS)
# State bodies: "the Labor Ministry" becomes "the Kessarian Labor Ministry".
INSTITUTION_KEYWORDS = ["Ministry", "Court"]
# Real bodies kept as they are (shared by many stories, like real international bodies).
KEEP_ORGS = {"World Bank", "European Union"}
NO_ORG_WORDS = {"Minister", "President", "Prime", "Justice", "Parliament"}
# "National Fruit Exporters Council" becomes "Kelmora Fruit Exporters Council".
GENERIC_LEADS = {"International", "World", "National", "Central", "General", "Global", "United"}
SENTENCE_STARTERS = {"The", "A", "An", "In", "At", "On", "But", "And", "For", "Its", "Their"}

OUTLETS = (
    ("The Harbour Courier", "post", "Picture"),
    ("The Evening Lantern", "ledger", "Picture"),
    ("Daily Meridian", "post", "Picture"),
    ("The Northern Gazette", "ledger", "Picture"),
    ("The Coastal Observer", "post", "Picture"),
    ("The Valley Times", "ledger", "Picture"),
    ("The Continental Record", "post", "Picture"),
    ("Morning Despatch", "ledger", "Picture"),
)
WIRE_AGENCIES = ("Northwire", "CPA", "EPN")
PHOTO_CREDITS = ("Getty", "Alamy", "Northwire", "EPN", "CPA", "Pool", "Handout")
LATEST_NEWS = (
    ("Shoppers on a high street", "High street footfall falls for third month in a row"),
    ("A lifeguard tower on the beach", "Lifeguards warn swimmers after rip current rescues"),
    ("An exam hall", "Thousands of pupils sit final paper as exam season ends"),
    ("Fans queue outside the arena", "Concert cancelled at two hours' notice leaves fans upset"),
    ("A hospital corridor", "Hospital waiting list falls for first time this year"),
    ("A cyclist on a new lane", "Council approves cycle lane after two-year row with traders"),
    ("A winning scratchcard", "Pensioner wins jackpot on scratchcard she bought by mistake"),
    ("Pupils in a classroom", "Headteacher says phone ban has transformed behaviour"),
    ("Passengers on a platform", "Rail fares to rise by 4.6% from next month, operators say"),
    ("The new stadium", "Stadium opening delayed again after unexpected ground problems"),
    ("A flooded lane", "Storm warning issued as strong winds set to batter the coast"),
    ("A bakery counter", "Bakery chain to open forty new shops despite rising costs"),
    ("A tram in the rain", "Tram strike called off after last-minute pay deal"),
    ("A hotel lobby", "Hotels report record holiday bookings"),
    ("A bell tower", "Inside the race to save the old town's leaning bell tower"),
    ("A ski slope", "Ski resorts close early as snowless winter bites"),
    ("A museum hall", "Museum returns bronze head to its home city after a century"),
    ("A fishing boat", "Fishing fleets return to port as storm season begins"),
    ("A stack of books", "The fifty best albums and books of the year so far"),
    ("Runners at a start line", "Record field expected for city marathon on Sunday"),
)
PITCHES = (
    "Every contribution, however big or small, keeps our journalism free to read.",
    "Independent journalism needs your help. No billionaire owner tells us what to write.",
    "Support our journalism. Subscribe from 1 a week for your first year.",
)
# Each outlet tells the story in its own words: outside quotations, these are varied at random
# per article (names and numbers stay those of the story).
DAY_AHEAD = r"(?=(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
PARAPHRASES = tuple(
    (pattern, choices)
    for pattern, choices in (
        (r"\bmore than\b", ("more than", "over", "upwards of")),
        (r"\babout (?=\d)", ("about ", "around ", "roughly ", "some ")),
        (r"\bpeople\b", ("people", "people", "residents")),
        (r"\bofficials\b", ("officials", "authorities")),
        (r"\btold reporters\b", ("told reporters", "told journalists", "told a news conference")),
        (r"\bin a statement\b", ("in a statement", "in a written statement", "in a press release")),
        (rf"\bon {DAY_AHEAD}", ("on ", "")),
        (r"\bcountry\b", ("country", "nation")),
        (r"\bat least\b", ("at least", "no fewer than")),
        (r"\bdozens of\b", ("dozens of", "scores of")),
        (r"\binjured\b", ("injured", "wounded", "hurt")),
        (r"\bbegan\b", ("began", "started")),
        (r"\bbiggest\b", ("biggest", "largest")),
        (r"\bwarned\b", ("warned", "cautioned")),
        (r"\bprotesters\b", ("protesters", "demonstrators")),
        (r"\brescuers\b", ("rescuers", "rescue teams", "emergency crews")),
        (r"\balso ", ("also ", "")),
        (r"\bgovernment\b", ("government", "government", "administration")),
        (r"\bannounced\b", ("announced", "said")),
        (r"\bfollowing\b", ("following", "after")),
        (r"\bcalled for\b", ("called for", "urged")),
        (r"\bsupporters\b", ("supporters", "backers")),
        (r"\bsaid it would\b", ("said it would", "pledged to")),
        (r"\bsaid that\b", ("said that", "said")),
        (r"\bthe minister\b", ("the minister", "the official")),
        (r"\bwithout providing evidence\b", ("without providing evidence", "without evidence")),
        (r"\bevery\b", ("every", "each")),
        (r"\bcannot\b", ("cannot", "can't", "can not")),
        (r"\bdo not\b", ("do not", "don't")),
        (r"\bdid not\b", ("did not", "didn't")),
        (r"\bis not\b", ("is not", "isn't")),
        (r"\bwill not\b", ("will not", "won't")),
        (r"\bwe have\b", ("we have", "we've")),
        (r"\bWe have\b", ("We have", "We've")),
        (r"\bWe are\b", ("We are", "We're")),
        (r"\bIt is\b", ("It is", "It's")),
        (r"\bI am\b", ("I am", "I'm")),
        (r"\bbecause\b", ("because", "as")),
        (r"\bhappened\b", ("happened", "occurred")),
        (r"\bfamilies\b", ("families", "households")),
        (r"\bquickly\b", ("quickly", "rapidly")),
        (r"\bchildren\b", ("children", "youngsters")),
        (r"\blarge\b", ("large", "big")),
    )
)
# All of them in one pattern, one group each: text is scanned once.
PARAPHRASE = re.compile(
    r"\b(?:" + "|".join(f"(?P<p{n}>{p[2:]})" for n, (p, _) in enumerate(PARAPHRASES)) + ")"
)
assert all(p.startswith(r"\b") for p, _ in PARAPHRASES)
PARAPHRASE_CHOICES = {f"p{n}": choices for n, (_, choices) in enumerate(PARAPHRASES)}
OPENERS = ("Meanwhile, ", "Separately, ", "Earlier, ", "In a further development, ")
LOWER_OPENERS = {"The", "He", "She", "They", "It", "Police", "Officials", "Rescuers"}
QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
QUOTE_MARKS = set('“”"')
DROPPABLE = re.compile(r"\b(?:still|also|just|very|nearly|already|now) ")
# Closing phrases for a sentence of the narrative; a sentence that reports speech takes only
# the first kind.
PLAIN_TAILS = [
    " in {town}",
    " this week",
    ", as pressure mounted",
    ", adding to the uncertainty",
    ", in comments reported by {town} radio",
    " amid growing criticism",
    ", as the crisis entered a new phase",
]
SOURCE_TAILS = [
    ", officials said",
    ", local media reported",
    ", witnesses said",
    ", according to residents of {town}",
    ", a person briefed on the matter said",
]

REWORDINGS = (
    (r"\bmore than\b", "over"),
    (r"\bsaid on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", r"said \1"),
    (r"\babout\b", "around"),
    (r"\bpeople\b", "residents"),
    (r"\bhad been\b", "were"),
    (r"\btold reporters\b", "told journalists"),
    (r"\bsaid\b", "added"),
)

# ---------------------------------------------------------------------------------------------
# Reading the sources
# ---------------------------------------------------------------------------------------------

WORD = re.compile(r"[^\W\d_]+")
BOILERPLATE = re.compile(
    r"cookie|journalism|contribution|subscri|newsletter|paywall|privacy|browser settings|"
    r"join the debate|inbox|logged in|post a comment|Trust Principles|REUTERS/|AP Photo|"
    r"Photo:|Picture:|Photograph:|"
    r"^(?:Read more|Related|Watch|Video)\b|^Reporting by|Comments are moderated|sign in",
    re.IGNORECASE,
)
DATE_LABEL = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*")
DATELINE = re.compile(
    r"^(?P<place>[^\W\d_a-z][^\W\d_a-z .'’]+(?:, [A-Z][\w ]{1,20}?)?)"
    r"(?:, [A-Z][a-z]+ \d{1,2})?(?: \([A-Za-z ]{1,20}\))? [-—–] "
)
MONTH_ALT = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
SOURCE_DATES = (
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), "ymd"),
    (re.compile(rf"\b(\d{{1,2}}) ({MONTH_ALT})\w* (\d{{4}})"), "dmy"),
    (re.compile(rf"\b({MONTH_ALT})\w* (\d{{1,2}}), (\d{{4}})"), "mdy"),
    (re.compile(r"\b(\d{2})[./](\d{2})[./](\d{4})"), "dmy-num"),
)


def source_date(text: str) -> dt.date | None:
    """Return the first date written in a source file."""
    found: list[tuple[int, dt.date]] = []
    for pattern, kind in SOURCE_DATES:
        m = pattern.search(text)
        if m is None:
            continue
        a, b, c = m.groups()
        if kind == "ymd":
            date = dt.date(int(a), int(b), int(c))
        elif kind == "dmy":
            date = dt.date(int(c), MONTH_NUMBER[b], int(a))
        elif kind == "mdy":
            date = dt.date(int(c), MONTH_NUMBER[a], int(b))
        else:
            date = dt.date(int(c), int(b), int(a))
        found.append((m.start(), date))
    return min(found)[1] if found else None


def quote_open(text: str) -> bool:
    """Return True if a paragraph leaves a quotation open (it goes on in the next one)."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


@dataclass
class SourceArticle:
    """The usable parts of one source file."""

    event: str
    units: list[str]  # body paragraphs; a quotation running over paragraphs is one unit
    captions: list[str]
    datelines: list[str]
    date: dt.date | None


def read_source(path: Path) -> SourceArticle:
    """Return the body units, photo captions and datelines of one source text dump."""
    event = path.stem.split("_", 1)[-1].split("-")[0]
    text = path.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    captions: list[str] = []
    skip: set[int] = set()
    for i in range(len(lines) - 1):
        a, b = lines[i], lines[i + 1]
        if a and len(b) > len(a) and b.startswith(a.rstrip(".")):
            captions.append(a.rstrip("."))
            skip |= {i, i + 1}
    paragraphs: list[str] = []
    datelines: list[str] = []
    for i, raw in enumerate(lines):
        line = DATE_LABEL.sub("", raw)
        if i in skip or not line or BOILERPLATE.search(line):
            continue
        m = DATELINE.match(line)
        if m:
            datelines.append(m.group("place"))
            line = line[m.end() :]
            line = line[0].upper() + line[1:]
        words = line.split()
        if len(words) < 8 or not re.search(r"[.!?\"”’)]$", line):
            continue
        if not any(w.islower() for w in words):
            continue
        paragraphs.append(line)
    units: list[str] = []
    pending: list[str] = []
    for paragraph in paragraphs:
        pending.append(paragraph)
        if not quote_open("\n\n".join(pending)) or len(pending) >= 4:
            units.append("\n\n".join(pending))
            pending = []
    if pending:
        units.append("\n\n".join(pending))
    return SourceArticle(event, units, captions, datelines, source_date(text))


# ---------------------------------------------------------------------------------------------
# Compiling text into templates: literal text and slots filled per story
# ---------------------------------------------------------------------------------------------

Slot = tuple[str, str, str]  # (kind, key, style): style "upper" writes the value in capitals
Segment = str | Slot


@dataclass
class Lexicon:
    """What the sources say about their capitalised words, to tell names from other words."""

    lower: set[str]
    non_initial: set[str]
    first: set[str] = field(default_factory=set)
    last: set[str] = field(default_factory=set)

    def common(self, word: str) -> bool:
        lw = word.lower()
        return (
            word in KEEP_WORDS
            or lw in self.lower
            or lw.rstrip("s") in self.lower
            or lw + "s" in self.lower
            or lw.removesuffix("'s") in self.lower
        )

    def is_name(self, word: str) -> bool:
        if len(word) < 2 or not word[0].isupper() or word.isupper():
            return False
        return not self.common(word) and word in self.non_initial


def build_lexicon(texts: list[str]) -> Lexicon:
    """Return the words seen in lower case and the capitalised words seen mid-sentence."""
    lower: set[str] = set()
    non_initial: set[str] = set()
    for text in texts:
        for line in text.splitlines():
            for m in WORD.finditer(line):
                word = m.group()
                if word.islower():
                    lower.add(word)
                    continue
                before = line[: m.start()].rstrip(" “”\"'‘’([")
                if before and before[-1] not in ".!?:;|—–-":
                    non_initial.add(word)
    lexicon = Lexicon(lower, non_initial)
    # A first name that only ever opens a sentence is a name too: "Rosa Huamaní, 64, sat".
    for text in texts:
        for m in re.finditer(r"\b([^\W\d_]+) (?=([^\W\d_]+))", text):
            a, b = m.groups()
            if a[0].isupper() and not a.isupper() and not lexicon.common(a) and lexicon.is_name(b):
                non_initial.add(a)
    return lexicon


SPEECH_CUES = {"said", "says", "told", "added", "wrote", "called", "claimed", "led"}
TITLES = set(
    split("""minister president justice chief executive chair leader director spokeswoman
    spokesman governor candidate mp lawmaker mr mrs ms dr professor engineer commissioner
    coordinator farmer secretary head said says by""")
)
PERSON_AFTER = re.compile(r"(?:’s|'s)? ?(?:, (?:\d|the |a |an |who |director|head|chief))")
PARTICLES = {"van", "de", "da", "bin", "al", "von", "del"}


def name_runs(text: str, lexicon: Lexicon) -> Iterator[tuple[list[str], str, str]]:
    """Yield each run of adjacent name words with the word before and the word after it."""
    words = list(WORD.finditer(text))
    i = 0
    while i < len(words):
        if not lexicon.is_name(words[i].group()):
            i += 1
            continue
        j = i + 1
        while j < len(words):
            gap = text[words[j - 1].end() : words[j].start()]
            word = words[j].group()
            joined = gap in (" ", "-") and lexicon.is_name(word)
            particle = gap == " " and word in PARTICLES and j + 1 < len(words)
            if not (joined or particle):
                break
            j += 1
        before = words[i - 1].group() if i else ""
        after = text[words[j - 1].end() : words[j - 1].end() + 12]
        yield [w.group() for w in words[i:j] if w.group() not in PARTICLES], before, after
        i = j


def is_person(before: str, after: str) -> bool:
    """Return True if the words around a run of names show it is a person's name."""
    if before in TITLES or before.lower() in TITLES:
        return True
    first = WORD.search(after)
    next_word = first.group() if first else ""
    return next_word in SPEECH_CUES or bool(PERSON_AFTER.match(after))


def classify(units: list[str], lexicon: Lexicon) -> None:
    """Sort name words into first names and surnames (the rest are places)."""
    for text in units:
        for run, before, after in name_runs(text, lexicon):
            if len(run) >= 2 and is_person(before, after):
                lexicon.first.update(run[:-1])
                lexicon.last.add(run[-1])
    lexicon.first -= lexicon.last


COUNTRY_ALT = "|".join(sorted(SOURCE_COUNTRIES, key=len, reverse=True))
DEMONYM_ALT = "|".join(sorted(SOURCE_COUNTRIES.values(), key=len, reverse=True))
ORG_WORD = r"[A-Z][a-z]+(?:'s|’s|s'|’)?"
TOKEN = re.compile(
    rf"(?P<time>\b\d{{1,2}}[:.]\d{{2}}\s?(?:[ap]\.?m\.?|AM|PM)?|\b\d{{1,2}}\s?(?:[ap]\.m\.|am|pm)\b)"
    rf"|(?P<date>\b(?:\d{{1,2}} (?:{MONTH_ALT})\b(?: \d{{4}})?"
    rf"|(?:{MONTH_ALT}) \d{{1,2}}\b(?:, \d{{4}})?))"
    rf"|(?P<number>\d[\d,]*\d|\d)(?P<decimal>\.\d+)?"
    rf"|(?P<country>\b(?:{COUNTRY_ALT})\b)"
    rf"|(?P<demonym>\b(?:{DEMONYM_ALT})\b)"
    rf"|(?P<agency>\b(?:{'|'.join(AGENCIES)})\b)"
    rf"|(?P<org>\b(?!(?:{'|'.join(SENTENCE_STARTERS)})\b)"
    rf"{ORG_WORD}(?: (?:(?:of|for|and|the) )?{ORG_WORD}){{0,4}} "
    rf"(?:{'|'.join(ORG_KEYWORDS + INSTITUTION_KEYWORDS)})\b)"
    r"|(?P<word>[^\W\d_]+)"
)
COUNTRY_OF_DEMONYM = {d: c for c, d in SOURCE_COUNTRIES.items()}


def compile_text(text: str, lexicon: Lexicon) -> list[Segment]:
    """Return text as literal pieces and slots for names, numbers and dates."""
    out: list[Segment] = []
    last = 0

    def emit(start: int, slot: Slot) -> None:
        nonlocal last
        if start > last:
            out.append(text[last:start])
        out.append(slot)

    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        value = m.group()
        if kind == "time":
            continue
        if kind == "decimal":
            kind = "number"
        if kind == "date":
            emit(m.start(), ("date", value, ""))
        elif kind == "number":
            plain = value.replace(",", "")
            if m.group("decimal") is None and "," not in value and 1900 <= int(plain) <= 2100:
                emit(m.start(), ("year", value, ""))
            elif m.group("decimal") is None and int(plain) < 10:
                continue
            else:
                emit(m.start(), ("number", value, ""))
        elif kind == "country":
            emit(m.start(), ("country", value, ""))
        elif kind == "demonym":
            emit(m.start(), ("demonym", COUNTRY_OF_DEMONYM[value], ""))
        elif kind == "agency":
            emit(m.start(), ("agency", value, ""))
        elif kind == "org":
            words = WORD.findall(value)
            before = re.search(r"(\S*)\s*$", text[: m.start()])
            previous = before.group(1) if before else ""
            after_capital = (
                previous[:1].isupper() and previous not in SENTENCE_STARTERS
            ) or previous.endswith(("'s", "’s"))
            if (
                value in KEEP_ORGS
                or after_capital
                or any(lexicon.is_name(w) for w in words)
                or NO_ORG_WORDS & set(words)
                or len(words) < 2
            ):
                # Not an invented organisation of ours: treat its words one by one.
                out.extend(compile_words(text[last : m.end()], m.start() - last, lexicon))
                last = m.end()
                continue
            kind = "institution" if words[-1] in INSTITUTION_KEYWORDS else "org"
            emit(m.start(), (kind, value, ""))
        else:
            slot = word_slot(value, lexicon)
            if slot is None:
                continue
            emit(m.start(), slot)
        last = m.end()
    if last < len(text):
        out.append(text[last:])
    return out


def compile_words(text: str, start: int, lexicon: Lexicon) -> list[Segment]:
    """Return text[start:] with its words slotted (text[:start] stays literal)."""
    out: list[Segment] = [text[:start]] if start else []
    last = start
    for m in WORD.finditer(text, start):
        slot = word_slot(m.group(), lexicon)
        if slot is None:
            continue
        if m.start() > last:
            out.append(text[last : m.start()])
        out.append(slot)
        last = m.end()
    if last < len(text):
        out.append(text[last:])
    return out


def word_slot(word: str, lexicon: Lexicon) -> Slot | None:
    """Return the slot of one word, or None if it stays as written."""
    if word in WEEKDAYS:
        return ("weekday", word, "")
    if word in MONTHS:
        return ("month", word, "")
    if word.isupper() and len(word) >= 2:
        title = word.capitalize()
        if len(word) >= 3 and lexicon.is_name(title):
            return (name_kind(title, lexicon), fold(title), "upper")
        if word in KEEP_ACRONYMS or len(word) > 5 or lexicon.common(title):
            return None
        return ("acronym", fold(word), "")
    if lexicon.is_name(word):
        return (name_kind(word, lexicon), fold(word), "")
    return None


def fold(word: str) -> str:
    """Return a word without accents: spellings with and without them are one name."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


def name_kind(word: str, lexicon: Lexicon) -> str:
    if word in lexicon.last:
        return "last"
    if word in lexicon.first:
        return "first"
    return "place"


# ---------------------------------------------------------------------------------------------
# Events: the compiled source articles of one event
# ---------------------------------------------------------------------------------------------


@dataclass
class Unit:
    segments: list[Segment]
    words: int
    group: int  # units of one event with this same number are near-duplicates


@dataclass
class Event:
    name: str
    date: dt.date
    sources: list[list[Unit]]  # each source article's units, in order
    captions: list[list[Segment]]
    datelines: list[list[Segment]]
    principals: list[dict[str, object]]
    main_country: str | None  # the source country most written: state bodies belong to it


def shingles(text: str) -> set[str]:
    words = re.sub(r"[^\w\s]", " ", text.lower()).split()
    return {" ".join(words[i : i + 4]) for i in range(max(1, len(words) - 3))}


def load_events() -> list[Event]:
    """Return the events of the test corpora, compiled into templates."""
    paths = sorted(p for name in SOURCE_CORPORA for p in (SOURCES / name).glob("seeds/*.txt"))
    if not paths:
        sys.exit(f"no source articles under {SOURCES}/*/seeds/")
    articles = [(path, read_source(path)) for path in paths]
    lexicon = build_lexicon([p.read_text(encoding="utf-8") for p in paths])
    classify([u for _, a in articles for u in a.units], lexicon)
    by_event: dict[str, list[tuple[Path, SourceArticle]]] = {}
    for path, article in articles:
        by_event.setdefault(f"{path.parent.parent.name}/{article.event}", []).append(
            (path, article)
        )
    events = []
    for name, members in sorted(by_event.items()):
        dates = [a.date for _, a in members if a.date is not None]
        seen: list[tuple[set[str], int]] = []
        sources = []
        for _, article in members:
            units = []
            for text in article.units:
                sig = shingles(text)
                # Near-duplicates (one outlet's copy of another's paragraph, or one quotation
                # reported twice) share a group: an article takes one unit of each group.
                same = [g for s, g in seen if len(sig & s) / max(1, min(len(sig), len(s))) > 0.2]
                group = min(same, default=len(seen))
                seen.append((sig, group))
                units.append(Unit(compile_text(text, lexicon), len(text.split()), group))
            if units:
                sources.append(units)
        if not sources:
            continue
        config = yaml.safe_load((members[0][0].parent.parent / "mkdocs.yml").read_text("utf-8"))
        plugin = next(p["briefgen"] for p in config["plugins"] if isinstance(p, dict))
        body = "\n".join(u for _, a in members for u in a.units)
        principals = [
            {
                "name": compile_text(p["name"], lexicon),
                "type": p.get("type", "person"),
                "aliases": [compile_text(a, lexicon) for a in p.get("aliases", [])],
            }
            for p in plugin.get("principals", [])
            if p["name"] in body
        ]
        events.append(
            Event(
                name=name,
                date=min(dates) if dates else dt.date(2025, 3, 14),
                sources=sources,
                captions=[compile_text(c, lexicon) for _, a in members for c in a.captions],
                datelines=[compile_text(d, lexicon) for _, a in members for d in a.datelines],
                principals=principals,
                main_country=main_country(body),
            )
        )
    return events


def main_country(text: str) -> str | None:
    """Return the country most often named in a text."""
    counts: dict[str, int] = {}
    for m in re.finditer(rf"\b(?:{COUNTRY_ALT})\b", text):
        counts[m.group()] = counts.get(m.group(), 0) + 1
    for m in re.finditer(rf"\b(?:{DEMONYM_ALT})\b", text):
        country = COUNTRY_OF_DEMONYM[m.group()]
        counts[country] = counts.get(country, 0) + 1
    return max(sorted(counts), key=lambda c: counts[c]) if counts else None


# ---------------------------------------------------------------------------------------------
# Invented names, unique over the corpus
# ---------------------------------------------------------------------------------------------


class Names:
    """Draws invented names; surnames, towns and acronyms are not repeated within a corpus."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.first_a = FIRST_A.split()
        self.first_b = FIRST_B.split()

    def _unique(self, make: Callable[[], str]) -> str:
        value = make()
        for _ in range(40):
            if value not in self.used:
                break
            value = make()
        self.used.add(value)
        return value

    def first(self) -> str:
        r = self.rng
        return r.choice(self.first_a) + r.choice(FIRST_MID) + r.choice(self.first_b)

    def last(self) -> str:
        r = self.rng
        return self._unique(lambda: r.choice(SUR_A) + r.choice(SUR_MID) + r.choice(SUR_B))

    def town(self) -> str:
        r = self.rng

        def make() -> str:
            prefix = r.choice(TOWN_PREFIX) if r.random() < 0.12 else ""
            return prefix + r.choice(TOWN_A) + r.choice(TOWN_MID) + r.choice(TOWN_B)

        return self._unique(make)

    def acronym(self) -> str:
        r = self.rng
        return self._unique(lambda: "".join(r.choice("ABCDEFGHKLMNPRSTUVZ") for _ in range(3)))

    def person(self) -> str:
        return f"{self.first()} {self.last()}"


# ---------------------------------------------------------------------------------------------
# Stories and articles
# ---------------------------------------------------------------------------------------------


class Story:
    """One event retold: a fixed substitution of every name, number and date."""

    def __init__(
        self, number: int, event: Event, extra: Event, base: dt.date, names: Names
    ) -> None:
        self.number = number
        self.event = event
        self.extra = extra  # a second event whose paragraphs pad short articles
        self.base = base
        self.names = names
        self.seed = names.rng.randrange(2**32)
        self.rng = random.Random(self.seed)
        self.values: dict[tuple[str, str], str] = {}
        self.countries = names.rng.sample(INVENTED_COUNTRIES, 6)
        self.country_of: dict[str, tuple[str, str]] = {}
        self.articles: list[Article] = []

    def fill(self, slot: Slot, event: Event) -> str:
        kind, key, style = slot
        if kind in ("date", "weekday", "month", "year"):
            value = self.when(kind, key, event)
        elif kind == "institution":
            value = key
            if event.main_country is not None:
                value = f"{self.fill(('demonym', event.main_country, ''), event)} {key}"
        else:
            value = self.values.get((kind, key)) or self.draw(kind, key)
        return value.upper() if style == "upper" else value

    def draw(self, kind: str, key: str) -> str:
        names = self.names
        if kind == "first":
            value = names.first()
        elif kind == "last":
            value = names.last()
        elif kind == "place":
            value = names.town()
        elif kind in ("country", "demonym"):
            n = len(self.country_of) % len(self.countries)
            country, demonym = self.country_of.setdefault(key, self.countries[n])
            value = country if kind == "country" else demonym
        elif kind == "agency":
            value = AGENCIES[key]
        elif kind == "org":
            lead, _, rest = key.partition(" ")
            value = f"{names.town()} {rest if lead in GENERIC_LEADS else key}"
        elif kind == "acronym":
            value = names.acronym()
        else:
            value = scale_number(key, self.rng)
        self.values[(kind, key)] = value
        return value

    def when(self, kind: str, key: str, event: Event) -> str:
        shift = self.base - event.date
        if kind == "weekday":
            return WEEKDAYS[(WEEKDAYS.index(key) + shift.days) % 7]
        if kind == "year":
            return str(int(key) + self.base.year - event.date.year)
        if kind == "month":
            months = self.base.month - event.date.month
            return MONTHS[(MONTH_NUMBER[key] - 1 + months) % 12]
        m = re.fullmatch(rf"(\d{{1,2}}) ({MONTH_ALT})(?: (\d{{4}}))?", key)
        if m:
            day, month, year = int(m[1]), MONTH_NUMBER[m[2]], m[3]
            day_first = True
        else:
            m = re.fullmatch(rf"({MONTH_ALT}) (\d{{1,2}})(?:, (\d{{4}}))?", key)
            assert m is not None
            day, month, year = int(m[2]), MONTH_NUMBER[m[1]], m[3]
            day_first = False
        try:
            date = dt.date(int(year) if year else event.date.year, month, day) + shift
        except ValueError:
            return key
        name = MONTHS[date.month - 1]
        name = name[:3] if len(m[2 if day_first else 1]) == 3 else name
        if day_first:
            return f"{date.day} {name}" + (f" {date.year}" if year else "")
        return f"{name} {date.day}" + (f", {date.year}" if year else "")

    def render(self, segments: list[Segment], event: Event) -> str:
        return "".join(s if isinstance(s, str) else self.fill(s, event) for s in segments)


def scale_number(text: str, rng: random.Random) -> str:
    """Return another number written like text: same decimals, commas and round zeros."""
    whole, _, decimals = text.partition(".")
    value = float(text.replace(",", ""))
    factor = rng.uniform(0.7, 1.35) if value < 100 else rng.uniform(0.55, 1.8)
    new = value * factor
    if decimals:
        return f"{new:.{len(decimals)}f}"
    digits = whole.replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    step = 10 ** min(zeros, len(digits) - 1)
    number = max(step, round(new / step) * step, 10)
    return f"{number:,}" if "," in whole else str(number)


@dataclass
class Article:
    story: Story
    paragraphs: list[str]
    headline: str
    date: dt.date
    minute: int  # of the day
    outlet: tuple[str, str, str]
    reporters: list[str]
    captions: list[str]
    dateline: str
    copy_of: Article | None = None
    name: str = ""


SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"’]))\s+(?=[“\"‘]?[A-Z])")
HEADLINE_TRIM = set(
    split("""the a an of in and to at on by for with from as that which who have has had been
    was were is are be its their his her""")
)
HEADLINE_CUT = {"after", "as", "following", "when", "while", "with", "amid", "but", "because"}


def headline_of(sentence: str) -> str:
    """Return a headline cut from a sentence: its first clause, at most 14 words."""
    sentence = sentence.strip('“”"‘’ ').rstrip(".")
    sentence = re.sub(r", [^,]{1,80}?, ", " ", sentence, count=1)  # an apposition
    words = sentence.split(", ")[0].split()
    if len(words) < 6:
        words = sentence.split()
    for n in range(5, min(len(words), 15)):
        if words[n] in HEADLINE_CUT:
            words = words[:n]
            break
    words = words[:14]
    while words and words[-1].lower() in HEADLINE_TRIM:
        words.pop()
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def pick_units(story: Story, rng: random.Random) -> list[tuple[Unit, Event]]:
    """Return the body of a new original article: units of the story's event, padded."""
    event = story.event
    base = rng.choice(event.sources)
    target = rng.randint(430, 880)
    chosen = [(base[0], event)] + [(u, event) for u in base[1:] if rng.random() < 0.65]
    groups = {u.group for u, _ in chosen}
    others = [u for source in event.sources if source is not base for u in source[1:]]
    rng.shuffle(others)
    extra = [u for source in story.extra.sources for u in source[1:]]
    rng.shuffle(extra)
    words = sum(u.words for u, _ in chosen)
    for unit, from_event in [(u, event) for u in others] + [(u, story.extra) for u in extra]:
        if words >= target:
            break
        if from_event is event:
            if unit.group in groups:
                continue
            groups.add(unit.group)
        position = rng.randint(2 if from_event is story.extra else 1, len(chosen))
        chosen.insert(position, (unit, from_event))
        words += unit.words
    while words > 900 and len(chosen) > 3:
        unit, _ = chosen.pop(rng.randint(1, len(chosen) - 1))
        words -= unit.words
    return chosen


def paraphrase(unit: str, rng: random.Random, places: list[str], story_seed: int) -> str:
    """Return a unit told in this outlet's words: outside quotations, some words are swapped,
    some modifiers dropped, and some sentences get an opener or a closing phrase."""
    paragraphs = unit.split("\n\n")
    return "\n\n".join(
        " ".join(paraphrase_sentences(p, rng, places, story_seed)) for p in paragraphs
    )


def paraphrase_sentences(
    paragraph: str, rng: random.Random, places: list[str], story_seed: int
) -> Iterator[str]:
    opened = ""  # the quotation mark of a quotation still open, if any
    for sentence in SENTENCE_END.split(paragraph):
        start = opened
        for char in sentence:
            if char in "“”":
                opened = "“" if char == "“" else ""
            elif char == '"':
                opened = "" if opened else '"'
        if start or QUOTE_MARKS & set(sentence):
            # Reword what stands outside quotations (and an open one begun before) for this
            # article; quotations alike in every article of the story.
            yield reword_outside_quotes(start + sentence, rng, story_seed)[len(start) :]
            continue
        sentence = reword_outside_quotes(sentence, rng, story_seed)
        sentence = DROPPABLE.sub(lambda m: "" if rng.random() < 0.5 else m.group(), sentence)
        if len(sentence.split()) >= 8 and sentence.endswith(".") and rng.random() < 0.6:
            speech = " said" in sentence or " told" in sentence
            tail = rng.choice(PLAIN_TAILS if speech else PLAIN_TAILS + SOURCE_TAILS)
            town = rng.choice(places) if places else "the capital"
            sentence = sentence[:-1] + tail.format(town=town) + "."
        first = sentence.split(" ", 1)[0]
        if first in LOWER_OPENERS and rng.random() < 0.3:
            sentence = rng.choice(OPENERS) + first.lower() + sentence[len(first) :]
        yield sentence


def reword_outside_quotes(text: str, rng: random.Random, story_seed: int) -> str:
    """Return text with words swapped for others (PARAPHRASES): at random outside quotations,
    and inside them the same way in every article of a story (outlets quote alike)."""
    out = []
    last = 0
    for m in [*QUOTED.finditer(text), None]:
        out.append(swap_words(text[last : m.start() if m else len(text)], rng))
        if m:
            out.append(swap_words(m.group(), random.Random(f"{story_seed}:{m.group()}")))
            last = m.end()
    return "".join(out)


def swap_words(text: str, rng: random.Random) -> str:
    """Return text with each PARAPHRASES match replaced by one of its choices at random."""
    return PARAPHRASE.sub(lambda m: rng.choice(PARAPHRASE_CHOICES[str(m.lastgroup)]), text)


def reword(paragraphs: list[str], rng: random.Random) -> list[str]:
    """Return the paragraphs with one sentence reworded and one paragraph dropped."""
    out = list(paragraphs)
    if len(out) > 4:
        out.pop(rng.randint(2, len(out) - 1))
    order = list(range(1, len(out)))
    rng.shuffle(order)
    for index in order:
        sentences = SENTENCE_END.split(out[index])
        for s in rng.sample(range(len(sentences)), len(sentences)):
            for pattern, replacement in REWORDINGS:
                new = re.sub(pattern, replacement, sentences[s], count=1)
                if new != sentences[s]:
                    sentences[s] = new
                    out[index] = " ".join(sentences)
                    return out
    return out


class Corpus:
    def __init__(self, events: list[Event], seed: int) -> None:
        self.rng = random.Random(seed)
        self.events = events
        self.names = Names(random.Random(self.rng.random()))
        self.reporters = {o[0]: [self.names.person() for _ in range(6)] for o in OUTLETS}
        self.stories: list[Story] = []
        self.bodies: set[bytes] = set()

    def build(self, total: int) -> list[Article]:
        rng = self.rng
        sizes = []
        remaining = total
        while remaining > 0:
            size = rng.choices(range(3, 16), weights=[9, 10, 10, 9, 8, 7, 6, 5, 4, 3, 3, 2, 2])[0]
            size = remaining if remaining - size < 3 else size
            sizes.append(size)
            remaining -= size
        start = dt.date(2025, 1, 6)
        for number, size in enumerate(sizes):
            event, extra = rng.sample(self.events, 2)
            base = start + dt.timedelta(days=rng.randint(0, 110))
            story = Story(number, event, extra, base, self.names)
            self.stories.append(story)
            copies = min(size - 1, sum(rng.random() < 0.21 for _ in range(size)))
            originals = [self.original(story) for _ in range(size - copies)]
            for _ in range(copies):
                self.wire_copy(rng.choice(originals))
        return sorted(
            (a for s in self.stories for a in s.articles),
            key=lambda a: (a.date, a.minute, a.story.number, a.headline),
        )

    def original(self, story: Story) -> Article:
        rng = story.rng
        for _ in range(20):
            units = pick_units(story, rng)
            rendered = [story.render(u.segments, e) for u, e in units]
            places = [v for (kind, _), v in story.values.items() if kind == "place"]
            paragraphs = [paraphrase(p, rng, places, story.seed) for p in rendered]
            if self.unique(paragraphs):
                break
        firsts = [SENTENCE_END.split(p)[0] for p in paragraphs[:4] if p[0] not in '“"‘']
        firsts = [s for s in firsts if len(s.split()) > 8]
        headline = headline_of(rng.choice(firsts[:2] or paragraphs[:1]))
        if rng.random() < 0.3:
            place = story.render(rng.choice(self.places(story)), story.event)
            headline = f"{place.split(',')[0].title()}: {headline}"
        return self.article(story, paragraphs, headline, None)

    def places(self, story: Story) -> list[list[Segment]]:
        return story.event.datelines or [[("country", "Chile", "")]]

    def wire_copy(self, original: Article) -> Article:
        story = original.story
        rng = story.rng
        paragraphs = reword(original.paragraphs, rng)
        if not self.unique(paragraphs):
            paragraphs.append(original.paragraphs[-1])
            self.unique(paragraphs)
        sentences = [s for p in paragraphs[1:6] for s in SENTENCE_END.split(p)[:1]]
        sentences = [s for s in sentences if s[0] not in '“"‘' and len(s.split()) > 8]
        headline = headline_of(rng.choice(sentences)) if sentences else original.headline
        if headline == original.headline:
            headline = f"{headline} - update"
        return self.article(story, paragraphs, headline, original)

    def unique(self, paragraphs: list[str]) -> bool:
        key = hashlib.blake2b("\n".join(paragraphs).encode(), digest_size=16).digest()
        if key in self.bodies:
            return False
        self.bodies.add(key)
        return True

    def article(
        self, story: Story, paragraphs: list[str], headline: str, copy_of: Article | None
    ) -> Article:
        rng = story.rng
        if copy_of is None:
            date = story.base + dt.timedelta(days=rng.choice((0, 0, 0, 1, 1, 2, 3, 4, 5)))
            minute = rng.randint(6 * 60, 22 * 60)
        else:
            later = copy_of.minute + rng.randint(20, 600)
            date = copy_of.date + dt.timedelta(days=later // 1440)
            minute = later % 1440
        outlets = [o for o in OUTLETS if copy_of is None or o != copy_of.outlet]
        outlet = rng.choice(outlets)
        reporters = rng.sample(self.reporters[outlet[0]], rng.choice((1, 1, 1, 2)))
        event = story.event
        captions = [
            story.render(c, event) for c in rng.sample(event.captions, min(2, len(event.captions)))
        ]
        captions += captions[:1]  # an event with one captioned photo shows it twice
        dateline = story.render(rng.choice(self.places(story)), event)
        article = Article(
            story, paragraphs, headline, date, minute, outlet, reporters, captions, dateline
        )
        article.copy_of = copy_of
        story.articles.append(article)
        return article


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48].rstrip("-") or "article"


def clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def format_article(article: Article, others: list[str], rng: random.Random) -> str:
    """Return the text dump of an article, with its outlet's header and boilerplate."""
    outlet, style, credit = article.outlet
    date = article.date
    body = list(article.paragraphs)
    if article.copy_of is not None or rng.random() < 0.3:
        agency = rng.choice(WIRE_AGENCIES)
        body[0] = f"{article.dateline} ({agency}) - {body[0]}"
    caption_lines = [f"{c}\n{c}. {credit}: {rng.choice(PHOTO_CREDITS)}" for c in article.captions]
    names = " and ".join(article.reporters)
    lines: list[str] = []
    if style == "post":
        updated = min(article.minute + rng.randint(30, 300), 23 * 60 + 59)
        lines += [
            article.headline,
            f"{date.day} {MONTHS[date.month - 1]} {date.year}, {clock(article.minute)}"
            + (f" | Updated: {date.day} {MONTHS[date.month - 1]} {date.year}, {clock(updated)}"),
            caption_lines[0],
            f"By {names}",
            body[0],
            "Listen to this article",
            "Loading audio...",
        ]
    else:
        lines += [
            f"Turn on notifications from {outlet} to get breaking news as it happens",
            "You can change this at any time in your browser settings.",
            article.headline,
            f"{article.reporters[0]}\n{WEEKDAYS[date.weekday()]} {date.day} "
            f"{MONTHS[date.month - 1]} {date.year} {clock(article.minute)} EDT",
            rng.choice(PITCHES),
            caption_lines[0],
            body[0],
            "Listen to this article",
        ]
    rest = body[1:]
    read_more = [f"Read more: {h}" for h in rng.sample(others, min(2, len(others)))]
    at = min(2, len(rest))
    rest[at:at] = read_more
    rest.insert(len(rest) * 2 // 3, caption_lines[1])
    lines += rest
    latest = rng.sample(LATEST_NEWS, rng.randint(4, 6))
    lines += ["More Latest News", "See more More Latest News"]
    lines += [f"{alt}\n\n{headline}" for alt, headline in latest]
    lines.append(latest[0][1])
    return "\n\n".join(lines) + "\n"


def write_corpus(total: int, out: Path, seed: int) -> dict[str, object]:
    """Write the corpus of `total` articles (plus one held back) and return its labels."""
    corpus = Corpus(load_events(), seed)
    articles = corpus.build(total + 1)
    copied = {id(a.copy_of) for a in articles if a.copy_of is not None}
    held = next(a for a in reversed(articles) if id(a) not in copied)
    articles.remove(held)
    articles.append(held)
    for index, article in enumerate(articles):
        article.name = f"{index:05d}_{slug(article.headline)}.txt"
    for sub in ("seeds", "pending", "docs"):
        shutil.rmtree(out / sub, ignore_errors=True)
        (out / sub).mkdir(parents=True)
    headlines = sorted({a.headline for a in articles})
    rng = random.Random(seed + 1)
    for article in articles:
        folder = "pending" if article is held else "seeds"
        others = rng.sample(headlines, 3)
        text = format_article(article, [h for h in others if h != article.headline], rng)
        (out / folder / article.name).write_text(text, encoding="utf-8")
    write_config(out, corpus, total, seed)
    labels: dict[str, object] = {
        "seed": seed,
        "articles": total,
        "pending": held.name,
        "stories": [
            {
                "event": s.event.name,
                "padding_from": s.extra.name,
                "articles": sorted(a.name for a in s.articles),
                "wire_copies": {
                    a.name: a.copy_of.name for a in s.articles if a.copy_of is not None
                },
            }
            for s in corpus.stories
        ],
    }
    (out / "labels.json").write_text(json.dumps(labels, indent=1) + "\n", encoding="utf-8")
    return labels


def write_config(out: Path, corpus: Corpus, total: int, seed: int) -> None:
    """Write mkdocs.yml (the flood corpus's shape) and docs/index.md."""
    principals: list[dict[str, object]] = []
    for story in corpus.stories[:3]:
        for p in story.event.principals:
            entry: dict[str, object] = {"name": story.render(p["name"], story.event)}  # type: ignore[arg-type]
            if p["type"] != "person":
                entry["type"] = p["type"]
            aliases = [story.render(a, story.event) for a in p["aliases"]]  # type: ignore[attr-defined]
            entry["aliases"] = list(dict.fromkeys(a for a in aliases if a != entry["name"]))
            if all(q["name"] != entry["name"] for q in principals):
                principals.append(entry)
    config = {
        "site_name": f"Briefing scale benchmark - {total} articles",
        "docs_dir": "docs",
        "validation": {
            "anchors": "warn",
            "omitted_files": "warn",
            "absolute_links": "warn",
            "unrecognized_links": "warn",
        },
        "theme": {"name": "material", "font": False},
        "plugins": [
            "search",
            {
                "briefgen": {
                    "corpus_dir": "seeds",
                    "templates_dir": str(TEMPLATES_DIR),
                    "principals": principals[:6],
                }
            },
        ],
    }
    text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=100)
    (out / "mkdocs.yml").write_text(text, encoding="utf-8")
    (out / "docs" / "index.md").write_text(
        f"# Scale benchmark corpus\n\n{total} articles written by `bench/scale/generate.py` "
        f"(seed {seed}).\n",
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="output folder (seeds/, docs/ ... replaced)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    labels = write_corpus(args.n, args.out, args.seed)
    stories = labels["stories"]
    assert isinstance(stories, list)
    copies = sum(len(s["wire_copies"]) for s in stories)
    print(
        f"wrote {args.n} articles in {len(stories)} stories ({copies} wire copies) "
        f"to {args.out}/seeds, 1 held back in {args.out}/pending"
    )


if __name__ == "__main__":
    main()
