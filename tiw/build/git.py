"""The one way the project asks git anything: `run` (exit code and text), `output` (the text, or
None when git fails or is missing) and `Git`, cached queries on one working tree for the
translator workflow. Read-only: nothing here changes the repository."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from tiw.build.cache import KEEP, cache_dir, prune


class GitError(Exception):
    """A git query failed where its answer is needed; the message is git's own."""


def run(root: Path, *args: str) -> tuple[int, str]:
    """(exit code, stdout on success or stderr on failure) of `git -C root args`; a git that
    cannot start or hangs gives (127, the reason) instead of an exception."""
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, encoding="utf-8", timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        return 127, str(exc)
    return proc.returncode, proc.stdout if proc.returncode == 0 else proc.stderr


def output(root: Path, *args: str) -> str | None:
    """The standard output of a git command, or None when it fails."""
    code, text = run(root, *args)
    return text if code == 0 else None


# Answers about commits alone (not the working tree, the index or the refs other than HEAD), kept
# under (working tree, HEAD's commit, the query): the same query about the same commits has the
# same answer, so a `make serve` rebuild does not ask git again for the ones it asked on the last
# rebuild (about sixty subprocesses a rebuild). They are also written to the build cache
# (.cache/git/<HEAD>.jsonl, tiw/build/cache.py), so the next build at the same commit (the
# deploy's second build, a `make build` after `make test`) asks none of them (about 200
# subprocesses, 0.3 CPU s). Only successful answers are kept; a new commit is a new HEAD, and the
# answers about the old one are dropped.
_COMMITTED: dict[tuple, tuple[int, str]] = {}
_READ: set[tuple[str, str]] = set()  # (working tree, HEAD) whose answers were read from the cache
_FULL_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


def _answers_file(head: str) -> Path:
    return cache_dir("git") / f"{head}.jsonl"


def _read_answers(root: str, head: str) -> None:
    if (root, head) in _READ:
        return
    _READ.add((root, head))
    try:
        lines = _answers_file(head).read_text(encoding="utf-8").splitlines()
    except OSError:
        return
    for line in lines:
        try:
            where, args, code, out = json.loads(line)
        except ValueError:
            continue  # a line cut short by a build that stopped: asked again
        if where == root:
            _COMMITTED[(root, head, tuple(args))] = (code, out)


def _write_answer(key: tuple, answer: tuple[int, str]) -> None:
    root, head, args = key
    path = _answers_file(head)
    try:
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            prune(list(path.parent.glob("*.jsonl")), keep=KEEP - 1)  # make room beside the new HEAD
        with path.open("a", encoding="utf-8") as f:  # one line, one write: builds at once do not mix lines
            f.write(json.dumps([root, list(args), *answer]) + "\n")
    except OSError:
        pass  # a cache that cannot be written only means asking git again next time


class Git:
    """Read-only git queries in one working tree, with results cached for this object's life (and,
    for queries about commits alone, `committed`, for as long as HEAD is the same commit)."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._cache: dict[tuple, tuple[int, str]] = {}
        self.reason = ""  # why git cannot be used here (empty when it can)
        self.available = self._check()

    def run(self, *args: str) -> tuple[int, str]:
        if args not in self._cache:
            self._cache[args] = run(self.root, *args)
        return self._cache[args]

    def committed(self, *args: str, revs: tuple[str, ...], kept: tuple[int, ...] = (0,)) -> tuple[int, str]:
        """`run` for a query about the commits `revs` alone: answers with an exit code in `kept`
        are reused while HEAD is the same commit. Asked every time unless each of `revs` is a full
        commit id or HEAD (a branch name or a short id may come to mean another commit)."""
        head = self.head()
        if not head or not all(rev == "HEAD" or _FULL_ID.fullmatch(rev) for rev in revs):
            return self.run(*args)
        key = (str(self.root), head, args)
        if key not in _COMMITTED:
            for old in [k for k in _COMMITTED if k[0] == key[0] and k[1] != head]:
                del _COMMITTED[old]
            # not in a shallow clone, whose history (and so some answers) grows when it is fetched
            if not self.shallow():
                _read_answers(key[0], head)
        if key not in _COMMITTED:
            answer = self.run(*args)
            if answer[0] not in kept:
                return answer
            _COMMITTED[key] = answer
            if not self.shallow():
                _write_answer(key, answer)
        return _COMMITTED[key]

    def _check(self) -> bool:
        if shutil.which("git") is None:
            self.reason = "the git program is not installed"
            return False
        code, out = self.run("rev-parse", "--is-inside-work-tree")
        if code != 0 or out.strip() != "true":
            self.reason = f"{self.root} is not inside a git working tree (a copy without .git?)"
            return False
        code, _ = self.run("rev-parse", "--verify", "--quiet", "HEAD^{commit}")
        if code != 0:
            self.reason = "the repository has no commits yet"
            return False
        return True

    def head(self) -> str:
        return self.run("rev-parse", "HEAD^{commit}")[1].strip()

    def resolve(self, rev: str) -> str | None:
        # Kept only when found (a full id names one commit for good; a missing one may be fetched).
        code, out = self.committed("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", revs=(rev,))
        return out.strip() if code == 0 else None

    def is_ancestor(self, sha: str, of: str = "HEAD") -> bool:
        return self.committed("merge-base", "--is-ancestor", sha, of, revs=(sha, of), kept=(0, 1))[0] == 0

    def shallow(self) -> bool:
        return self.run("rev-parse", "--is-shallow-repository")[1].strip() == "true"

    def numstat(self, *revs: str, path: str = "docs") -> dict[str, int]:
        """Changed lines (added + deleted) per file under path: between two commits, or between a
        commit and the working tree. Paths are relative to the root."""
        # Two commits: about commits alone. One: that commit against the working tree, asked every time.
        query = ("diff", "--relative", "--no-renames", "--numstat", *revs, "--", path)
        code, out = self.committed(*query, revs=revs) if len(revs) == 2 else self.run(*query)
        if code != 0:
            raise GitError(out.strip())
        changes: dict[str, int] = {}
        for line in out.splitlines():
            added, deleted, name = line.split("\t", 2)
            changes[name] = (int(added) if added.isdigit() else 1) + (int(deleted) if deleted.isdigit() else 0)
        return changes

    def files_at(self, sha: str, path: str = "docs") -> set[str]:
        code, out = self.committed("ls-tree", "-r", "--name-only", "--full-tree", sha, "--", self.prefix() + path, revs=(sha,))
        prefix = self.prefix()
        return {name[len(prefix) :] for name in out.splitlines()} if code == 0 else set()

    def prefix(self) -> str:
        return self.run("rev-parse", "--show-prefix")[1].strip()

    def last_commit_adding(self, path: str, text: str) -> str | None:
        """The latest commit that added or removed `text` in the file (None while uncommitted)."""
        code, out = self.committed("log", "-1", "--format=%H", f"-S{text}", "HEAD", "--", path, revs=("HEAD",))
        return out.strip() or None if code == 0 else None

    def changed_in(self, commit: str, path: str) -> bool:
        """Whether a commit changed (or added) the file."""
        code, out = self.committed(
            "diff-tree", "--no-commit-id", "--name-only", "-r", "--root", "--relative", commit, "--", path, revs=(commit,)
        )
        return code == 0 and bool(out.strip())

    def is_tracked(self, path: str) -> bool:
        return self.run("ls-files", "--error-unmatch", "--", path)[0] == 0

    def show(self, sha: str, path: str) -> str | None:
        code, out = self.committed("show", f"{sha}:./{path}", revs=(sha,))
        return out if code == 0 else None
