"""Alphabetical order by language: the Welsh alphabet for Welsh lists, plain order for English.

The Welsh alphabet is a b c ch d dd e f ff g ng h i j l ll m n o p ph r rh s t th u w y: a digraph
is one letter, so "Therapïau" sorts after "Trawma" (t < th), "llesiant" after "lwfans" (l < ll),
"Cymru" before "Chwilio" (c < ch). Accents do not change a letter's place (â is a); they only
break ties. Digraphs are read greedily, except the n+g that dictionaries file as two letters
(Bangor: baner, Bangor, banhadlen), listed with their sources in data/welsh_collation.yml.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from tiw.core.errors import DataError, rel
from tiw.core.paths import DATA_DIR
from tiw.core.schema import validate_file
from tiw.core.yamlfile import read_yaml

EXCEPTIONS_FILE = DATA_DIR / "welsh_collation.yml"
SCHEMA = "welsh_collation.schema.yaml"

WELSH_ALPHABET = [
    "a",
    "b",
    "c",
    "ch",
    "d",
    "dd",
    "e",
    "f",
    "ff",
    "g",
    "ng",
    "h",
    "i",
    "j",
    "l",
    "ll",
    "m",
    "n",
    "o",
    "p",
    "ph",
    "r",
    "rh",
    "s",
    "t",
    "th",
    "u",
    "w",
    "y",
]
_RANK = {letter: n for n, letter in enumerate(WELSH_ALPHABET)}
_DIGRAPHS = [letter for letter in WELSH_ALPHABET if len(letter) == 2]


def _plain(text: str) -> str:
    """Lower case, accents removed: the letters that decide the order."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class NPlusG:
    letters: str  # the spelling without its hyphen: "bangor"
    n_at: int  # where its n is: 2
    word_start: bool  # the spelling must begin a word


def load_exceptions() -> tuple[NPlusG, ...]:
    """Read and check data/welsh_collation.yml; a problem raises DataError naming file, line and field."""
    data = validate_file(EXCEPTIONS_FILE, SCHEMA)
    _, lines = read_yaml(EXCEPTIONS_FILE)
    out, first = [], {}
    for i, entry in enumerate(data["n_plus_g"]):
        for k, spelling in enumerate(entry["spellings"]):
            if spelling in first:
                raise DataError(
                    f"{rel(EXCEPTIONS_FILE)}, line {lines.get(('n_plus_g', i, 'spellings', k), 0)}, n_plus_g entry "
                    f"{i + 1}, field 'spellings': '{spelling}' is listed twice (first on line {first[spelling]}). "
                    "Keep one."
                )
            first[spelling] = lines.get(("n_plus_g", i, "spellings", k), 0)
            out.append(NPlusG(spelling.replace("-", ""), spelling.index("-") - 1, entry["where"] == "start"))
    return tuple(out)


@lru_cache(maxsize=1)
def _cached_exceptions(stamp: int) -> tuple[NPlusG, ...]:
    return load_exceptions()


def exceptions() -> tuple[NPlusG, ...]:
    """The n+g words, re-read when data/welsh_collation.yml changes (mkdocs serve)."""
    return _cached_exceptions(EXCEPTIONS_FILE.stat().st_mtime_ns)


def _separate_n(plain: str) -> set[int]:
    """Where, in the plain text, an n followed by g is the letter n (the words of data/welsh_collation.yml)."""
    found = set()
    for word in exceptions():
        at = plain.find(word.letters)
        while at != -1:
            if not word.word_start or at == 0 or not plain[at - 1].isalpha():
                found.add(at + word.n_at)
            at = plain.find(word.letters, at + 1)
    return found


def welsh_letters(text: str) -> list[str]:
    """The text as Welsh letters: 'Llongyfarchiadau' -> ll o ng y f a r ch i a d a u, but
    'Bangor' -> b a n g o r (data/welsh_collation.yml)."""
    plain, out, i = _plain(text), [], 0
    separate = _separate_n(plain) if "ng" in plain else set()
    while i < len(plain):
        pair = plain[i : i + 2]
        if pair in _DIGRAPHS and i not in separate:
            out.append(pair)
            i += 2
        else:
            out.append(plain[i])
            i += 1
    return out


def welsh_key(text: str) -> tuple:
    """Sort key in the Welsh alphabet. Letters outside it (k, q, v, x, z in loanwords) and digits
    sort after y, in their own order; spaces sort first (word by word); other punctuation is
    ignored."""
    key = []
    for letter in welsh_letters(text):
        if letter.isspace():
            key.append((0, ""))
        elif letter in _RANK:
            key.append((1, _RANK[letter]))
        elif letter.isalnum():
            key.append((2, letter))
    return tuple(key), _plain(text), text


def english_key(text: str) -> tuple:
    return _plain(text), text


def sort_key(text: str, lang: str) -> tuple:
    """The key that puts text in alphabetical order for a reader of `lang` ("cy" or "en")."""
    return welsh_key(text) if lang == "cy" else english_key(text)
