"""Patterns and thresholds of the cleaner, apart from its logic."""

from __future__ import annotations

import re

# " date 2024-12-01 BEIRUT (AP) — ..." : a scraper's date label glued to the first line.
DATE_LABEL = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\s*")

# "BEIRUT (AP) — " or "VALPARAÍSO, Chile (Reuters) - " opening the lead paragraph.
DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ .'\-]+"
    # a country or state after the place, not the date: "KOSTREL, Nov 10 (Reuters) -"
    r"(?:,\s*(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d)"
    r"[A-Z][\w .'\-]+?)?)\s*"
    r"(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2}\s*)?"  # "RYBNIK, Poland, April 8 (Reuters) -"
    r"(?:\((?P<outlet>[A-Za-z][\w .&'\-]{0,30})\))?\s*[—–-]{1,2}\s+"
)

# The dateline opens one of the first paragraphs (after a standfirst, say): index at most this.
DATELINE_MAX_PARAGRAPH = 2

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# A line that is a date: "1 December 2024, 16:29", "Sunday 01 December 2024 05:19 EST",
# "Published 14.03.2025 - 11:02 CET", "Last updated 14 Mar 2025, 18:05 SAST",
# "10th November 2025, 4:45 pm", "November 10th, 2025".
DATE_PART = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\.?"
    rf"|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?)\s+\d{{4}}\b"
    r"|\d{1,2}[./]\d{1,2}[./]\d{4}\b|\d{4}-\d{2}-\d{2}\b"
)
# Numeric dates ("08/04/2025", "14.03.2025") are read day first, as most of the world writes them.
NUMERIC_DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{4}\b")
DATE_LINE = re.compile(
    rf"^(?:(?:first\s+|last\s+)?(?:published|updated|posted)\s*(?:on\s*)?:?\s*)?"
    rf"(?:\w+,?\s+)?(?:{DATE_PART})",
    re.IGNORECASE,
)
DATE_IN_TEXT = re.compile(DATE_PART, re.IGNORECASE)
# "(first published 13:20 SAST)" after an update time: the publication time, same day.
FIRST_PUBLISHED = re.compile(r"\(?\s*first published\s*:?\s*(?P<when>[^)]*?)\s*\)?\s*$", re.I)
# Generic North American zone names, whose offset depends on daylight saving time.
GENERIC_ZONES = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}
GENERIC_ZONE = re.compile(r"\b(?P<zone>ET|CT|MT|PT)\b")

# Splits "07:14 | Updated: 1 December 2024, 09:23" into published and updated parts.
UPDATED_SPLIT = re.compile(r"\s*(?:\|\s*)?(?:last\s+)?updated\s*(?:on\s*)?:?\s*", re.IGNORECASE)
DATE_LINE_MAX_WORDS = 14

# "By Alice Padgett", "By Kit Heren and Ann Lee"
BYLINE = re.compile(
    r"^(?:words |text |reporting )?by:?\s+"
    r"(?P<names>[A-Z][\w'’.\- ]+(?:(?:,| and | & )\s*[A-Z][\w'’.\- ]+)*)$",
    re.IGNORECASE,
)
# A wire agency's credit line: "Reporting by A in Sylhet; Writing by B; Editing by C". The
# reporters and writers are the authors; editors are not.
CREDIT_LINE = re.compile(r"^(?:additional )?(?:reporting|writing|written) by\b", re.IGNORECASE)
CREDIT_PART = re.compile(
    r"^\s*(?:additional )?(?:reporting|writing|written) by (?P<names>.+?)\s*$", re.IGNORECASE
)
# " in Rybnik" after a reporter's name in a credit line: where they reported from.
CREDIT_PLACE = re.compile(r" in [A-Z][\w\-]*(?: [A-Z][\w\-]*)*(?=,| and |$)")

# "Khulan Bat-Erdene, Political Editor": a byline of a name and a newsroom role.
NAME_ROLE_LINE = re.compile(
    r"^(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,3}),\s+(?P<role>(?:[A-Za-z]+\s+){0,3}"
    r"(?:correspondent|reporter|editor|writer|journalist|columnist))$",
    re.IGNORECASE,
)
# "Legal correspondent", "Senior reporter": the line under a byline name.
JOURNALIST_ROLE = re.compile(
    r"^(?:[A-Za-z]+\s+){0,3}(?:correspondent|reporter|editor|writer|journalist|columnist)$",
    re.IGNORECASE,
)
# Byline names that are no person: an agency acronym (AFP), a single word (Reuters), a desk
# ("Reuters Staff", "Foreign Desk").
AGENCY_ACRONYM = re.compile(
    r"^(?:[A-Z]{2,5}|\S+|.+ (?:[Ss]taff|[Dd]esk|[Nn]ewsroom|[Rr]eporters))$"
)

# A bare author name on its own line next to the date: two to four capitalised words.
NAME_LINE = re.compile(r"^[A-Z][a-zà-ÿ'’\-]+(?:\s+[A-Z][a-zà-ÿ'’\-]+){1,3}$")

# Photo credits that end captions: "Picture: Alamy", "Photo: AP/Name", "(Omar Albam/AP)".
CAPTION_CREDIT = re.compile(
    r"(?:\b(?:picture|photo|photograph|image|credit)s?\s*:\s*\S[^.]*\.?\s*$)"
    r"|(?:\((?:[^()]*/[^()]*|AP Photo[^()]*)\)\s*(?:Photo:.*)?$)",
    re.IGNORECASE,
)
# "(Ernesto Benavides for The Hemisphere Post)": a photographer's name for an outlet, cased.
CAPTION_CREDIT_FOR = re.compile(
    r"\((?:[A-Z][\w'’.\-]+ ){1,4}for (?:[Tt]he )?[A-Z][\w&'’]*(?: [A-Z][\w&'’]*){0,3}\)\s*$"
)

# Reader-directed words outside quotation marks: appeals, prompts, self-promotion.
READER_ADDRESS = re.compile(r"\b(?:we|our|ours|you|your|yours)\b", re.IGNORECASE)
READER_ADDRESS_LOWER = re.compile(r"\bus\b")
# A quotation, closed or running to the end of the line (quotes can span paragraphs).
QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")

# A prose line ends like a sentence; labels, headings and video titles do not.
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$|[\"”]\s*$")
# Lines with no sentence ending and at most this many words are labels, not paragraphs.
LABEL_MAX_WORDS = 20
# A boilerplate phrase contained in a line drops it when the line is this short.
PHRASE_LINE_MAX_WORDS = 25
# Where to look for headline, dates and byline: the first lines before the body.
# The header ends a few lines after the first prose line (a standfirst may end with a period
# and be followed by byline and date), and never after HEADER_MAX_LINES lines.
HEADER_MAX_LINES = 40
HEADER_AFTER_PROSE = 4
TITLE_MIN_WORDS = 3
# Navigation labels ("Skip to main content", "ASIA / EAST ASIA") are short: a headline of at
# least this many words is preferred to a shorter title-like line before it.
TITLE_PREFERRED_WORDS = 5
TITLE_MAX_WORDS = 30
GENERATED_TITLE_WORDS = 12

# An outlet naming itself in page furniture: "... notifications from The Independent".
OUTLET_SELF_MENTION = re.compile(
    r"\b(?:(?i:(?:notifications|newsletters?|updates|news|alerts) from|subscribe to|support) "
    r"(?:the )?(?P<outlet>(?:The )?[A-Z][\w&'’]*(?: [A-Z][\w&'’]*){0,3})"
    r"|(?i:sign up for) (?:the )?(?P<signup>(?:The )?[A-Z][\w&]*(?: [A-Z][\w&]*){0,3})['’]s "
    r"|(?i:more from) (?P<more>The [A-Z][\w&]*(?: [A-Z][\w&]*){0,3})\s*$)"
)
# A line that names the outlet is furniture when it is this short and reports nothing.
OUTLET_LINE_MAX_WORDS = 12
TOLD = re.compile(r"\b(?:told|said|according to|interview)\b", re.IGNORECASE)

# An interview credit naming the outlet in its own article: "told The Coastal Herald that",
# "told LBC's Matthew Wright", "told MailOnline." Only forms that cannot be a person: "The" and
# capitalised words, an acronym, or a one-word name ending in Online/News/TV/Radio; the
# sources page shows the phrase it came from, so it is never a silent guess.
TOLD_OUTLET = re.compile(
    r"\btold (?:the )?(?P<outlet>The(?: [A-Z][\w&]+){1,3}|[A-Z]{2,5}"
    r"|[A-Z][a-z]+(?:Online|News|TV|Radio))(?=['’]s [A-Z]|[:.,]| that\b| on\b| in\b)"
)

# An end marker line is a short heading: "More Latest News", "See more More Latest News".
END_MARKER_MAX_WORDS = 6
# Captions repeated without their credit: the bare copy must be this long to count.
CAPTION_COPY_MIN_WORDS = 5
