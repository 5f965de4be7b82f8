"""Write framing/measures/lexicons/data/*.txt from the word lists in ../shared/data/lexicons.

Run once by a developer (the package never reads ../shared): adds the header every shipped
lexicon carries and, for the verb lists, the inflected forms (``say`` -> ``says said saying``)
so that matching stays token-exact. Usage: ``python tools/build_lexicons.py [SHARED/data/lexicons]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

SRC = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/lexicons")
OUT = Path(__file__).resolve().parents[1] / "framing" / "measures" / "lexicons" / "data"

RECASENS = (
    "Marta Recasens, Cristian Danescu-Niculescu-Mizil and Dan Jurafsky. 2013. Linguistic "
    "Models for Analyzing and Detecting Biased Language. Proceedings of ACL 2013, 1650-1659."
)
HOOPER = (
    "Joan B. Hooper. 1975. On assertive predicates. In J. Kimball (ed.), Syntax and "
    "Semantics 4, 91-124. Academic Press."
)
IRREGULAR = {
    "say": ["says", "said", "saying"],
    "tell": ["tells", "told", "telling"],
    "write": ["writes", "wrote", "written", "writing"],
    "think": ["thinks", "thought", "thinking"],
    "see": ["sees", "saw", "seen", "seeing"],
    "find": ["finds", "found", "finding"],
    "find out": ["finds out", "found out", "finding out"],
    "know": ["knows", "knew", "known", "knowing"],
    "forget": ["forgets", "forgot", "forgotten", "forgetting"],
    "learn": ["learns", "learned", "learnt", "learning"],
    "hear": ["hears", "heard", "hearing"],
    "mean": ["means", "meant", "meaning"],
    "read": ["reads", "reading"],
    "teach": ["teaches", "taught", "teaching"],
    "swear": ["swears", "swore", "sworn", "swearing"],
    "spread": ["spreads", "spreading"],
    "sing": ["sings", "sang", "sung", "singing"],
    "foretell": ["foretells", "foretold"],
    "forbid": ["forbids", "forbade", "forbidden"],
    "feel": ["feels", "felt", "feeling"],
    "get": ["gets", "got", "gotten", "getting"],
    "keep": ["keeps", "kept", "keeping"],
    "choose": ["chooses", "chose", "chosen", "choosing"],
    "can": ["could"],
    "forecast": ["forecasts", "forecasting"],
    "point out": ["points out", "pointed out", "pointing out"],
    "make sense": ["makes sense", "made sense"],
    "spoke": ["speak", "speaks", "spoken", "speaking"],
    "told": [],
    "fit": ["fits", "fitted", "fitting"],
    "slam": ["slams", "slammed", "slamming"],
    "admit": ["admits", "admitted", "admitting"],
    "regret": ["regrets", "regretted", "regretting"],
    "prefer": ["prefers", "preferred", "preferring"],
    "refer": ["refers", "referred", "referring"],
    "rebut": ["rebuts", "rebutted", "rebutting"],
    "compel": ["compels", "compelled"],
    "beg": ["begs", "begged", "begging"],
    "extoll": ["extolls", "extolled", "extol", "extols"],
}
NOT_VERBS = {
    "able", "careful", "misfortune", "sense", "afraid", "certain", "sure", "clear", "obvious",
    "evident", "odd", "strange", "interesting", "relevant", "sorry", "exciting",
}  # fmt: skip


def inflect(verb: str) -> list[str]:
    """``verb`` and its regular -s, -ed, -ing forms (first word of a phrasal verb)."""
    if verb in IRREGULAR:
        return [verb, *IRREGULAR[verb]]
    if verb in NOT_VERBS or verb.endswith("'t"):
        return [verb]
    head, _, rest = verb.partition(" ")
    rest = " " + rest if rest else ""
    if head.endswith("e"):
        forms = [head + "s", head + "d", head[:-1] + "ing"]
    elif head.endswith("y") and head[-2] not in "aeiou":
        forms = [head[:-1] + "ies", head[:-1] + "ied", head + "ing"]
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = [head + "es", head + "ed", head + "ing"]
    else:
        forms = [head + "s", head + "ed", head + "ing"]
    return [verb, *(f + rest for f in forms)]


def words(name: str) -> list[str]:
    lines = (SRC / name).read_text(encoding="latin-1").splitlines()
    return [w.strip() for w in lines if w.strip() and not w.startswith((";", "#"))]


def write(name, description, source, citation, licence, entries, note=""):
    seen: dict[str, str] = {}
    for e in entries:
        seen.setdefault(e, e)
    head = [
        f"# name: {name}",
        f"# description: {description}",
        f"# source: {source}",
        f"# citation: {citation}",
        f"# licence: {licence}",
    ]
    if note:
        head.append(f"# note: {note}")
    body = "\n".join(seen)
    (OUT / f"{name}.txt").write_text("\n".join(head) + "\n" + body + "\n", encoding="utf-8")


def verbs(name: str) -> list[str]:
    return [f for w in words(name) for f in inflect(w)]


def main() -> None:
    huliu = [f"{w}\tnegative" for w in words("huliu-negative-words.txt")]
    huliu += [f"{w}\tpositive" for w in words("huliu-positive-words.txt")]
    write(
        "opinion",
        "Hu & Liu opinion words: 4,783 negative and 2,006 positive words (categories negative, positive)",
        "https://www.cs.uic.edu/~liub/FBS/sentiment-analysis.html (as distributed with NLTK data)",
        "Minqing Hu and Bing Liu. 2004. Mining and Summarizing Customer Reviews. Proceedings of KDD 2004.",
        "CC BY 4.0",
        huliu,
    )
    write(
        "bias",
        "Recasens et al. bias lexicon: words that most often carried bias in NPOV edits of Wikipedia",
        "Recasens et al. 2013 research release (bias-lexicon.txt)",
        RECASENS,
        "research release without a licence file; redistributed with citation",
        words("recasens2013-bias-lexicon.txt"),
    )
    write(
        "hedges",
        "Hyland's hedges: words and phrases that withhold full commitment",
        "list as released with Recasens et al. 2013",
        "Ken Hyland. 2005. Metadiscourse: Exploring Interaction in Writing. Continuum.",
        "word class from the literature; cited",
        words("hedges-hyland2005.txt"),
    )
    for name, file, desc in [
        ("factives", "factives-hooper1975.txt", "Hooper's factive predicates: presuppose their complement true"),
        ("assertives", "assertives-hooper1975.txt", "Hooper's assertive predicates: assert a complement's truth to some degree"),
    ]:  # fmt: skip
        write(name, desc, "list as released with Recasens et al. 2013", HOOPER,
              "word class from the literature; cited", verbs(file),
              "inflected forms (-s, -ed, -ing, irregular pasts) added here")  # fmt: skip
    write(
        "implicatives",
        "Karttunen's implicative verbs: entail (or deny) their complement",
        "list as released with Recasens et al. 2013",
        "Lauri Karttunen. 1971. Implicative verbs. Language 47(2): 340-358.",
        "word class from the literature; cited",
        verbs("implicatives-karttunen1971.txt"),
        "inflected forms (-s, -ed, -ing, irregular pasts) added here",
    )
    write(
        "report_verbs",
        "verbs that report speech or thought (say, claim, slam, warn)",
        "list as released with Recasens et al. 2013",
        RECASENS,
        "research release; cited",
        verbs("report-verbs.txt"),
        "inflected forms (-s, -ed, -ing, irregular pasts) added here",
    )


if __name__ == "__main__":
    main()
