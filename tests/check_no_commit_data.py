#!/usr/bin/env python3
"""Builds the sample site from content/ (its versions as site.yaml lists
them, the current one from git) with a search index, and checks that no
page, data file or search index file holds a commit author, an author's
e-mail, a commit subject or a commit id of this repository: a jabatan's
history tells what changed, not who committed what (site.yaml would have
to ask for that, with `riwayat: { tampilkan_commit: true }`).

A subject that also appears in the content files themselves cannot tell a
leak from the content, so it is skipped and listed; so is one under 12
characters ("WIP", "fix"), too generic to be evidence.

Usage: check_no_commit_data.py SAKIP SOURCE_DIR
"""
import gzip
import html
import json
import os
import pathlib
import subprocess
import sys
import tempfile

MIN_SUBJECT = 12


def commit_strings(src):
    out = subprocess.run(
        ["git", "-C", src, "log", "--format=%an%n%ae%n%s%n%H"],
        check=True, capture_output=True, text=True).stdout.splitlines()
    authors, subjects, ids = set(), set(), set()
    for i in range(0, len(out) - 3, 4):
        authors.update(s for s in out[i:i + 2] if s.strip())
        subjects.add(out[i + 2].strip())
        ids.add(out[i + 3][:10])
    return authors, subjects, ids


def content_text(src):
    parts = []
    for path in pathlib.Path(src, "content").rglob("*"):
        if path.is_file() and path.suffix in (".md", ".yaml", ".yml"):
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


def readable(path):
    """The text of a site file as a reader or a program would see it."""
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":  # Pagefind's index and fragments
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8", errors="replace")
    forms = [text, html.unescape(text)]
    if path.suffix == ".json":
        try:
            forms.append(json.dumps(json.loads(text), ensure_ascii=False))
        except ValueError:
            pass
    return "\n".join(forms)


def main():
    sakip, src = sys.argv[1], sys.argv[2]
    authors, subjects, ids = commit_strings(src)
    content = content_text(src)
    skipped = sorted(s for s in subjects
                     if len(s) < MIN_SUBJECT or s in content)
    wanted = sorted(subjects - set(skipped))
    print(f"{len(authors)} author names/e-mails, {len(wanted)} subjects, "
          f"{len(ids)} commit ids to look for")
    for s in skipped:
        print(f"skipped subject (short or in the content): {s!r}")
    if not authors or len(wanted) < 10:
        print("FAIL too few commits to check: is SOURCE_DIR a git clone?")
        return 1
    pagefind = os.path.join(src, "node_modules/.bin/pagefind")
    with tempfile.TemporaryDirectory(prefix="sakip-commits-") as work:
        site = pathlib.Path(work, "site")
        command = [sakip, "build", "--content", os.path.join(src, "content"),
                   "--out", str(site)]
        if os.path.exists(pagefind):
            command += ["--search", "--pagefind", pagefind]
        subprocess.run(command, check=True)
        files = [p for p in site.rglob("*")
                 if p.is_file() and p.suffix in
                 (".html", ".json", ".xml", ".txt", ".csv", ".md",
                  ".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter")]
        if os.path.exists(pagefind) and not any(
                p.suffix == ".pf_fragment" for p in files):
            print("FAIL the search index was not made")
            return 1
        pages = sum(p.suffix == ".html" for p in files)
        leaks = 0
        for path in sorted(files):
            text = readable(path)
            found = [a for a in authors if a in text]
            found += [s for s in wanted if s in text]
            found += [i for i in ids if i in text]
            for what in found:
                print(f"FAIL {path.relative_to(site)}: {what!r}")
            leaks += len(found)
        print(f"{len(files)} files ({pages} pages) read, {leaks} leaks")
        if pages < 150:
            print(f"FAIL only {pages} pages")
            return 1
        return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main())
