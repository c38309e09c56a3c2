"""The one way the project asks git anything: `run` (exit code and text), `output` (the text, or
None when git fails or is missing) and `Git`, cached queries on one working tree for the
translator workflow. Read-only: nothing here changes the repository."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


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


class Git:
    """Read-only git queries in one working tree, with results cached for this object's life."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._cache: dict[tuple, tuple[int, str]] = {}
        self.reason = ""  # why git cannot be used here (empty when it can)
        self.available = self._check()

    def run(self, *args: str) -> tuple[int, str]:
        if args not in self._cache:
            self._cache[args] = run(self.root, *args)
        return self._cache[args]

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
        code, out = self.run("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
        return out.strip() if code == 0 else None

    def is_ancestor(self, sha: str, of: str = "HEAD") -> bool:
        return self.run("merge-base", "--is-ancestor", sha, of)[0] == 0

    def shallow(self) -> bool:
        return self.run("rev-parse", "--is-shallow-repository")[1].strip() == "true"

    def numstat(self, *revs: str, path: str = "docs") -> dict[str, int]:
        """Changed lines (added + deleted) per file under path: between two commits, or between a
        commit and the working tree. Paths are relative to the root."""
        code, out = self.run("diff", "--relative", "--no-renames", "--numstat", *revs, "--", path)
        if code != 0:
            raise GitError(out.strip())
        changes: dict[str, int] = {}
        for line in out.splitlines():
            added, deleted, name = line.split("\t", 2)
            changes[name] = (int(added) if added.isdigit() else 1) + (int(deleted) if deleted.isdigit() else 0)
        return changes

    def files_at(self, sha: str, path: str = "docs") -> set[str]:
        code, out = self.run("ls-tree", "-r", "--name-only", "--full-tree", sha, "--", self.prefix() + path)
        prefix = self.prefix()
        return {name[len(prefix) :] for name in out.splitlines()} if code == 0 else set()

    def prefix(self) -> str:
        return self.run("rev-parse", "--show-prefix")[1].strip()

    def last_commit_adding(self, path: str, text: str) -> str | None:
        """The latest commit that added or removed `text` in the file (None while uncommitted)."""
        code, out = self.run("log", "-1", "--format=%H", f"-S{text}", "HEAD", "--", path)
        return out.strip() or None if code == 0 else None

    def changed_in(self, commit: str, path: str) -> bool:
        """Whether a commit changed (or added) the file."""
        code, out = self.run("diff-tree", "--no-commit-id", "--name-only", "-r", "--root", "--relative", commit, "--", path)
        return code == 0 and bool(out.strip())

    def is_tracked(self, path: str) -> bool:
        return self.run("ls-files", "--error-unmatch", "--", path)[0] == 0

    def show(self, sha: str, path: str) -> str | None:
        code, out = self.run("show", f"{sha}:./{path}")
        return out if code == 0 else None
