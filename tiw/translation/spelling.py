"""Welsh spelling and English leftovers on the built Welsh pages.

The visible text of each built Welsh page's content (the <article>, with image text alternatives)
is checked with hunspell-cy (Bangor University's dictionary, npm `dictionary-cy`) through Debian's
`hunspell` program, plus the project's reviewed word list (translation/wordlist-cy.txt: names,
acronyms and correct Welsh words the dictionary lacks; a word listed in its radical form is also
accepted in every initial mutation).

Text marked as English is not Welsh: an element with lang="en" is skipped, and the words of a
title in italics (<em>, how the pages name English-only documents) are accepted when they are
English words. English left untranslated is found by sentence: a sentence where most words are
English and not Welsh (by Debian's en_GB hunspell dictionary) is reported.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from tiw import ROOT
from tiw.translation.termbase import _radicals

CY_DICTIONARY = ROOT / "node_modules" / "dictionary-cy" / "index"
EN_DICTIONARIES = [Path("/usr/share/hunspell/en_GB"), Path("/usr/share/hunspell/en_US")]
WORDLIST = ROOT / "translation" / "wordlist-cy.txt"

# A sentence is English when at least this many of its words are English and not Welsh, and they
# are more than half of its words.
ENGLISH_MIN_WORDS = 4
ENGLISH_SHARE = 0.5
# Welsh clitics written after an apostrophe: sy'n, i'r, wedi'i, a'u, i'w, o'm, a'th, o'ch.
CLITICS = {"n", "r", "i", "u", "w", "m", "th", "ch", "ma", "na", "s"}

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_SKIP = {"script", "style", "code", "pre", "kbd", "samp", "template", "noscript"}
_BLOCK = {
    "p",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "tr",
    "table",
    "dt",
    "dd",
    "dl",
    "div",
    "section",
    "figure",
    "figcaption",
    "caption",
    "blockquote",
    "details",
    "summary",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "label",
    "button",
    "br",
    "hr",
    "article",
}
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*['’]?", re.U)
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+|\n+")
# Web addresses and domain names shown as text (traumaframeworkcymru.com) are not words.
_ADDRESS = re.compile(r"\S*(?:https?://|www\.|@)\S*|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?", re.I)
# More than this share of unknown words on the Welsh framework pages fails the check.
THRESHOLD = 0.03


class SpellingError(Exception):
    """The checker cannot run (no hunspell, no dictionary). The message says what to install."""


# ------------------------------------------------------------------------------ visible text


@dataclass
class Chunk:
    text: str
    english: bool  # inside an element with lang="en": not Welsh, not checked
    titled: bool  # inside <em>: may be an English title


class _Extractor(HTMLParser):
    """Visible text of the <article> (or the whole body when there is none), in chunks that
    remember whether they are marked English or in italics; blocks are separated by newlines."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool, bool, bool]] = []  # tag, english, em, skip, hidden
        self.chunks: list[Chunk] = []
        self.in_article = 0
        self.saw_article = False
        self.title = ""
        self._in_title = False

    def _state(self) -> tuple[bool, bool, bool, bool]:
        if not self.stack:
            return False, False, False, False
        return self.stack[-1][1:]

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        english, em, skip, hidden = self._state()
        if "lang" in a:
            english = not (a["lang"] or "").lower().startswith("cy")
        if tag in ("em", "i", "cite"):
            em = True
        if tag in _SKIP:
            skip = True
        if "hidden" in a or a.get("aria-hidden") == "true":
            hidden = True
        if tag == "title":
            self._in_title = True
        if tag == "article":
            self.in_article += 1
            self.saw_article = True
        if tag in _BLOCK:
            self._add("\n", english, em)
        if tag == "img" and a.get("alt") and not (skip or hidden):
            self._add("\n" + a["alt"] + "\n", english, em)
        if tag not in _VOID:
            self.stack.append((tag, english, em, skip, hidden))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag == "article":
            self.in_article -= 1
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in _BLOCK:
            self._add("\n", False, False)

    def handle_data(self, data):
        if self._in_title:
            self.title += data
            return
        english, em, skip, hidden = self._state()
        if skip or hidden:
            return
        self._add(data, english, em)

    def _add(self, text, english, em):
        (self.chunks if self.in_article > 0 else self.outside).append(Chunk(text, english, em))

    def feed_page(self, page_html: str) -> list[Chunk]:
        self.outside = []
        self.feed(page_html)
        self.close()
        return self.chunks if self.saw_article else self.outside


def visible_chunks(page_html: str) -> list[Chunk]:
    return _Extractor().feed_page(page_html)


# ------------------------------------------------------------------------------ words


@dataclass
class Token:
    word: str  # the word as checked (clitics removed)
    english: bool
    titled: bool


def tokens(chunks: list[Chunk], strip=None) -> list[list[Token]]:
    """Words, grouped into sentences (codes with digits, such as NG116, are not words). `strip`
    removes accepted phrases from the text first."""
    sentences: list[list[Token]] = [[]]
    for chunk in chunks:
        parts = _SENTENCE_END.split(strip(chunk.text) if strip else chunk.text)
        for n, part in enumerate(parts):
            if n > 0 and sentences[-1]:
                sentences.append([])
            for m in _WORD.finditer(_ADDRESS.sub(" ", part)):
                for w in split_clitics(m.group(0)):
                    if len(w) > 1 and not any(ch.isdigit() for ch in w):
                        sentences[-1].append(Token(w, chunk.english, chunk.titled))
        if chunk.text.endswith("\n") and sentences[-1]:
            sentences.append([])
    return [s for s in sentences if s]


def split_clitics(word: str) -> list[str]:
    """sy'n -> [sy]; wedi'i -> [wedi]; Hawliau'r -> [Hawliau]; children's -> [children's]."""
    word = word.replace("’", "'").strip("'")
    if "'" not in word:
        return [word]
    head, *rest = word.split("'")
    if all(part.lower() in CLITICS for part in rest):
        return [head]
    return [word]


# ------------------------------------------------------------------------------ dictionaries


def _hunspell(dictionary: Path, words: set[str]) -> set[str]:
    """The words hunspell does not know, from one call for all of them."""
    if not words:
        return set()
    if shutil.which("hunspell") is None:
        raise SpellingError("the hunspell program is not installed: apt-get install hunspell")
    if not Path(str(dictionary) + ".dic").is_file():
        raise SpellingError(
            f"the dictionary {dictionary}.dic is missing (npm ci installs dictionary-cy; "
            "apt-get install hunspell-en-gb installs the English one)"
        )
    proc = subprocess.run(
        ["hunspell", "-i", "utf-8", "-d", str(dictionary), "-l"],
        input="\n".join(sorted(words)) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    return set(proc.stdout.split())


def english_dictionary() -> Path:
    for d in EN_DICTIONARIES:
        if Path(str(d) + ".dic").is_file():
            return d
    raise SpellingError("no English hunspell dictionary: apt-get install hunspell-en-gb")


@dataclass
class WordList:
    exact: set[str] = field(default_factory=set)  # names and acronyms, case as written
    lower: set[str] = field(default_factory=set)  # lowercase entries: any capitalisation
    phrases: list[str] = field(default_factory=list)  # English names kept in English

    @classmethod
    def load(cls, path: Path = WORDLIST) -> WordList:
        wl = cls()
        if not path.is_file():
            return wl
        for line in path.read_text(encoding="utf-8").splitlines():
            word = " ".join(line.split("#", 1)[0].split())
            if not word:
                continue
            if " " in word:
                wl.phrases.append(word)
            else:
                (wl.lower if word == word.lower() else wl.exact).add(word)
        return wl

    def strip(self, text: str) -> str:
        """The text without the accepted phrases."""
        if not self.phrases:
            return text
        if not hasattr(self, "_phrase_re"):
            alts = sorted(self.phrases, key=len, reverse=True)
            self._phrase_re = re.compile(
                r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in alts) + r")(?!\w)"
            )
        return self._phrase_re.sub(" ", text)

    def knows(self, word: str) -> bool:
        if word in self.exact:
            return True
        return any(r in self.lower or r in self.exact for r in _radicals(word.lower())) or any(
            r in self.exact for r in {word, word[:1].upper() + word[1:]}
        )


# ------------------------------------------------------------------------------ checking


@dataclass
class PageReport:
    name: str
    words: int = 0
    unknown: Counter = field(default_factory=Counter)
    english: list[str] = field(default_factory=list)

    @property
    def unknown_count(self) -> int:
        return sum(self.unknown.values())

    @property
    def share(self) -> float:
        return self.unknown_count / self.words if self.words else 0.0


class Checker:
    def __init__(self, wordlist: WordList | None = None, cy_dictionary: Path = CY_DICTIONARY, en_dictionary: Path | None = None):
        self.wordlist = wordlist if wordlist is not None else WordList.load()
        self.cy_dictionary = cy_dictionary
        self.en_dictionary = en_dictionary or english_dictionary()

    def check(self, pages: dict[str, str]) -> list[PageReport]:
        """pages: name -> built HTML. One hunspell call per dictionary for all pages."""
        page_sentences = {name: tokens(visible_chunks(page_html), self.wordlist.strip) for name, page_html in pages.items()}
        words = {t.word for sents in page_sentences.values() for s in sents for t in s}
        not_welsh = _hunspell(self.cy_dictionary, words)
        not_english = _hunspell(self.en_dictionary, words)

        def welsh(w):
            return w not in not_welsh or self.wordlist.knows(w)

        def english(w):
            return w not in not_english

        reports = []
        for name, sentences in page_sentences.items():
            rep = PageReport(name)
            for sentence in sentences:
                counted = [t for t in sentence if not t.english]
                for t in counted:
                    rep.words += 1
                    if not welsh(t.word) and not (t.titled and english(t.word)):
                        rep.unknown[t.word] += 1
                plain = [t for t in counted if not t.titled]
                en_only = [t for t in plain if english(t.word) and not welsh(t.word)]
                if len(en_only) >= ENGLISH_MIN_WORDS and len(en_only) > ENGLISH_SHARE * len(plain):
                    rep.english.append(" ".join(t.word for t in sentence))
            reports.append(rep)
        return reports


def verdict(reports: list[PageReport], threshold: float = THRESHOLD) -> list[str]:
    """Why the check fails (empty when it passes): too many unknown words on the framework pages,
    or English sentences left on any Welsh page."""
    failures = []
    framework = [r for r in reports if r.name.startswith("framework/")]
    words = sum(r.words for r in framework)
    unknown = sum(r.unknown_count for r in framework)
    if words and unknown / words > threshold:
        failures.append(
            f"{unknown} of the {words} words on the Welsh framework pages ({unknown / words:.1%}) are "
            f"unknown (the limit is {threshold:.0%}). Correct the misspellings; add correct words "
            "the dictionary lacks to translation/wordlist-cy.txt."
        )
    for r in reports:
        for sentence in r.english:
            failures.append(
                f'{r.name}: an English sentence is left on the Welsh page: "{sentence}". Translate '
                "it; an English title stays in italics (*Title*), other English in "
                '<span lang="en">…</span>.'
            )
    return failures


def report_text(reports: list[PageReport]) -> str:
    lines = []
    for rep in reports:
        lines.append(f"{rep.name}: {rep.words} words, {rep.unknown_count} unknown ({rep.share:.1%})")
        if rep.unknown:
            lines.append(
                "    unknown: "
                + ", ".join(
                    f"{w}" + (f" ×{n}" if n > 1 else "") for w, n in sorted(rep.unknown.items(), key=lambda x: x[0].lower())
                )
            )
        for sentence in rep.english:
            lines.append(f"    English sentence: {sentence}")
    return "\n".join(lines)


def built_welsh_pages(site: Path) -> dict[str, str]:
    """docs path (e.g. framework/aims.md) -> built HTML, for every Welsh page in a built site."""
    docs = ROOT / "docs" / "cy"
    out = {}
    for src in sorted(docs.rglob("*.md")):
        rel = src.relative_to(docs).as_posix()
        stem = rel[:-3]
        if stem == "404":
            built = site / "cy" / "404.html"
        elif stem == "index" or stem.endswith("/index"):
            built = site / "cy" / stem[: -len("index")] / "index.html"
        else:
            built = site / "cy" / stem / "index.html"
        if built.is_file():
            out[rel] = built.read_text(encoding="utf-8")
    return out
