import json
import random
import re

import pytest

from framing.measures.clutter import PATTERNS_PATH, load_rules
from framing.text import fold
from framing.text.gate import Gate, alternation_gate, keys, needed_literals, trie


def spans(matches):
    return [m.span() for m in matches]


def scans(text):
    """The texts each cue section of framing.measures.clutter scans (see its detect module)."""
    folded = fold(text)
    lowered = "\n" + folded.replace("\u0130", "I").lower()
    return {"line": lowered, "lead": lowered, "anywhere": folded}


def test_gated_cues_match_exactly_what_the_plain_regex_does_on_the_sample(sample, express):
    rules = load_rules()
    found = {"line": 0, "lead": 0, "anywhere": 0}
    for body in [express, *sample.body.fillna("")]:
        for section, text in scans(body).items():
            cues = getattr(rules, section)
            want = spans(cues.regex.finditer(text))
            assert spans(cues.finditer(text)) == want, (section, body[:60])
            found[section] += len(want)
    # every section has a gate and finds something, so the comparison is not vacuous
    assert all(getattr(rules, s).gate.complete for s in found)
    # anywhere cues begin with literals; the line cues that begin with a run go by literals
    assert rules.anywhere.gate.prefixes is not None and rules.line.gate.lines is not None
    assert min(found.values()) >= 20, found


def test_the_line_gate_lets_through_cues_after_bullets_tags_and_spaces():
    rules = load_rules()
    text = "\n".join(
        [
            "Police detained 1,474 people at pro-Ukraine demonstrations in 45 cities on Sunday.",
            "  - Advertisement",
            "<p><b>Share this article</b></p>",
            "<div>",
            "Getty Images",
            "Jane Doe contributed to this report.",
            "Moscow rally / AP Photo via Reuters ...",
            "\u2022 Related:",
        ]
    )
    scan = scans(text)["line"]
    got = [(m.group().strip(), rules.line.name(m)[1]) for m in rules.line.finditer(scan)]
    assert got == [
        (m.group().strip(), rules.line.name(m)[1]) for m in rules.line.regex.finditer(scan)
    ]
    assert len(got) == 6  # "<div>" and the "Getty Images" line below it are one match


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:the )?opinions? expressed",
        r"ads?|advert(?:isement)?s?",
        r"[^\n]{1,20}(?:/| )(?:getty|afp)",
        r"(?<=\. )Advertisement(?= [A-Z]|$)",
        r"Enlarge(?: (?P<c>\w+) (?P=c))?",
        r"here (?i:click)",
        r"\d{1,2}:\d\d|x*y",
        r"(?:a|bc){2,3}d|[_*#]{2,}",
    ],
)
def test_gated_finditer_equals_finditer(pattern):
    regex = re.compile(pattern, re.M)
    gate = Gate(pattern.split("|") if "(" not in pattern else [pattern], "{}", re.M)
    assert gate.complete
    pieces = [
        "the ", "opinions expressed", "ads", "advertisements", " getty", "/afp", ". ",
        "Advertisement", " X", "Enlarge foo foo", "here CLICK", "12:30", "xxy", "abcd", "__",
        "\n", "e", " ",
    ]  # fmt: skip
    assert_same_matches(gate, regex, pieces, seed=pattern)


def assert_same_matches(gate, regex, pieces, seed, rounds=300):
    """``gate.finditer`` finds what ``regex.finditer`` does in random strings of ``pieces``."""
    rng = random.Random(seed)
    for _ in range(rounds):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30)))
        assert spans(gate.finditer(regex, text)) == spans(regex.finditer(text)), text


def test_keys_and_trie():
    assert keys(re.compile("(?:the )?opinion"), 3) == [("t", "h", "e"), ("o", "p", "i")]
    assert keys(re.compile("(?<=x)ab|c(?=d)"), 4) == [("a", "b"), ("c",)]
    assert keys(re.compile("a(?i:b)c"), 4) == [("a",)]  # local flags: not expanded
    assert keys(re.compile("x?y"), 4) == [("y",), ("x", "y")]
    assert keys(re.compile("(?:ab){1,2}c"), 4) == [("a", "b", "c"), ("a", "b", "a", "b", "c")]
    assert trie([("a", "b"), ("a", "c", "d"), ("a", "c")]) == "a(?:b|c)"


def test_no_gate_when_an_alternative_may_start_anywhere_or_match_nothing():
    assert alternation_gate([r"\w+ photo"]) is not None
    assert alternation_gate(["ads?", "(?=x)"]) is None
    assert alternation_gate(["ads?", "y*"]) is None


def test_a_patterns_file_of_ones_own_keeps_working(tmp_path):
    data = json.loads(PATTERNS_PATH.read_text(encoding="utf-8"))
    data["lines"]["other"] = ["[^\\n]{1,30} via wire", "\\w+ says .*", "x?"]
    data["anywhere"]["other"] = ["PROMO"]
    path = tmp_path / "patterns.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    rules = load_rules(path)
    assert not rules.line.gate.complete  # "x?" could begin any line: every line is tried
    text = "Intro line that is long enough to be editorial.\nRally in Moscow via wire\nPROMO here"
    for section, scan in scans(text).items():
        cues = getattr(rules, section)
        assert spans(cues.finditer(scan)) == spans(cues.regex.finditer(scan))
    assert rules.line.name(next(rules.line.finditer(scans(text)["line"])))[0] == "other"


@pytest.mark.parametrize(
    ("patterns", "template"),
    [
        (["Advertisement", "Click here to (?:read|see)", "(?:Photo|Video): ", "©"], "{}"),
        (
            ["ads?", r"[^\n]{1,20} (?:getty|afp)", r"(?:[^\n]{1,9} )?said", r"\d+ photos?"],
            r"\n[ \t]*(?:<[^<>\n]*>\s*)*(?:{})[ .]*$",
        ),
    ],
)
def test_gate_finditer_equals_finditer(patterns, template):
    regex = re.compile(template.replace("{}", "|".join(f"(?:{p})" for p in patterns)), re.M)
    gate = Gate(patterns, template, re.M)
    assert gate.complete and (gate.prefixes is not None or gate.lines is not None)
    pieces = [
        "Advertisement", "Advert", "Click here to see", "Click here", "Photo: ", "Video: x",
        "© ", "ad", "ads", " getty", " afp", "said", "x said", "12 photos", "<b>", "\n", " ",
        "é", "😀", "Rally",
    ]  # fmt: skip
    assert_same_matches(gate, regex, pieces, seed=template)


def test_needed_literals():
    assert needed_literals(r"[^\n]{1,9}(?:/| )(?:afp|epa)") == {"/afp", " afp", "/epa", " epa"}
    assert needed_literals(r"contributed (?:to )?this") == {"contributed "}
    assert needed_literals(r"\w+|x") is None


def test_automata_share_one_scan_of_a_batch_and_find_what_each_finds_alone(express):
    from framing.text import Utf8, lower_folded
    from framing.text.gate.literals import automaton, matches

    def alone(auto, text):
        return [a.tolist() for a in matches(auto, text)]  # a str: its own automaton

    wars = automaton(["war", "protest", "police", "\nthe"])
    names = automaton(["putin", "war", "moscow"])
    twice = automaton(["war", "war"])  # not distinct: scans on its own
    low = Utf8(lower_folded(express))
    for text in (low, low.prefixed("\n"), low.prefixed("the ")):
        for auto in (wars, names, twice):
            assert [a.tolist() for a in matches(auto, text)] == alone(auto, text.text)
    assert len(matches(wars, low)[0]) > 3 and len(matches(names, low)[0]) > 3
    later = automaton(["russia"])  # one more automaton: the union is scanned again
    assert [a.tolist() for a in matches(later, low)] == alone(later, low.text)
    assert len(matches(later, low)[0]) > 0
