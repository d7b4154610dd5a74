"""``make check-sources``: are the external addresses still answering?

Checks each address recorded in ``sources.yml`` and each link to another website written in
the pages, with a HEAD request (a short GET when the server refuses HEAD). Without a network
it says so plainly and checks nothing: it never passes an address it could not reach, and
never fails because the machine is offline. Not part of ``make test``: the result depends
on other people's servers.
"""

from __future__ import annotations

import logging
import re
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

log = logging.getLogger("mkdocs.plugins.attguide.linkcheck")

# No address in it: the project has none of its own until a host configures one (siteaddress).
USER_AGENT = "att-guidance-link-check/1"
_MD_LINK = re.compile(r"\]\((https?://[^)\s]+)")
_HTML_LINK = re.compile(r"href=\"(https?://[^\"]+)\"")
_FRONT_LINK = re.compile(r"^link:\s*(https?://\S+)", re.MULTILINE)


@dataclass(frozen=True)
class Address:
    """An external address and where it is written."""

    url: str
    where: str  # path:line


@dataclass(frozen=True)
class Result:
    """The answer for one address."""

    address: Address
    ok: bool
    detail: str


def addresses(sources: dict, sources_path: str, docs_dir: Path) -> list[Address]:
    """Every external address: sources.yml entries, then links written in the pages."""
    found = [Address(s.url, f"{sources_path}:{s.line}") for s in sources.values() if s.url]
    for path in sorted(Path(docs_dir).rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        for pattern in (_MD_LINK, _HTML_LINK, _FRONT_LINK):
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(Address(match.group(1), f"{path.as_posix()}:{line}"))
    return found


def network_available(hosts: list[str], timeout: float = 5.0) -> bool:
    """Whether any of ``hosts`` resolves and accepts a connection on port 443."""
    for host in hosts:
        try:
            with socket.create_connection((host, 443), timeout=timeout):
                return True
        except OSError:
            continue
    return False


def check(address: Address, timeout: float = 15.0) -> Result:
    """HEAD the address (GET the first bytes when HEAD is refused); 2xx/3xx is fine."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(address.url, method=method,
                                         headers={"User-Agent": USER_AGENT, "Range": "bytes=0-1023"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return Result(address, True, f"{response.status} ({method})")
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (400, 403, 405, 406, 501):
                continue
            return Result(address, False, f"HTTP {error.code} {error.reason} ({method})")
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            return Result(address, False, f"unreachable ({reason})")
    return Result(address, False, "no answer")


def run(sources: dict, sources_path: str, docs_dir: Path, say, probe=network_available,
        checker=check) -> int:
    """Check every address; 0 when all answer or when there is no network, 1 when one fails."""
    found = addresses(sources, sources_path, docs_dir)
    unique: dict[str, list[Address]] = {}
    for address in found:
        unique.setdefault(address.url, []).append(address)
    hosts = sorted({urlsplit(url).hostname for url in unique if urlsplit(url).hostname})
    say(f"{len(unique)} external addresses ({len(found)} mentions) on {len(hosts)} sites")
    if not probe(hosts):
        say("NO NETWORK: none of these sites could be reached from this machine, so no address "
            "was checked. Run `make check-sources` again where there is internet access.")
        return 0
    failed = 0
    for url, places in unique.items():
        result = checker(places[0])
        if result.ok:
            say(f"ok      {url}  {result.detail}")
        else:
            failed += 1
            for place in places:
                say(f"{place.where}: {url} does not answer: {result.detail} — "
                    "check the address in a browser and correct or remove it")
    say(f"{len(unique) - failed} of {len(unique)} addresses answer")
    return 1 if failed else 0
