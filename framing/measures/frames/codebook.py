"""The codebook the frame scores follow: frames, their questions, and the cues of each question.

Semetko & Valkenburg (2000) define each generic news frame by yes/no questions asked of a
story (``tests/dev/frames/CODEBOOK.md`` has them in full, with the readings our coders used).
A *cue* is a kind of wording that answers a question yes: a category of the shipped
``frames`` lexicon (``dispute``: disagree, at odds, debate ...) or the money-amount pattern
(``amount``: $5, 3 billion). A question reads one or more cues; a cue may serve several
questions (two sides' names suggest both disagreement and sides).

Examples
--------
>>> QUESTIONS["C2"].cues, CUES["voice"].voice
(('reproach',), 'quoted')
>>> [q for q, spec in QUESTIONS.items() if spec.frame == "economic"]
['E1', 'E2', 'E3']
"""

from __future__ import annotations

from typing import NamedTuple

FRAMES = ("conflict", "human_interest", "economic", "morality", "responsibility")
"""The five generic frames, in column order."""


class Cue(NamedTuple):
    frame: str
    voice: str  # "any", "own" (outside quotes) or "quoted": where a hit counts
    description: str


class Question(NamedTuple):
    frame: str
    text: str
    cues: tuple[str, ...]


CUES: dict[str, Cue] = {
    "dispute": Cue("conflict", "any", "disagreement and dispute (at odds, opposed, debate, backlash)"),
    "reproach": Cue("conflict", "any", "one party reproaching another (blamed, accused, criticized, slammed)"),
    "sides": Cue("conflict", "any", "named sides (Democrats, Republicans, critics, supporters, both sides)"),
    "outcome": Cue("conflict", "any", "winners and losers (won, defeat, polls, ahead)"),
    "person": Cue("human_interest", "any", "ordinary people and family (mother, children, 34-year-old, victims)"),
    "voice": Cue("human_interest", "quoted", "people speaking of themselves: first person inside quotes (I, my, me)"),
    "emotion": Cue("human_interest", "any", "feelings (grief, fear, tears, heartbroken, love)"),
    "affected": Cue("human_interest", "any", "how people are affected (residents, lost their homes, forced to)"),
    "private": Cue("human_interest", "any", "private lives (childhood, married, diagnosed, died, his wife)"),
    "money": Cue("economic", "any", "money, income and debt (dollars, billion, wages, deficit)"),
    "amount": Cue("economic", "any", "money amounts ($5, £2m, 3 billion)"),
    "cost": Cue("economic", "any", "costs and prices (cost, budget, taxes, tariffs, inflation)"),
    "economy": Cue("economic", "any", "the economy (jobs, markets, trade, growth, businesses)"),
    "moral": Cue("morality", "any", "moral vocabulary (moral, integrity, lies, decency, dignity)"),
    "justice": Cue("morality", "any", "justice and rights as moral claims (racism, equality, persecution)"),
    "religion": Cue("morality", "any", "God and religion (faith, church, prayer, Muslim, bible)"),
    "prescription": Cue("morality", "own", "prescriptions in the outlet's own voice (should, ought to, we must)"),
    "government": Cue("responsibility", "any", "government actors (administration, federal, agency, lawmakers)"),
    "blame": Cue("responsibility", "any", "responsibility and blame (responsible for, to blame, failed to)"),
    "solution": Cue("responsibility", "any", "solutions and policies (proposal, legislation, reform, called for)"),
    "urgency": Cue("responsibility", "any", "urgency (crisis, emergency, immediately, warned)"),
}  # fmt: skip
"""Every cue: its frame, the voice where it counts, and what it is."""

QUESTIONS: dict[str, Question] = {
    "C1": Question("conflict", "disagreement between parties, individuals, groups or countries", ("dispute", "sides")),
    "C2": Question("conflict", "one party reproaches another", ("reproach",)),
    "C3": Question("conflict", "two sides or more of the problem or issue", ("sides", "dispute")),
    "C4": Question("conflict", "winners and losers", ("outcome",)),
    "H1": Question("human_interest", "a human example or human face on the issue", ("person", "voice")),
    "H2": Question("human_interest", "feelings of outrage, empathy, caring, sympathy or compassion", ("emotion",)),
    "H3": Question("human_interest", "how individuals and groups are affected", ("affected", "person")),
    "H4": Question("human_interest", "the private or personal lives of the actors", ("private", "person")),
    "E1": Question("economic", "financial losses or gains, now or in the future", ("money", "amount")),
    "E2": Question("economic", "the costs or degree of expense involved", ("cost", "amount")),
    "E3": Question("economic", "economic consequences of pursuing a course of action or not", ("economy",)),
    "M1": Question("morality", "a moral message", ("moral", "justice")),
    "M2": Question("morality", "morality, God or other religious tenets", ("moral", "religion", "justice")),
    "M3": Question("morality", "social prescriptions about how to behave", ("prescription",)),
    "R1": Question("responsibility", "government can alleviate the problem", ("government", "solution")),
    "R2": Question("responsibility", "government is responsible for the problem", ("government", "blame")),
    "R3": Question("responsibility", "solutions to the problem", ("solution",)),
    "R4": Question("responsibility", "an individual or group in society is responsible", ("blame",)),
    "R5": Question("responsibility", "the problem requires urgent action", ("urgency",)),
}  # fmt: skip
"""The codebook's text questions (the visual human-interest question left out), with the
cues each one reads."""

CURRENCY = "$£€¥"
"""Currency signs: a number right after one (a space between allowed) is a money amount,
the ``amount`` cue, running on over a following ``million``, ``billion`` ... (``$3 billion``)."""
MAGNITUDES = frozenset({"million", "billion", "trillion", "bn", "m", "k"})


def questions_of(frame: str) -> list[str]:
    """The codebook's question ids of ``frame``.

    Examples
    --------
    >>> questions_of("morality")
    ['M1', 'M2', 'M3']
    """
    return [q for q, spec in QUESTIONS.items() if spec.frame == frame]
