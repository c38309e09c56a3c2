"""Welsh words for search: fold initial mutations, accents and h- to one key, and drop stop words.

Welsh changes the first letter of a word after certain words: "trawma" is also "drawma" (soft),
"nhrawma" (nasal) and "thrawma" (aspirate); a vowel can take an h- ("ei henw"). `fold()` maps all
those forms to one key ("trawma" -> "trawma", "drawma" -> "trawma"), so a search index that stores
keys and a query that is folded the same way meet whichever form either side has.

The rules are data (data/welsh_search.yml, checked against schemas/welsh_search.schema.yaml; the
file explains the choices and the accepted false matches). This module and the browser's
docs/assets/javascripts/welsh-search.js apply them in the same steps, and both pass the shared
vectors in tests/data/welsh-mutations.json.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from tiw import ROOT
from tiw.core.errors import DataError, rel
from tiw.core.paths import DATA_DIR
from tiw.core.schema import validate_file
from tiw.core.yamlfile import read_yaml

RULES_FILE = DATA_DIR / "welsh_search.yml"
SCHEMA = "welsh_search.schema.yaml"

# The Welsh search settings (lang, pipeline, separator) are the theme's "search.config.*" strings
# in the Welsh language file, which hooks/search_index.py writes into the Welsh index.
THEME_STRINGS = ROOT / "overrides" / "partials" / "languages" / "cy.html"

_COMBINING = re.compile("[\u0300-\u036f]")  # the accents NFD splits off (JavaScript uses the same range)
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")  # what the trimmer strips from each end of a word


@dataclass(frozen=True)
class WelshRules:
    initials: tuple[tuple[str, str], ...]  # (from, to), longest first
    vowels: str
    vowel_key: str
    h_before_vowel: bool
    stop_words: frozenset[str]

    def as_json(self) -> dict:
        """The rules as the browser's welsh-search.js reads them."""
        return {
            "initials": [list(pair) for pair in self.initials],
            "vowels": self.vowels,
            "vowel_key": self.vowel_key,
            "h_before_vowel": self.h_before_vowel,
            "stop_words": sorted(self.stop_words),
        }


def plain(word: str) -> str:
    """Lower case without accents: "Ŵyr" -> "wyr", "tŷ" -> "ty"."""
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", _COMBINING.sub("", decomposed)).lower()


def _step(word: str, rules: WelshRules) -> str:
    if rules.h_before_vowel and len(word) > 1 and word[0] == "h" and word[1] in rules.vowels:
        word = word[1:]
    for start, key in rules.initials:
        if word.startswith(start):
            return key + word[len(start) :]
    if word[:1] and word[0] in rules.vowels:
        return rules.vowel_key + word
    return word


def fold_with(word: str, rules: WelshRules) -> str:
    """The search key of one word under the given rules (see the module docstring)."""
    word = plain(word)
    for _ in range(4):  # a key folds to itself after one step; the extra steps settle "bh-" -> "ph-" -> "p-"
        folded = _step(word, rules)
        if folded == word:
            break
        word = folded
    return word


def load_rules() -> WelshRules:
    """Read and check data/welsh_search.yml; a problem raises DataError naming file, line and field."""
    data = validate_file(RULES_FILE, SCHEMA)
    _, lines = read_yaml(RULES_FILE)
    where = rel(RULES_FILE)
    seen: dict[str, int] = {}
    for i, item in enumerate(data["initials"]):
        line = lines.get(("initials", i, "from"), 0)
        if item["from"] in seen:
            raise DataError(
                f"{where}, line {line}, initials entry {i + 1}, field 'from': the initial "
                f"'{item['from']}' is listed twice (first at entry {seen[item['from']] + 1}). "
                "Keep one entry for it."
            )
        seen[item["from"]] = i
    first: dict[str, int] = {}
    for i, word in enumerate(data["stop_words"]):
        if word in first:
            raise DataError(
                f"{where}, line {lines.get(('stop_words', i), 0)}, stop_words entry {i + 1}: "
                f"'{word}' is listed twice (first on line {lines.get(('stop_words', first[word]), 0)}). "
                "Delete one."
            )
        first[word] = i
    if not set(data["vowel_key"]) <= set("abcdefghijklmnopqrstuvwxyz") or data["vowel_key"][0] in data["vowels"]:
        raise DataError(
            f"{where}, line {lines.get(('vowel_key',), 0)}, field 'vowel_key': "
            f"'{data['vowel_key']}' starts with a vowel, so vowel words would fold again and "
            "again. Use a consonant key such as c."
        )
    initials = tuple(sorted(((it["from"], it["to"]) for it in data["initials"]), key=lambda pair: -len(pair[0])))
    stop = frozenset(unicodedata.normalize("NFC", w) for w in data["stop_words"])
    rules = WelshRules(initials, data["vowels"], data["vowel_key"], data["h_before_vowel"], stop)
    # Every key must be a fixed point: folding a folded word must give the same word, or the
    # query (folded once) and the index (folded once) could disagree.
    for i, item in enumerate(data["initials"]):
        probe = item["to"] + "a"
        if fold_with(probe, rules) != probe:
            raise DataError(
                f"{where}, line {lines.get(('initials', i, 'to'), 0)}, initials entry {i + 1} "
                f"('{item['from']}'), field 'to': the key '{item['to']}' is itself folded to "
                f"'{fold_with(probe, rules)[:-1]}'. Use that key instead."
            )
    return rules


@lru_cache(maxsize=1)
def _cached_rules(stamp: int) -> WelshRules:
    return load_rules()


def rules() -> WelshRules:
    """The rules, re-read when data/welsh_search.yml changes (mkdocs serve)."""
    return _cached_rules(RULES_FILE.stat().st_mtime_ns)


def fold(word: str) -> str:
    """The search key of one Welsh word: "nhrawma" -> "trawma", "ei henw": "henw" -> "cenw"."""
    return fold_with(word, rules())


def is_stop_word(word: str) -> bool:
    """True for a word left out of the Welsh index (compared lower case, accents kept)."""
    return unicodedata.normalize("NFC", word).lower() in rules().stop_words


def trim(word: str) -> str:
    """Strip anything that is not a letter or digit from both ends, as the browser's trimmer does."""
    return _EDGE.sub("", word)


@lru_cache(maxsize=4)
def _theme_module(stamp: int):
    import jinja2

    return jinja2.Environment().from_string(THEME_STRINGS.read_text(encoding="utf-8")).module


def theme_string(key: str) -> str:
    """A string from the Welsh theme language file (e.g. "search.config.separator")."""
    return str(_theme_module(THEME_STRINGS.stat().st_mtime_ns).t(key))


def words(text: str) -> list[str]:
    """The words of a Welsh text as the Welsh index sees them before stop words and folding:
    split with the Welsh separator, lower case, trimmed."""
    out = []
    for raw in re.split(theme_string("search.config.separator"), text):
        word = trim(raw.lower())
        if word:
            out.append(word)
    return out


def index_terms(text: str) -> list[str]:
    """The keys the Welsh search index holds for a text: its words without stop words, folded.
    (The browser builds the real index from the same text with the same steps; this is for
    checks and tests.)"""
    current = rules()
    return [fold_with(w, current) for w in words(text) if w not in current.stop_words]
