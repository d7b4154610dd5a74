"""Where the site and its repository live: from configuration, never a made-up value.

- The site's address is ``site_url``, set by the host with ``ATT_SITE_URL`` (mkdocs.yml reads
  it with ``!ENV``). When it is not set, nothing on a page pretends to be an address: "Cite this
  page" gives the page's path, feeds use relative links and ``urn:`` ids, the PDF cover names
  no online edition, and no sitemap is written (a sitemap needs absolute addresses).
- The repository is ``repo_url``: ``ATT_REPO_URL``, else the ``origin`` remote of the git
  checkout when it names a GitHub or GitLab repository (``https://…``, ``git@host:…`` or
  ``ssh://…`` forms, turned into the ``https://`` address; credentials are never kept).
  Without one there is no header repository link, no edit link and no issue-form link.
- :func:`placeholder` names addresses that must never be published (example.org/.com/.net,
  localhost, the ``att-guidance`` drafting placeholders); ``make release`` refuses them
  (:func:`release_problems`) unless told to publish without absolute addresses.

Only :func:`settle` touches the MkDocs configuration (from the hook's ``on_config``).
"""

from __future__ import annotations

import ipaddress
import os
import posixpath
import re
import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlsplit

SITE_VARIABLE = "ATT_SITE_URL"
REPO_VARIABLE = "ATT_REPO_URL"
BRANCH_VARIABLE = "ATT_REPO_BRANCH"  # the branch edit links open (default: main)
DEFAULT_BRANCH = "main"

_PLACEHOLDER_DOMAINS = ("example.org", "example.com", "example.net", "example", "test", "invalid", "localhost")
_PLACEHOLDER_REPOS = ("github.com/att-guidance/att-guidance",)
_SCP = re.compile(r"^(?:[\w.-]+@)?(?P<host>[\w.-]+):(?P<path>(?!/)[^\s]+)$")  # git@github.com:owner/repo.git


def _service(host: str) -> str | None:
    """'GitHub' or 'GitLab' for the hosts whose repositories and forms the site links to."""
    host = host.lower()
    if host == "github.com":
        return "GitHub"
    if host == "gitlab.com" or host.startswith("gitlab."):
        return "GitLab"
    return None


def repository_from_remote(remote: str | None) -> str | None:
    """The ``https://`` address of the repository a git remote names, or None.

    Only GitHub and GitLab repositories (``owner/name``, GitLab also ``group/sub/name``);
    local paths, ``file://`` remotes and other hosts give None. User names, passwords and
    tokens in the remote are dropped.
    """
    remote = (remote or "").strip()
    if not remote:
        return None
    match = _SCP.match(remote) if "://" not in remote else None
    if match:
        host, path = match.group("host"), match.group("path")
    else:
        parts = urlsplit(remote)
        if parts.scheme not in ("https", "http", "ssh", "git+ssh"):
            return None
        host, path = parts.hostname or "", parts.path
    if not _service(host):
        return None
    path = path.strip("/")
    if path.endswith(".git"):
        path = path[:-4]
    segments = [s for s in path.split("/") if s]
    if len(segments) < 2 or any(s in (".", "..") for s in segments):
        return None
    if _service(host) == "GitHub" and len(segments) != 2:
        return None
    return f"https://{host.lower()}/{'/'.join(segments)}"


def git_remote(project: str | Path) -> str | None:
    """The ``origin`` remote of the checkout at ``project`` (None when there is none)."""
    try:
        result = subprocess.run(["git", "remote", "get-url", "origin"], cwd=project, capture_output=True,
                                text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def placeholder(url: str | None) -> str | None:
    """Why ``url`` is a placeholder that must not be published, or None when it is not one."""
    if not url:
        return None
    parts = urlsplit(url if "://" in url else "//" + url)
    host = (parts.hostname or "").lower().rstrip(".")
    for domain in _PLACEHOLDER_DOMAINS:
        if host == domain or host.endswith("." + domain):
            return f"'{host}' is a reserved example or local host name"
    try:
        if ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_unspecified:
            return f"'{host}' is this machine's own address"
    except ValueError:
        pass
    if f"{host}{parts.path}".rstrip("/").removesuffix(".git") in _PLACEHOLDER_REPOS:
        return "it is the address the project was drafted with; nobody verified it"
    return None


def repository(config_repo: str | None, project: str | Path, environ=os.environ) -> dict | None:
    """The repository the site links to: its address, name, edit base and issue form, or None."""
    url = (config_repo or "").strip() or repository_from_remote(git_remote(project))
    if not url:
        return None
    url = url.rstrip("/")
    parts = urlsplit(url)
    service = _service(parts.hostname or "")
    branch = environ.get(BRANCH_VARIABLE) or DEFAULT_BRANCH
    name = "/".join(parts.path.strip("/").split("/")[-2:])
    if service == "GitLab":
        edit, issues = f"-/edit/{branch}/docs/", f"{url}/-/issues/new"
    elif service == "GitHub":
        edit, issues = f"edit/{branch}/docs/", f"{url}/issues/new/choose"
    else:  # a repository elsewhere: linked, but no edit or issue addresses are guessed
        edit, issues = None, None
    return {"url": url, "name": name or parts.hostname, "service": service, "edit_uri": edit,
            "issues": issues}


def settle(config) -> dict | None:
    """Fill ``repo_url``, ``repo_name`` and ``edit_uri`` from :func:`repository` (or clear them);
    turn an empty ``site_url`` into None. Returns the repository (None without one)."""
    if not (config.site_url or "").strip():
        config.site_url = None
    project = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
    repo = repository(config.repo_url, project)
    config.repo_url = repo["url"] if repo else None
    config.repo_name = repo["name"] if repo else None
    config.edit_uri = repo["edit_uri"] if repo else None
    config.edit_uri_template = None
    return repo


# -- addresses on pages ------------------------------------------------------------------------
def page_path(page_url: str, use_directory_urls: bool = True) -> str:
    """The directory-URL path of a page (an offline build's ``x/y.html`` becomes ``x/y/``)."""
    path = page_url or ""
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")] + "/"
    return path


def cite(root_url: str | None, cycle_id: str, fixed_edition: bool, page_url: str) -> dict:
    """The address "Cite this page" gives: absolute when the site's address is configured,
    else the page's path inside the site (``url`` None).

    ``root_url`` is the site's address before mike adds the version; ``fixed_edition`` is true
    for a mike version or an offline bundle, whose stable address is inside the cycle's version.
    """
    path = (f"{cycle_id}/" if fixed_edition else "") + page_path(page_url)
    if root_url:
        url = (root_url if root_url.endswith("/") else root_url + "/") + path
        return {"url": url, "text": url}
    return {"url": None, "text": "/" + path}


def release_problems(site_url: str | None, repo_url: str | None, allow_relative: bool) -> list[str]:
    """Why a release may not be published with these addresses (empty: it may)."""
    problems = []
    reason = placeholder(site_url)
    if reason and not allow_relative:
        problems.append(f"the site address '{site_url}' is a placeholder ({reason}) — set {SITE_VARIABLE} to the "
                        f"address the site is published at, or pass ALLOW_RELATIVE=1 to publish without "
                        f"absolute addresses")
    elif not site_url and not allow_relative:
        problems.append(f"no site address is set — set {SITE_VARIABLE}=https://… (the address the site is "
                        f"published at), or pass ALLOW_RELATIVE=1 to publish without absolute addresses")
    reason = placeholder(repo_url)
    if reason:
        problems.append(f"the repository address '{repo_url}' is a placeholder ({reason}) — set {REPO_VARIABLE} "
                        f"to the real repository, or leave it unset (no edit or issue links are shown)")
    return problems


def _relative(url: str, base_dir: str) -> str:
    """``url`` (a path from the site root) relative to the folder ``base_dir``."""
    path, hash_, fragment = url.partition("#")
    rel = posixpath.relpath(path or "/", base_dir)
    rel = "./" if rel == "." else rel + ("/" if path.endswith("/") and rel != "." else "")
    return rel + hash_ + fragment


def relative_feed(view: dict) -> dict:
    """A feed built without a site address (:func:`attguide.changes.feed_view` with an empty
    root gives paths from the site root): links relative to the feed itself, which feed
    readers resolve against the feed's own address, and ids as ``urn:uuid:`` names (Atom ids
    must be absolute; these name the entries without pretending to be an address)."""
    base_dir = posixpath.dirname(view["self"]) or "/"

    def name(value: str) -> str:
        return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "att-guidance-feed:" + value))

    entries = [dict(e, id=name(e["id"]), url=_relative(e["url"], base_dir)) for e in view["entries"]]
    return dict(view, id=name(view["id"]), self=_relative(view["self"], base_dir),
                home=_relative(view["home"], base_dir), entries=entries)


def error_page_base(cycle_id: str) -> str:
    """Where a mike version's 404 page finds its files when no site address is set.

    MkDocs gives error pages absolute paths from ``site_url`` (a static host serves them at
    any depth) and falls back to ``/`` without one, which misses the version's folder. This
    assumes, as MkDocs does, that the site is served from the root of its host; a site served
    under a sub-path sets ``ATT_SITE_URL``.
    """
    return f"/{cycle_id}/"
