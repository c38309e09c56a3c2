"""Alphabetical order by language: the Welsh alphabet for Welsh lists, plain order for English.

The Welsh alphabet is a b c ch d dd e f ff g ng h i j l ll m n o p ph r rh s t th u w y: a digraph
is one letter, so "Therapïau" sorts after "Trawma" (t < th), "llesiant" after "lwfans" (l < ll),
"Cymru" before "Chwilio" (c < ch). Accents do not change a letter's place (â is a); they only
break ties. Digraphs are read greedily, the usual practice in Welsh dictionaries' software; the
rare n+g that is not ng (Bangor) is not special-cased.
"""

from __future__ import annotations

import unicodedata

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


def welsh_letters(text: str) -> list[str]:
    """The text as Welsh letters: 'Llongyfarchiadau' -> ll o ng y f a r ch i a d a u."""
    plain, out, i = _plain(text), [], 0
    while i < len(plain):
        pair = plain[i : i + 2]
        if pair in _DIGRAPHS:
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
