"""Language resources: every word list, prefix list and phrase pattern the passes use.

The passes hold no words of any language themselves: they ask the
:class:`Language` of ``Config.language`` (``language_for(code)``), so adding a
language is adding one builder here. Only English is built so far; asking for
another language raises a :class:`ValueError` that names the languages there
are, rather than silently running English rules on it.

Patterns are compiled when a language is first asked for, not at import,
so ``import newsrepair`` stays cheap.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs
import regex

if TYPE_CHECKING:
    from ._config import Config


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@attrs.frozen
class Language:
    """What the passes know of one language: closed word classes and phrase patterns.

    Word classes are grammar, not vocabulary: tiny closed sets used as
    syntactic evidence (a sentence does not end on "the"). Patterns recognise
    the language's phrases: jump lines, credits, bylines, dates, end notes.
    """

    code: str
    # Closed word classes.
    function_words: frozenset[str]
    determiners: frozenset[str]
    modals_and_aux: frozenset[str]
    verb_cues: frozenset[str]
    """Finite verbs common enough to show that a line is a sentence, not a
    caption's noun phrase ("The current flag of New Zealand."): auxiliaries,
    verbs of saying and the common irregular past tenses ("held", "came")
    that the "-ed" test misses."""
    verb_contractions: tuple[str, ...]
    """Endings that carry a finite verb ("they're", "won't"). A final "'s" is
    none: after a name it is a possessive, and "it's" is among the verb cues."""
    personal_pronouns: frozenset[str]
    """First- and second-person pronouns: a line holding one is speech or an
    answer, never a caption's description of a picture."""
    prepositions: frozenset[str]
    binding_words: frozenset[str]
    """Words after which a sentence cannot stop: prepositions and articles."""
    abbreviations: frozenset[str]
    """Lowercase abbreviations a stop may follow inside a sentence ("etc.")."""
    compound_prefixes: tuple[str, ...]
    """Prefixes that make hyphenated compounds ("multi-", "non-"): Config.keep_prefixes."""
    hyphenated_prefixes: frozenset[str]
    """Prefixes whose compounds the language hyphenates by convention ("so-called")."""
    split_endings: frozenset[str]
    """Endings a line-end hyphen splits off whole ("great-est", "walk-ing") that are
    seldom a word of their own: a half that is one may be rejoined."""
    question_labels: frozenset[str]
    not_speakers: frozenset[str]
    """Words that open a paragraph with a colon without naming a speaker."""
    turn_labels: tuple[str, str]
    """The question and answer labels of an interview ("Q", "A")."""
    first_person: str
    """The pronoun "I": a capital after a function word that is no seam, OCR's bar."""
    suspended_joiners: frozenset[str]
    """Words after a suspended compound's hyphen ("pre- and post-war")."""
    note_openers: tuple[str, ...]
    """How an end note that is a whole sentence opens ("This article first appeared")."""
    # Phrase patterns.
    page_number: regex.Pattern[str]
    jump_line: regex.Pattern[str]
    credit_line: regex.Pattern[str]
    credit_names: regex.Pattern[str]
    end_note: regex.Pattern[str]
    byline_line: regex.Pattern[str]
    date_line: regex.Pattern[str]
    place_date_line: regex.Pattern[str]
    """A dateline of its own line under an old paper's headings: the place in
    capitals and the day ("PERTH, Thursday.", "SOFIA, Aug. 25. (A.A.P.)")."""
    date_in_line: regex.Pattern[str]
    caption_hint: regex.Pattern[str]
    inline_credit: regex.Pattern[str]
    credit_marker: regex.Pattern[str]
    speaker_label: regex.Pattern[str]
    dotted_label: regex.Pattern[str]
    interrogative: regex.Pattern[str]
    abbreviation_end: regex.Pattern[str]
    """A line ending in an abbreviation's stop ("Mr.", "e.g."), searched from the end."""
    abbreviation_token: regex.Pattern[str]
    """A whole token that is an abbreviation with its stop."""
    flattened_hyphen: regex.Pattern[str]
    """A line-end hyphen flattened into a line ("com- muters"), not "pre- and post-war"."""
    jump_head: regex.Pattern[str]
    """The head over a story's continuation: "BRIDGE, from Page 1"."""
    masthead_year: regex.Pattern[str]
    """The paper's name with the year only, as archives print it over an old
    page: "The Sydney Gazette, 1842", "The Courier (Brisbane), 1901"."""
    masthead_run_in: regex.Pattern[str]
    """A masthead date with its edition or volume at the start of a line that
    runs on into the kicker or headline: "May 4, 2015 · City Edition"."""
    jump_keyword: regex.Pattern[str]
    """The keyword a jump line names ("See BRIDGE on Page 7"), group 1: the
    continuation's head, which may stand alone where the story goes on."""
    advert_label: regex.Pattern[str]
    """A line that only labels an advert: "ADVERTISEMENT", "Sponsored content"."""
    jump_run_in: regex.Pattern[str]
    """A jump line run into the text of a paragraph-per-line extraction: at the
    start before a lowercase word ("Continued from Page 5 the show…", "BRIDGE,
    from Page 1 said…"; group ``lead``) or at the end after a sentence ("…
    in May. See BRIDGE on Page 7"; group ``tail``), or at the end of a row of
    side-by-side columns, after a gutter or a lowercase word ("a different
    national Continued on Page 8")."""
    page_words: tuple[str, ...]
    """How a jump line names a page, casefolded: a cheap test before
    :attr:`jump_run_in`."""
    ocr_pipe_i: regex.Pattern[str]
    name_line: regex.Pattern[str]
    """A line holding only a person's name (and a role): a pull quote's attribution."""
    # First characters the patterns above can start with: a cheap test first.
    credit_initials: frozenset[str]
    end_note_initials: frozenset[str]
    jump_initials: frozenset[str]
    advert_initials: frozenset[str]
    dotted_starts: frozenset[str]

    def has_finite_verb(self, text: str) -> bool:
        """Whether ``text`` shows a finite verb: a verb cue, a past tense in
        "-ed" or a verb contraction. A line without one reads as a noun phrase."""
        for word in text.split():
            w = word.strip(".,;:!?\"'“”‘’()").lower().replace("’", "'")
            if w in self.verb_cues or (len(w) > 4 and w.endswith("ed")):
                return True
            if w.endswith(self.verb_contractions):
                return True
        return False


def _english() -> Language:
    month = (
        r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    )
    weekday = (
        r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day"
        r"|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?)"
    )
    # Spelt out, as a dateline prints it: "SUN" alone is a word of a title.
    weekday_name = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    # What a credit names: people and agencies, capitalised, with a few joiners.
    names = (
        r"(?:[\p{Lu}\d©][\p{L}\d.'’&-]*|/|via|for|and|of|the|de|van|von|al)"
        r"(?:[ /]+(?:[\p{Lu}\d][\p{L}\d.'’&-]*|/|via|for|and|of|the|de|van|von|al))*"
    )
    # Words that follow the pronoun "I" far more often than anything else.
    after_i = (
        "am|was|have|had|think|thought|believe|will|would|can|could|do|did|don't|didn't|know|"
        "knew|said|say|want|wanted|went|got|feel|felt|see|saw|mean|guess|hope|just|also|never|"
        "still|really|love|like|need|needed|started|remember|must|should|may|might|find|found|"
        "tried|told|asked|became|came|decided|realized|realised|wrote|made"
    )
    prepositions = _words(
        """of to in on at by for with from into onto upon about as between among over under
        after before during without within against toward towards through across behind
        beyond"""
    )
    return Language(
        code="en",
        function_words=_words(
            """a an the of to in on at by for with from into onto upon about as and or but nor
            that which who whom whose than then if so yet while because although though
            whether his her its their our your my this these those such is are was were be
            been being has have had do does did will would can could should may might must
            not no very more most less least both either neither each every some any all many
            much few several between among over under after before during without within
            against toward towards through across behind beyond since until unless also only
            even just it"""
        ),
        determiners=_words("a an the this that these those his her its their our your my"),
        modals_and_aux=_words("can could should would will may might must shall is are was were"),
        verb_cues=_words(
            """is are was were be been am has have had do does did will would can could shall
            should may might must said says say told tells it's that's there's here's he's
            she's what's who's where's let's came went held took gave met won lost began saw
            got kept ran sat stood spoke wrote knew grew drew fell felt paid sold sent built
            broke chose died fled sued became brought bought caught taught thought fought
            sought"""
        ),
        verb_contractions=("'re", "'ve", "'ll", "'d", "'m", "n't"),
        personal_pronouns=_words(
            "i me my mine myself we us our ours ourselves you your yours yourself yourselves"
        ),
        prepositions=prepositions,
        binding_words=prepositions | frozenset({"a", "an", "the"}),
        abbreviations=_words("etc approx incl misc vol nos figs resp viz"),
        compound_prefixes=tuple(
            """anti co cross ex half multi non post pre pro quasi self semi so well all vice
            mid inter counter over under long short high low full part first second third
            one two three four five ten""".split()
        ),
        hyphenated_prefixes=_words("self so well ex all half quasi cross vice"),
        split_endings=_words(
            "est ing ings ed ers ly ness ment ments tion tions sion ity ous ible ism ist ists"
        ),
        question_labels=frozenset({"Q", "QUESTION", "INTERVIEWER", "Q."}),
        not_speakers=_words(
            """note update correction editor's editors clarification source sources photo
            photos related read also warning disclaimer background context caption credit
            image video watch listen see tags topics"""
        ),
        turn_labels=("Q", "A"),
        first_person="I",
        suspended_joiners=_words("and or to"),
        note_openers=("this ", "the "),
        page_number=regex.compile(
            r"(?i)^(?:(?:page|p\.)\s*)?[A-Z]?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$"
            r"|^[-–—]\s*\d{1,4}\s*[-–—]$"
            r"|^\d{1,4}\s*[|•·]\s*\S.{0,60}$|^\S.{0,60}[|•·]\s*\d{1,4}$"
        ),
        jump_line=regex.compile(
            r"(?i)^[(\[]?\s*(?:(?:please\s+)?(?:continued|cont(?:'|’)?d\.?|turn(?:s|ed)?\s+to|see|"
            r"jump(?:s|ed)?)\b"
            r"[^.!?]{0,60}?\b(?:page|p\.|pg\.?)\s*[A-Z]?\d{1,3}[A-Z]?"
            r"|(?:continued|cont(?:'|’)?d\.?)\s+(?:on|from)\s+[A-Z]\d{1,3}"
            r"|(?:continued\s+)?from\s+(?:page|p\.)\s*[A-Z]?\d{1,3}"
            r"|continued\s+(?:on|from)\s+(?:the\s+)?(?:next|previous|back|front)\s+page)"
            r"[^.!?]{0,30}[.)\]]*$"
        ),
        # A credit by its label, bullet or agency: strong wherever it stands.
        credit_line=regex.compile(
            r"^(?:[•·]\s*|©\s*(?!\d{4})|"
            r"(?i:photo(?:graph)?s?|image|picture|credit|illustration|graphic)s?"
            rf"\s*(?i:by|/)\s*){names}\.?$"
            r"|^(?i:photo(?:graph)?s?|image|picture|credit|illustration|graphic)s?\s*:\s*\S.{0,60}$"
            r"|^\((?i:photo(?:graph)?s?|image|picture|credit|illustration|graphic)s?\s*(?::|(?i:by))"
            r"\s*\S.{0,60}\)$"
            r"|^(?:(?:AP|AFP|EPA|Reuters|Getty Images|Xinhua|Pool|Bloomberg)"
            r"(?:\s*(?:/|via)\s*\S.*)?)$"
        ),
        # A bare "NAME/AGENCY": a credit only when set apart from the text, since a
        # narrow column may hold "Science/Technology" on a line of its own.
        credit_names=regex.compile(
            r"^(?-i:[\p{Lu}][\p{Lu}.'’ -]+/\s*[\p{Lu}][\p{L}.'’ -]*)$"
            r"|^(?-i:\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2} ?/ ?"
            r"\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3})$"
        ),
        end_note=regex.compile(
            r"(?i)^(?:(?:this|the)\s+(?:article|story|interview|report|piece|column|op-ed)\s+"
            r"(?:was\s+)?(?:first\s+|originally\s+)?(?:appeared|published|ran|was\s+published)\b"
            r"|\(?(?:additional\s+)?(?:reporting|writing|editing)\s+by\b"
            r"|(?:copyright|©)\s"
            r"|(?:this|the)\s+(?:article|story)\s+has\s+been\s+(?:updated|corrected)\b)"
        ),
        byline_line=regex.compile(
            r"^(?:From|FROM)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}$|"
            r"^(?:By|BY)\s+\p{Lu}[\p{L}.'’-]*(?:\s+[\p{L}.'’&-]+){0,8}"
            r"(?:\s*[,|]\s*(?:@\w+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+))?$|"
            r"^(?:By|BY|by)\s+\p{Lu}[\p{L}.'’-]*"
            r"(?:[ ,]+(?:and|&|\p{Lu}[\p{L}.'’-]*|de|van|von|al|bin))*"
            r"(?:\s*[,|/–—-]\s*[\p{L} .'’]{0,40})?$|"
            # A staff byline: "From our correspondent", "By a staff reporter".
            r"^(?i:(?:from|by)\s+(?:our|a|an|the)\s+(?:\p{L}+\s+){0,2}"
            r"(?:correspondents?|reporters?|staff|writers?|editors?|team|desk|bureau))$"
        ),
        date_line=regex.compile(
            rf"(?i)^(?:(?:published|updated|posted)\s*:?\s*)?(?:{weekday},?\s+)?"
            rf"(?:{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{month},?\s+\d{{4}}"
            rf"|\d{{4}}-\d{{2}}-\d{{2}})"
            rf"(?:[,\s]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*[\p{{L}}]{{0,4}})?$"
        ),
        # The place in capitals (OCR may misread a letter as a digit or a
        # mark), then a weekday, or a month and day; an agency in brackets.
        place_date_line=regex.compile(
            rf"^(?-i:\p{{Lu}}[\p{{Lu}}\p{{M}}\d'’.*-]+(?:\s+\p{{Lu}}[\p{{Lu}}\p{{M}}\d'’.*-]*){{0,3}})"
            rf"\s*[,.]?\s+(?=\p{{Lu}})(?i:{weekday_name}|{month}\s*\d{{1,2}})[.,/|]?"
            rf"(?:\s*\([\p{{Lu}}.\s]{{1,12}}\)?)?$"
        ),
        date_in_line=regex.compile(
            rf"(?i)\b(?:{weekday},?\s+)?(?:{month}\s+\d{{1,2}},?\s+\d{{4}}"
            rf"|\d{{1,2}}\s+{month},?\s+\d{{4}})\b"
        ),
        caption_hint=regex.compile(
            r"\((?:L|R|C|left|right|cent(?:er|re)|top|bottom|front|back)(?:\s+to\s+right)?\)"
            r"|\b(?:left|right) to right\b"
        ),
        inline_credit=regex.compile(
            r"(?<=[.!?][\"'”’)]?)\s+((?i:photo(?:graph)?s?|picture|image|credit|illustration)\s*"
            r"(?::|(?i:by))\s*\S.{0,60})$"
        ),
        # What stands before the name in a credit line: a bullet, or "Photo:", "Image by".
        credit_marker=regex.compile(
            r"^(?:[•·▪■]\s*|(?i:photo(?:graph)?s?|picture|image|credit|illustration|graphic)s?"
            r"\s*(?::|(?i:by\b)|/)\s*)"
        ),
        speaker_label=regex.compile(
            r"^(?:Q|A|\p{Lu}[\p{Lu}\p{M}.'’-]+(?:\s+\p{Lu}[\p{Lu}\p{M}.'’-]+){0,2}"
            r"|\p{Lu}[\p{L}\p{M}.'’-]+(?:\s+\p{Lu}[\p{L}\p{M}.'’-]+){0,2})\s*:(?:\s+\S|$)"
        ),
        dotted_label=regex.compile(r"^(Q|A)\.\s+(?=[\p{Lu}\d\"'“‘])"),
        interrogative=regex.compile(
            r"(?i)^(?:what|how|why|when|where|who|whom|whose|which|do|does|did|is|are|was|were|"
            r"can|could|should|would|will|has|have|had|may|might|must|shall|in\s+your\s+view|"
            r"to\s+what)\b"
        ),
        abbreviation_end=regex.compile(
            r"(?r)(?:\b\p{L}\.\p{L}\.|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Prof|No|vs|etc|"
            r"approx|e\.g|i\.e|p\.m|a\.m|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp)\.)"
            r"[\"'”’)]*$"
        ),
        abbreviation_token=regex.compile(
            r"(?i)^(?:\p{L}|[\p{L}]\.\p{L}|mr|mrs|ms|dr|st|vs|etc|e\.g|i\.e|no|jr|sr)\.$"
        ),
        flattened_hyphen=regex.compile(
            # Only a word's first letter may start the match (nothing of a word
            # before it): a forward search from every letter of a long run
            # would scan the run each time.
            r"(?<![\p{L}\p{N}\p{M}'’-])(\p{L}[\p{L}\p{M}'’]*+)- ++"
            r"(?!(?:and|or|to|nor|but|und)\b)(\p{Ll}[\p{L}\p{M}'’]*)"
        ),
        jump_head=regex.compile(
            r"(?i)^\p{Lu}[\p{L}\d'’&. -]{0,40}?,?\s+"
            r"(?:(?:continued|cont(?:'|’)?d\.?)\s+)?(?:from|on)\s+"
            r"(?:page|p\.|pg\.?)\s*[A-Z]?\d{1,3}[A-Z]?\.?$"
        ),
        # The comma before the year sets the name apart: a headline with a
        # year in it ("Olympic Games 2024") has none.
        masthead_year=regex.compile(
            r"^\p{Lu}[\p{L}.'’&-]*+(?:\s+(?:\p{Lu}[\p{L}.'’&-]*+|of|and|the|&))++"
            r"(?:\s+\(\p{Lu}[\p{L} .,'’-]{0,30}\))?,\s*(?:1[5-9]|20)\d{2}$"
        ),
        # The edition or volume closes the masthead: a lede that opens on a
        # date ("May 4, 2015 was the day...") has neither and is never cut.
        masthead_run_in=regex.compile(
            rf"^(?i:(?:{weekday},?\s+)?(?:{month}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{month},?\s+\d{{4}}))"
            r"\s*[·•|,]\s*(?:(?:\p{Lu}\p{L}*\s+){0,2}(?i:edition)|(?i:vol)\.?\s*\d+,?\s*(?i:no)\.?\s*\d+)"
            r"(?=\s+\p{Lu})"
        ),
        jump_keyword=regex.compile(
            r"(?i)^[(\[]?\s*(?:see|turn\s+to|jump\s+to)\s+(\p{L}[\p{L}\d'’&. -]{0,40}?),?\s+"
            r"(?:(?:on|to)\s+)?(?:page|p\.|pg\.?)\s*[A-Z]?\d{1,3}"
        ),
        jump_run_in=regex.compile(
            r"^(?P<lead>(?:(?i:continued|cont(?:'|’)?d\.?)\s+(?i:from)"
            r"|\p{Lu}[\p{Lu}\d'’&. -]{0,40}?,\s+(?i:(?:continued\s+)?from))"
            r"\s+(?i:page|p\.|pg\.?)\s*[A-Z]?\d{1,3}[A-Z]?)\s+(?=\p{Ll})"
            # After a sentence's end; or, in a row of side-by-side columns, after
            # a gutter's run of spaces or the other column's lowercase word,
            # where the jump line opens in its capital ("see page 8" after a
            # gutter is the other column's own words).
            # Each run of spaces is taken whole from its first space (possessive,
            # after a non-space): a long run is scanned once, not from each space.
            r"|(?:(?<=[.!?][\"'”’)]?)\s+|(?<=\S)\s{3,}+(?=\p{Lu})"
            r"|(?<=\p{Ll})\s++(?=Continued\s+on\s|Turn\s+to\s|See\s+\p{Lu}{2,}))"
            r"(?P<tail>(?i:see|continued\s+on|turn\s+to)\s+"
            r"[^.!?]{0,40}?\b(?i:page|p\.|pg\.?)\s*[A-Z]?\d{1,3}[A-Z]?\.?)$"
        ),
        page_words=("page", "p.", "pg"),
        advert_label=regex.compile(
            r"(?i)^(?:advertisement|advertising|advert|sponsored(?:\s+content)?|paid\s+post"
            r"|story\s+continues\s+(?:below|after)\s+(?:this\s+)?advertisement)$"
        ),
        # The bar is matched first, so the look-behinds run at bars only. Before
        # a word that follows "I" far more than anything else; or after a
        # lowercase word, a comma or a sentence end and before a lowercase word, where
        # a separator ("News | world", "By Ana Ruiz | staff") follows a capital.
        ocr_pipe_i=regex.compile(
            rf"\|(?:(?<![^\s\"“(]\|)(?=\s(?:{after_i})\b)"
            r"|(?<=(?:(?<!\S)\p{Ll}[\p{Ll}'’]*[,;:]?|\p{L},|[.!?][\"”’]?)[ \n]\|)"
            r"(?=[ \n]\p{Ll}{2}|['’]\p{Ll}))"
        ),
        name_line=regex.compile(
            r"^[—–-]?\s*\p{Lu}[\p{L}.'’-]+(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|al|bin|da|di)){1,3}"
            r"(?:,\s*[\p{L} .'’-]{2,40})?$"
        ),
        credit_initials=frozenset("•·©pPiIcCgG(AERXB"),
        end_note_initials=frozenset("tarwec©"),
        jump_initials=frozenset("pctsjf"),
        advert_initials=frozenset("asp"),
        dotted_starts=frozenset({"Q.", "A."}),
    )


_BUILDERS: dict[str, Callable[[], Language]] = {"en": _english}


def available_languages() -> tuple[str, ...]:
    """The codes of the languages newsrepair has resources for."""
    return tuple(sorted(_BUILDERS))


def prefixes_of(config: Config) -> tuple[str, ...]:
    """The compound prefixes in force: ``Config.keep_prefixes``, else the language's."""
    if config.keep_prefixes is not None:
        return config.keep_prefixes
    return language_for(config.language).compound_prefixes


def prefix_set(config: Config) -> frozenset[str]:
    """The compound prefixes in force, as a set for membership tests."""
    return _frozen(prefixes_of(config))


@functools.lru_cache(maxsize=16)
def _frozen(prefixes: tuple[str, ...]) -> frozenset[str]:
    # Asked for every line-end hyphen: built once per prefix list, not per line.
    return frozenset(prefixes)


def language_for(code: str) -> Language:
    """The resources of language ``code``, built once per process.

    Raises :class:`ValueError` naming the languages there are when ``code``
    (or its base language, "en" for "en-GB") has none.
    """
    base = code.split("-", 1)[0].lower()
    if base not in _BUILDERS:
        raise ValueError(
            f"newsrepair has no language resources for {code!r} (word lists, prefixes and "
            f"phrase patterns); languages there are: {', '.join(available_languages())}"
        )
    return _built(base)


@functools.cache
def _built(base: str) -> Language:
    # One object per base language: "en" and "en-GB" share their patterns.
    return _BUILDERS[base]()
