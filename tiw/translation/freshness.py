"""Translation freshness: which Welsh pages are up to date with their English source.

Each Welsh page records in its front matter the commit of the English page it was translated
from (OpenTelemetry's convention):

    default_lang_commit: 0123456789abcdef0123456789abcdef01234567

A page is *outdated* when its English source differs from the English page at that commit: it
was changed in commits after the stamp, or it has uncommitted changes. One refinement: when the
commit that wrote the stamp into the Welsh page also changed the English page (a new page pair,
or an English edit translated at once and committed together), the English as committed there
is the baseline; so is the working tree while both are still uncommitted.

A Welsh page with no stamp that was created in the same commit as its English page (a news post
saved in both languages from the browser editor, or a page pair committed together) needs no
stamp: the commit that created both is its baseline, and it stays up to date for as long as every
later commit that changes the English page also changes the Welsh one. The first commit that
changes the English alone makes it outdated until a translator stamps it (`Freshness.paired`).
A Welsh page added after its English page, in another commit, still needs its stamp.

Everything is computed
from git; the few git calls are cached per `Freshness` object (one per build or per command), so
a build asks git about each distinct stamp once, not once per page.

Without git (a tarball of the source, no `git` program, a shallow clone missing the stamped
commit) nothing is guessed: `Freshness.available` is False, or the page's state says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tiw import ROOT
from tiw.build.git import Git
from tiw.core.frontmatter import match_front_matter
from tiw.translation.fences import code_lines

STAMP_KEY = "default_lang_commit"
SOURCE_LANG = "en"
TARGET_LANG = "cy"

_STAMP_LINE = re.compile(rf"^{STAMP_KEY}[ \t]*:[ \t]*[\"']?([^\"'\s#]*)[\"']?[ \t]*(#.*)?$", re.M)
_SHA = re.compile(r"^[0-9a-f]{40}$")

# Page states, in the order the report lists them.
UP_TO_DATE = "up to date"
OUTDATED = "outdated"
MISSING = "missing"
ORPHAN = "orphan"
UNSTAMPED = "unstamped"
BAD_STAMP = "bad stamp"
UNKNOWN = "unknown"
STATES = (MISSING, ORPHAN, UNSTAMPED, BAD_STAMP, UNKNOWN, OUTDATED, UP_TO_DATE)


class StampError(Exception):
    """A stamp cannot be read or written. The message says what to do."""


# ------------------------------------------------------------------------------ front matter


def read_stamp(text: str) -> str | None:
    """The `default_lang_commit` value in a page's front matter, as written (None if absent).

    Read from the raw text, not through YAML: an all-digit or `123e45…` hash would otherwise
    become a number."""
    m = match_front_matter(text)
    if not m:
        return None
    s = _STAMP_LINE.search(m.group(2))
    return s.group(1) if s and s.group(1) else None


def write_stamp(text: str, sha: str) -> str:
    """The page text with `default_lang_commit: sha` set in its front matter (added as the last
    front-matter line, or replacing an existing value); the rest of the file is unchanged."""
    if not _SHA.match(sha):
        raise StampError(f"'{sha}' is not a full 40-character commit hash")
    line = f"{STAMP_KEY}: {sha}"
    m = match_front_matter(text)
    if not m:
        return f"---\n{line}\n---\n\n{text}"
    opening, body, closing = m.groups()
    if _STAMP_LINE.search(body):
        body = _STAMP_LINE.sub(line, body, count=1)
    else:
        newline = "\r\n" if opening.endswith("\r\n") else "\n"
        body = body + line + newline
    return opening + body + closing + text[m.end() :]


# ------------------------------------------------------------------------------ status


@dataclass
class PageState:
    page: str  # path under docs/<lang>/, e.g. framework/aims.md
    state: str
    stamp: str | None = None  # as written in the Welsh page
    committed: int = 0  # English lines changed in commits after the stamp
    uncommitted: int = 0  # English lines changed in the working tree (not committed)
    detail: str = ""
    baseline: str | None = None  # the commit whose English page the translation is based on

    @property
    def changed(self) -> int:
        return self.committed + self.uncommitted


@dataclass
class Freshness:
    """The freshness of every Welsh page under root/docs, computed from git on demand."""

    root: Path = ROOT
    git: Git = field(init=False)

    def __post_init__(self):
        self.root = Path(self.root)
        self.git = Git(self.root)
        self._stamp_info: dict[str, tuple[str, str | None, str]] = {}

    @property
    def available(self) -> bool:
        return self.git.available

    def docs(self, lang: str) -> Path:
        return self.root / "docs" / lang

    def pages(self, lang: str) -> set[str]:
        base = self.docs(lang)
        return {p.relative_to(base).as_posix() for p in base.rglob("*.md")} if base.is_dir() else set()

    def _resolve_stamp(self, stamp: str) -> tuple[str, str | None, str]:
        """(state, full sha or None, detail) for a stamp value; cached per distinct stamp."""
        if stamp in self._stamp_info:
            return self._stamp_info[stamp]
        git = self.git
        if not re.fullmatch(r"[0-9a-fA-F]{7,40}", stamp):
            info = (BAD_STAMP, None, f"'{stamp}' is not a commit hash")
        else:
            sha = git.resolve(stamp)
            if sha is None:
                if git.shallow():
                    info = (
                        UNKNOWN,
                        None,
                        f"commit {stamp[:12]} is not in this shallow clone: fetch the full "
                        "history (git fetch --unshallow) to check freshness",
                    )
                else:
                    info = (
                        BAD_STAMP,
                        None,
                        f"commit {stamp[:12]} does not exist in this repository (was the branch rebased or squashed?)",
                    )
            elif not git.is_ancestor(sha):
                info = (
                    BAD_STAMP,
                    sha,
                    f"commit {stamp[:12]} exists but is not in the history of HEAD (was the branch rebased or squashed?)",
                )
            else:
                info = (UP_TO_DATE, sha, "")
        self._stamp_info[stamp] = info
        return info

    def page_state(self, page: str, welsh_text: str | None = None) -> PageState:
        """The state of one page (path under docs/<lang>/)."""
        en_file, cy_file = self.docs(SOURCE_LANG) / page, self.docs(TARGET_LANG) / page
        if not cy_file.is_file():
            return PageState(page, MISSING, detail="no Welsh page: translate it")
        if not en_file.is_file():
            return PageState(page, ORPHAN, detail="no English page at this path: remove the Welsh page or add its English source")
        text = welsh_text if welsh_text is not None else cy_file.read_text(encoding="utf-8")
        stamp = read_stamp(text)
        if not stamp:
            return self._unstamped(page)
        if not self.available:
            return PageState(page, UNKNOWN, stamp, detail=self.git.reason)
        state, sha, detail = self._resolve_stamp(stamp)
        if sha is None or state != UP_TO_DATE:
            return PageState(page, state, stamp, detail=detail)
        en_path = f"docs/{SOURCE_LANG}/{page}"
        baseline = sha
        in_stamp = en_path in self.git.files_at(sha)
        if not in_stamp and en_path not in self.git.files_at("HEAD"):
            # A new page pair, neither committed yet: the translation is of the English as it is.
            return PageState(page, UP_TO_DATE, stamp, detail="new page: the English page is not committed yet")
        if not in_stamp or self.git.numstat(sha).get(en_path, 0):
            # Stamped before committing, with the English page in the same commit (a new page pair,
            # or an English edit translated at once): the English committed with the stamp counts.
            cy_path = f"docs/{TARGET_LANG}/{page}"
            if read_stamp(self.git.show("HEAD", cy_path) or "") != stamp and self.git.numstat("HEAD").get(en_path):
                # ...the same before that commit is made: stamp and English change are both pending.
                return PageState(
                    page,
                    UP_TO_DATE,
                    stamp,
                    detail="the stamp and the English changes are not committed yet: commit them together",
                )
            written = self.git.last_commit_adding(cy_path, f"{STAMP_KEY}: {stamp}")  # the commit that stamped it
            if written and self.git.changed_in(written, en_path):
                baseline = written
        net = self.git.numstat(baseline).get(en_path, 0)
        if net == 0:
            return PageState(page, UP_TO_DATE, stamp, baseline=baseline)
        committed = self.git.numstat(baseline, "HEAD").get(en_path, 0)
        uncommitted = self.git.numstat("HEAD").get(en_path, 0)
        parts = []
        if committed:
            parts.append(f"{committed} in commits since {baseline[:12]}")
        if uncommitted:
            parts.append(f"{uncommitted} not committed yet")
        if baseline == sha and not in_stamp:
            parts.append(f"the English page did not exist at {sha[:12]}")
        return PageState(
            page,
            OUTDATED,
            stamp,
            committed,
            uncommitted,
            detail=f"{net} English line{'s' * (net != 1)} changed ({'; '.join(parts)})",
            baseline=baseline,
        )

    def paired(self, page: str) -> tuple[str | None, bool]:
        """For a Welsh page without a stamp: (the last commit at which its English and Welsh pages
        were changed together, whether an English-only commit came after it), or (None, False)
        when the first commit of either page did not add both."""
        prefix = self.git.prefix()
        en_path, cy_path = f"docs/{SOURCE_LANG}/{page}", f"docs/{TARGET_LANG}/{page}"
        # Oldest first; merge commits list no files and are skipped (their branch's commits are listed).
        code, out = self.git.run(
            "log", "--reverse", "--no-renames", "--format=%x00%H", "--name-only", "HEAD", "--", en_path, cy_path
        )
        if code != 0:
            return None, False
        baseline = None
        for block in out.split("\0")[1:]:
            sha, *lines = block.strip("\n").split("\n")
            names = {n.removeprefix(prefix) for n in lines if n}
            if not names & {en_path, cy_path}:
                continue
            if baseline is None:
                if names >= {en_path, cy_path}:
                    baseline = sha  # created together
                    continue
                return None, False  # one page came first: the Welsh needs a stamp
            if en_path in names and cy_path not in names:
                return baseline, True  # the English changed alone
            if en_path in names:
                baseline = sha  # changed together: the Welsh kept in step
        return baseline, False

    def _unstamped(self, page: str) -> PageState:
        """A Welsh page without a stamp: up to date when it was written with its English (see the
        module's docstring), otherwise unstamped."""
        unstamped = PageState(page, UNSTAMPED, detail=f"no {STAMP_KEY} in the front matter")
        if not self.available:
            return unstamped
        en_path, cy_path = f"docs/{SOURCE_LANG}/{page}", f"docs/{TARGET_LANG}/{page}"
        head = self.git.files_at("HEAD")
        if en_path not in head and cy_path not in head:
            return PageState(
                page, UP_TO_DATE, detail="new page pair, not committed yet: commit the English and Welsh pages together"
            )
        baseline, english_alone = self.paired(page)
        if baseline is None:
            return unstamped
        pending = self.git.numstat("HEAD")
        if not english_alone and pending.get(en_path) and pending.get(cy_path):
            return PageState(
                page,
                UP_TO_DATE,
                detail="the English and Welsh changes are not committed yet: commit them together",
                baseline=baseline,
            )
        net = self.git.numstat(baseline).get(en_path, 0)
        if net == 0:
            return PageState(
                page, UP_TO_DATE, detail=f"no stamp needed: written with the English in {baseline[:12]}", baseline=baseline
            )
        committed = self.git.numstat(baseline, "HEAD").get(en_path, 0)
        uncommitted = pending.get(en_path, 0)
        parts = [f"{committed} in commits since {baseline[:12]}"] if committed else []
        parts += [f"{uncommitted} not committed yet"] if uncommitted else []
        return PageState(
            page,
            OUTDATED,
            None,
            committed,
            uncommitted,
            detail=f"{net} English line{'s' * (net != 1)} changed without the Welsh ({'; '.join(parts)})",
            baseline=baseline,
        )

    def status(self) -> list[PageState]:
        pages = sorted(self.pages(SOURCE_LANG) | self.pages(TARGET_LANG))
        return [self.page_state(p) for p in pages]


def page_path(arg: str, root: Path = ROOT) -> str:
    """A page given as framework/aims.md, docs/cy/framework/aims.md or docs/en/… → framework/aims.md."""
    p = arg.strip().replace("\\", "/")
    try:
        p = Path(p).resolve().relative_to(Path(root).resolve()).as_posix() if Path(p).is_absolute() else p
    except ValueError:
        pass
    p = p.removeprefix("./")
    for lang in (SOURCE_LANG, TARGET_LANG):
        p = p.removeprefix(f"docs/{lang}/")
    if not p.endswith(".md"):
        p += ".md"
    return p


# ------------------------------------------------------------------------------ paragraph diff


@dataclass
class Change:
    kind: str  # "changed", "added", "removed"
    old: str  # the English paragraph at the baseline ("" when added)
    new: str  # the English paragraph now ("" when removed)
    old_line: int
    new_line: int
    welsh: str = ""  # the Welsh paragraph in the same place, when the structure lines up


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(first line, text) of each block separated by blank lines; front matter is one block."""
    out: list[tuple[int, str]] = []
    lines = text.split("\n")
    start, block = None, []
    code = code_lines(lines)
    for n, line in enumerate(lines, 1):
        blank = not line.strip() and not code[n - 1]
        if blank:
            if block:
                out.append((start, "\n".join(block)))
            start, block = None, []
        else:
            if start is None:
                start = n
            block.append(line)
    if block:
        out.append((start, "\n".join(block)))
    return out


def paragraph_changes(old: str, new: str, welsh: str = "") -> list[Change]:
    """The English changes paragraph by paragraph; each change carries the Welsh paragraph at the
    same position when the Welsh page has as many paragraphs as the old English one."""
    from difflib import SequenceMatcher

    a, b = paragraphs(old), paragraphs(new)
    w = paragraphs(welsh) if welsh else []
    aligned = len(w) == len(a)
    sm = SequenceMatcher(a=[t for _, t in a], b=[t for _, t in b], autojunk=False)
    changes: list[Change] = []
    for op, a1, a2, b1, b2 in sm.get_opcodes():
        if op == "equal":
            continue
        olds, news = a[a1:a2], b[b1:b2]
        for k in range(max(len(olds), len(news))):
            o = olds[k] if k < len(olds) else None
            nw = news[k] if k < len(news) else None
            kind = "changed" if o and nw else ("removed" if o else "added")
            idx = a1 + k if o else a1
            welsh_para = w[idx][1] if aligned and o and idx < len(w) else ""
            changes.append(
                Change(
                    kind,
                    o[1] if o else "",
                    nw[1] if nw else "",
                    o[0] if o else (a[a1][0] if a1 < len(a) else 0),
                    nw[0] if nw else (b[b1][0] if b1 < len(b) else 0),
                    welsh_para,
                )
            )
    return changes


def word_diff(old: str, new: str) -> str:
    """The new text with removed words as [-…-] and added words as {+…+}."""
    from difflib import SequenceMatcher

    ow, nw = old.split(), new.split()
    out = []
    for op, a1, a2, b1, b2 in SequenceMatcher(a=ow, b=nw, autojunk=False).get_opcodes():
        if op == "equal":
            out.extend(nw[b1:b2])
            continue
        if a2 > a1:
            out.append("[-" + " ".join(ow[a1:a2]) + "-]")
        if b2 > b1:
            out.append("{+" + " ".join(nw[b1:b2]) + "+}")
    return " ".join(out)
