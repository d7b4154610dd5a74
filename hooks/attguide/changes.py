"""What changed in this edition: pages added, removed and changed since the last released cycle.

A released cycle is an annotated git tag named after the cycle (``csp12``), created by
``make release`` on the commit the cycle was built from (:func:`ensure_tag`). A build of
cycle N compares its ``docs/`` (the working tree, as the first pass read it) with the tree
of the newest tag of a cycle before N:

- :func:`releases` lists the released cycles (one ``git for-each-ref``);
- :func:`tree_texts` reads a tag's Markdown pages (one ``git ls-tree`` and one
  ``git cat-file --batch`` for all blobs);
- :func:`diff_pages` compares the two sets page by page and section by section (a section
  is the text under one heading; the text before the first ``##`` heading is the opening).

Only the body counts (front matter changes, such as a translation's ``source_revision``,
are not reader-visible changes). :func:`changes_view` and :func:`feed_view` give the
"What changed" page and the Atom feed their data. No previous release is a plain state,
not an error; without git (a tarball) the build says so in the log and goes on.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from . import translations
from .registry import Registry
from .sitemodel import SiteModel, language_of

log = logging.getLogger("mkdocs.plugins.attguide.changes")

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
CHANGES_PAGE = "changes.md"
_HEADING = re.compile(r"^(#{2,6})[ \t]+(?P<title>.+?)(?:[ \t]+\{[^}]*\})?[ \t]*#*[ \t]*$")
_H1 = re.compile(r"^#[ \t]+(?P<title>.+?)(?:[ \t]+\{[^}]*\})?[ \t]*#*[ \t]*$", re.MULTILINE)
_FENCE = re.compile(r"^[ \t]*(```|~~~)")


@dataclass(frozen=True)
class Release:
    """A released cycle: its tag, the commit it was built from, and when it was tagged."""

    cycle: str
    commit: str
    date: dt.datetime


@dataclass
class PageChange:
    """How one page of one language differs from the previous release."""

    base: str
    lang: str
    kind: str  # added | removed | changed
    title: str = ""
    changed: list[str] = field(default_factory=list)  # headings of sections whose text changed
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass
class EditionChanges:
    """The changes of the edition being built, by language and English base path."""

    cycle: str
    previous: Release | None = None
    releases: list[Release] = field(default_factory=list)  # released cycles up to this one, newest first
    pages: dict[str, dict[str, PageChange]] = field(default_factory=dict)  # lang -> base -> change

    def change(self, lang: str, base: str) -> PageChange | None:
        """The change of one page in one language, or None."""
        return self.pages.get(lang, {}).get(base)

    def bases(self) -> set[str]:
        """Every page changed, added or removed in any language."""
        return {base for by_base in self.pages.values() for base in by_base}


# -- sections -------------------------------------------------------------------------------
def sections(body: str) -> list[tuple[str, str]]:
    """The body's sections as (heading, normalised text); the opening has the heading ``""``."""
    found: list[tuple[str, list[str]]] = [("", [])]
    fenced = False
    for line in body.replace("\r\n", "\n").split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match:
            found.append((match.group("title").strip(), []))
        else:
            found[-1][1].append(line.rstrip())
    return [(heading, "\n".join(lines).strip()) for heading, lines in found
            if heading or "\n".join(lines).strip()]


def _keyed(items: list[tuple[str, str]]) -> dict[tuple[str, int], str]:
    """Sections keyed by (heading, occurrence), so repeated headings stay apart."""
    seen: dict[str, int] = {}
    keyed = {}
    for heading, text in items:
        seen[heading] = seen.get(heading, 0) + 1
        keyed[(heading, seen[heading])] = text
    return keyed


def diff_sections(old_body: str, new_body: str) -> tuple[list[str], list[str], list[str]]:
    """Headings of the sections changed, added and removed between two bodies (in page order)."""
    old, new = _keyed(sections(old_body)), _keyed(sections(new_body))
    changed = [key[0] for key, text in new.items() if key in old and old[key] != text]
    added = [key[0] for key in new if key not in old]
    removed = [key[0] for key in old if key not in new]
    return changed, added, removed


def title_of(text: str) -> str:
    """The page's first-level heading, or ``""``."""
    match = _H1.search(translations.body_of(text))
    return match.group("title").strip() if match else ""


def _normalised(text: str) -> str:
    """A page's body as compared: no front matter, no trailing spaces, no final blank lines."""
    return "\n".join(line.rstrip() for line in translations.body_of(text).replace("\r\n", "\n").split("\n")).strip()


def diff_pages(old: dict[str, str], new: dict[str, str]) -> dict[str, dict[str, PageChange]]:
    """Compare two sets of pages (docs-relative path -> text); changes by language and base."""
    result: dict[str, dict[str, PageChange]] = {}
    for path in sorted(set(old) | set(new)):
        lang, base = language_of(path)
        if base == CHANGES_PAGE:
            continue  # the generated page itself
        before, after = old.get(path), new.get(path)
        if before is None:
            change = PageChange(base, lang, ADDED, title_of(after))
        elif after is None:
            change = PageChange(base, lang, REMOVED, title_of(before))
        elif _normalised(before) != _normalised(after):
            changed, added, removed = diff_sections(translations.body_of(before), translations.body_of(after))
            change = PageChange(base, lang, CHANGED, title_of(after), changed, added, removed)
        else:
            continue
        result.setdefault(lang, {})[base] = change
    return result


# -- git --------------------------------------------------------------------------------------
def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    """Run git, returning its output (raises CalledProcessError or OSError)."""
    return subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=True).stdout


def repository_of(docs_dir: str | Path) -> tuple[Path, str] | None:
    """The git work tree holding ``docs_dir``, and the docs folder's path inside it; None without git."""
    try:
        top, prefix = _git(["rev-parse", "--show-toplevel", "--show-prefix"], Path(docs_dir)).decode().splitlines()
    except (OSError, subprocess.CalledProcessError, ValueError):
        return None
    return Path(top), prefix


def releases(repo: Path, registry: Registry) -> list[Release]:
    """The released cycles (annotated tags named after a registry cycle), newest cycle first."""
    try:
        output = _git(["for-each-ref", "--format=%(refname:short)%00%(*objectname)%00%(objectname)%00"
                       "%(creatordate:iso-strict)", "refs/tags"], repo).decode()
    except (OSError, subprocess.CalledProcessError):
        return []
    found = []
    for line in output.splitlines():
        name, peeled, target, date = line.split("\x00")
        if name in registry.cycles:
            found.append(Release(name, peeled or target, dt.datetime.fromisoformat(date)))
    return sorted(found, key=lambda r: registry.cycles[r.cycle].number, reverse=True)


def tree_texts(repo: Path, revision: str, folder: str) -> dict[str, str]:
    """Every Markdown file under ``folder`` at ``revision``, by path relative to ``folder``."""
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", revision, "--", folder], repo).decode()
    blobs = {}
    for item in listing.split("\x00"):
        if not item:
            continue
        info, path = item.split("\t", 1)
        if path.endswith(".md") and info.split()[1] == "blob":
            blobs[path[len(folder):]] = info.split()[2]
    if not blobs:
        return {}
    output = _git(["cat-file", "--batch"], repo, stdin="".join(f"{b}\n" for b in blobs.values()).encode())
    texts, offset = {}, 0
    for path in blobs:
        header_end = output.index(b"\n", offset)
        size = int(output[offset:header_end].split()[2])
        start = header_end + 1
        texts[path] = output[start:start + size].decode("utf-8")
        offset = start + size + 1  # the newline after each object
    return texts


def ensure_tag(repo: Path, cycle_id: str, message: str) -> str:
    """Tag HEAD as the release of ``cycle_id`` (annotated); keep an existing tag on HEAD.

    Returns ``created`` or ``kept``; raises ValueError when the tag points elsewhere.
    """
    head = _git(["rev-parse", "HEAD"], repo).decode().strip()
    try:
        tagged = _git(["rev-parse", "--verify", "--quiet", f"refs/tags/{cycle_id}^{{commit}}"], repo).decode().strip()
    except subprocess.CalledProcessError:
        tagged = ""
    if tagged == head:
        return "kept"
    if tagged:
        raise ValueError(f"tag '{cycle_id}' already marks commit {tagged[:12]}, not HEAD ({head[:12]}) — "
                         f"check out {cycle_id} to rebuild that edition, or delete the tag "
                         f"(git tag -d {cycle_id}) to release this commit as {cycle_id}")
    try:
        _git(["tag", "--annotate", cycle_id, "--message", message, "HEAD"], repo)
    except subprocess.CalledProcessError as error:
        raise RuntimeError(f"git could not tag HEAD as {cycle_id}: {error.stderr.decode().strip()} — "
                           "set user.name and user.email (git config) and release again") from error
    return "created"


def edition_changes(docs_dir: str | Path, model: SiteModel, registry: Registry, cycle_id: str) -> EditionChanges:
    """The changes of edition ``cycle_id``: the pages read now against the previous release."""
    result = EditionChanges(cycle_id)
    located = repository_of(docs_dir)
    if located is None:
        log.info("changes: %s is not in a git repository; the edition lists no changes", docs_dir)
        return result
    repo, folder = located
    number = registry.cycles[cycle_id].number
    result.releases = [r for r in releases(repo, registry) if registry.cycles[r.cycle].number <= number]
    earlier = [r for r in result.releases if registry.cycles[r.cycle].number < number]
    if not earlier:
        return result
    result.previous = earlier[0]
    old = tree_texts(repo, result.previous.commit, folder)
    new = {page.path: page.text for by_base in model.pages.values() for page in by_base.values()}
    result.pages = diff_pages(old, new)
    return result


# -- views ------------------------------------------------------------------------------------
def _summary(change: PageChange, t: dict) -> str:
    """A one-line count, e.g. ``3 sections changed, 2 added`` (the noun only in the first part)."""
    parts = []
    for count, key in ((len(change.changed), "changed"), (len(change.added), "added"),
                       (len(change.removed), "removed")):
        if not count:
            continue
        if parts:
            parts.append(t[f"changes_more_{key}"].format(n=count))
        else:
            parts.append(t[f"changes_sections_{key}" + ("_one" if count == 1 else "")].format(n=count))
    if not parts:
        return t["changes_wording_only"]
    return t["changes_list_separator"].join(parts)


def _group_of(base: str, registry: Registry) -> tuple[int, str]:
    """Where a page is listed: (order, group key): a phase, the articles, or other pages."""
    folder = base.split("/", 1)[0] if "/" in base else ""
    for index, phase in enumerate(registry.phases.values()):
        if folder == phase.dir:
            return index, phase.id
    if folder == "articles":
        return len(registry.phases), "articles"
    return len(registry.phases) + 1, "other"


def _is_behind(model: SiteModel, base: str, lang: str) -> bool:
    """Whether the translation (``lang``) of the English page ``base`` has not caught up."""
    english = model.page("en", base)
    if english is None:
        return False
    for other in model.pages:
        if other != "en" and translations.status(english, model.page(other, base)) != translations.CURRENT:
            return True
    return False


def changes_view(edition: EditionChanges, model: SiteModel, registry: Registry, lang: str, link) -> dict:
    """For the "What changed" page: changed pages in ``lang`` grouped by phase, in reading order."""
    t = registry.strings(lang)
    previous = registry.cycles[edition.previous.cycle].label(lang) if edition.previous else None
    groups: dict[tuple[int, str], list[dict]] = {}
    for base in edition.bases():
        own = edition.change(lang, base)
        english = edition.change("en", base)
        shown = own or english
        page = model.page(lang, base) or model.page("en", base)
        behind = shown.kind != REMOVED and english is not None and english.kind != REMOVED and _is_behind(model, base, lang)
        entry = {"base": base, "title": (page.h1 if page else "") or shown.title or base,
                 "url": link(base) if page else None, "kind": shown.kind,
                 "own": own is not None,  # this language's text changed
                 "changed": own.changed if own else [], "added": own.added if own else [],
                 "removed": own.removed if own else [],
                 "summary": _summary(own, t) if own and own.kind == CHANGED else "",
                 "english_summary": _summary(english, t) if english and english.kind == CHANGED and own is None else "",
                 "behind": behind}
        groups.setdefault(_group_of(base, registry), []).append(entry)
    order = {path: index for index, path in enumerate(reading_order(registry))}
    shown_groups = []
    for (_, key), entries in sorted(groups.items()):
        entries.sort(key=lambda e: (order.get(e["base"], len(order)), e["base"]))
        label = (registry.phases[key].label(lang) if key in registry.phases
                 else t["changes_group_articles"] if key == "articles" else t["changes_group_other"])
        shown_groups.append({"label": label, "pages": entries})
    return {"cycle": registry.cycles[edition.cycle].label(lang), "previous": previous,
            "previous_date": edition.previous.date.date().isoformat() if edition.previous else None,
            "groups": shown_groups, "count": sum(len(g["pages"]) for g in shown_groups)}


def reading_order(registry: Registry) -> list[str]:
    """English base paths in the order of the navigation: phases with their topics, then articles."""
    paths = []
    for phase in registry.phases.values():
        paths.append(phase.overview_path)
        paths.extend(phase.topic_path(topic) for topic in phase.topics)
    paths.extend(f"articles/{article.slug}.md" for article in registry.articles.values())
    return paths


def _atom_time(value: dt.datetime | dt.date) -> str:
    """RFC 3339 time for Atom (dates become midnight UTC)."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.isoformat()


def feed_view(edition: EditionChanges, model: SiteModel, registry: Registry, lang: str, root_url: str,
              edition_url: str, urls: dict[str, str], dated, built: dt.date) -> dict:
    """For the Atom feed of ``lang``: one entry per released cycle and per page changed since.

    ``root_url`` is the site root (where the versions live), ``edition_url`` this build's root,
    ``urls`` each page's URL by English base path, ``dated(base)`` a page's last-updated date.
    """
    t = registry.strings(lang)
    prefix = "" if lang == "en" else f"{lang}/"
    entries = []
    for release in edition.releases:
        cycle = registry.cycles[release.cycle]
        url = f"{root_url.rstrip('/')}/{release.cycle}/{prefix}"
        entries.append({"id": f"{url}#edition", "url": url, "title": t["feed_release_title"].format(edition=cycle.label(lang)),
                        "updated": _atom_time(release.date),
                        "summary": t["feed_release_summary"].format(edition=cycle.label(lang))})
    view = changes_view(edition, model, registry, lang, lambda base: urls.get(base))
    for group in view["groups"]:
        for page in group["pages"]:
            if page["kind"] == REMOVED or not page["url"]:
                continue
            url = edition_url + page["url"]
            entries.append(dict(_feed_entry(page, t, lang), id=f"{url}#{edition.cycle}", url=url,
                                updated=_atom_time(dated(page["base"]))))
    updated = max((e["updated"] for e in entries), default=_atom_time(built))
    # The feed's own address and id do not name a cycle: mike copies this file to `latest/`
    # too, and a subscriber must not stay on this cycle once the next one is released.
    stable = _stable_root(root_url, edition_url) + prefix
    return {"title": t["feed_title"], "id": stable + "feed.xml", "self": stable + "feed.xml",
            "home": stable, "updated": updated, "lang": lang, "author": t.get("feed_author") or t["feed_title"],
            "entries": sorted(entries, key=lambda e: e["updated"], reverse=True)}


LATEST = "latest"  # mike's alias of the newest cycle (see release.py)


def _stable_root(root_url: str, edition_url: str) -> str:
    """The root that stays across editions: ``latest/`` on the versioned site, else the edition's root."""
    root = root_url if root_url.endswith("/") else root_url + "/"
    return f"{root}{LATEST}/" if root_url and edition_url != root else edition_url


def _feed_entry(page: dict, t: dict, lang: str) -> dict:
    """Title and summary of a changed page's entry. A translation whose own text did not change
    says so (it does not claim that its sections changed) and that it is behind."""
    kind = t["changes_kind_" + page["kind"]]
    behind = page["behind"] and lang != "en"
    if page["own"] or not (page["english_summary"] or behind):
        parts = [page["summary"] or kind] + ([t["feed_translation_behind"]] if behind else [])
        title = t["feed_page_title"].format(title=page["title"], kind=kind)
    else:  # only the English text changed: this language's page is as it was
        parts = [t["changes_english_only"].format(summary=page["english_summary"] or kind)]
        parts += [t["feed_translation_behind"]] if behind else []
        title = t["feed_page_title"].format(title=page["title"], kind=t["feed_kind_english_only"])
    end = t["feed_sentence_end"]
    return {"title": title, "summary": end.join(parts) + end.strip()}


def edition_url(root_url: str, cycle_id: str, versioned: bool) -> str:
    """Absolute URL of this build's root: the cycle's version under the site root, or the root."""
    root = root_url if root_url.endswith("/") else root_url + "/"
    return f"{root}{cycle_id}/" if versioned else root


def write_feed(site_dir: str | Path, lang: str, feed: str) -> Path:
    """Write a language's feed: ``feed.xml`` at its language root."""
    target = Path(site_dir) / ("" if lang == "en" else lang) / "feed.xml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(feed, encoding="utf-8")
    return target
