"""One door out: the final HTML of every page, read as a browser reads it, against allow-lists.

Runs on what MkDocs is about to write (``on_post_page``): theme templates, page content and
every generated view. The parser is lexbor (selectolax), a WHATWG HTML5 parser: comments,
raw-text elements, unterminated tags and foreign content (SVG) are read as a browser reads
them. What may appear is listed in :mod:`attguide.check.htmlallow`.

A finding in the content is placed on the source line where its text is found (else the
page); an unsafe page is not written (an empty page stands in) and the build fails once.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import html
import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from . import htmlallow as allow
from . import htmltheme
from ..theme.pagehead import CSP_PENDING, csp_hash, policy

CONTENT_CLASS = "md-content__inner"
# What a browser ignores inside a URL's scheme: whitespace, control and invisible characters.
_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\s]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_URL_FUNCTION = re.compile(r"url\s*\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_BASE = re.compile(r'new URL\("[^"]*",location\)|c\.base = "[^"]*"')
WITHHELD = "<!doctype html><title>-</title><p>This page was withheld: the build found unsafe HTML in it.</p>\n"


@dataclass
class Finding:
    """What is wrong, what would be right, texts to find in the source, and where it was."""

    message: str
    hint: str
    needles: list[str]
    in_content: bool


@dataclass
class Report:
    """The findings of one page and the hashes of its (allowed) inline scripts."""

    findings: list[Finding] = field(default_factory=list)
    script_hashes: list[str] = field(default_factory=list)


def normalize(url: str) -> str:
    """A URL as a browser reads it: entities decoded, invisible characters gone, ``\\`` as ``/``, lowercase."""
    return _IGNORED.sub("", html.unescape(url)).replace("\\", "/").lower()


def script_key(text: str) -> str:
    """sha256 of an inline script with its page-relative base URL replaced (one key per script)."""
    return hashlib.sha256(_BASE.sub("BASE", text).encode("utf-8")).hexdigest()


@functools.lru_cache(maxsize=1024)
def _inline_script(text: str) -> tuple[str, str]:
    """(:func:`script_key`, CSP hash) of an inline script: kept, since the theme's few scripts come
    back on every page (a pure function of the text, so nothing to reset between builds)."""
    return script_key(text), csp_hash(text)


def _urls(name: str, value: str) -> list[str]:
    """The URLs an attribute value holds (several in ``srcset`` and ``ping``)."""
    if name in ("srcset", "imagesrcset"):
        return [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
    if name in ("ping", "archive"):
        return value.replace(",", " ").split()
    return [value]


def _remote(seen: str) -> bool:
    """True for a URL that names another site: a scheme, or ``//`` (also written with ``\\``)."""
    return bool(_SCHEME.match(seen)) or seen.startswith("//")


def _text(node) -> str:
    """Text of a link: its text, its label, or the alt text of an image in it."""
    text = (node.text(deep=True) or "").strip()
    if text:
        return text
    label = (node.attributes.get("aria-label") or node.attributes.get("title") or "").strip()
    if label:
        return label
    return "".join((img.attributes.get("alt") or "").strip() for img in node.css("img"))


class _Gate:
    """Walks one parsed page and collects findings."""

    def __init__(self, tool_token: str = ""):
        """An empty report; ``tool_token``: this build's mark of a tool's own form (or none)."""
        self.report = Report()
        self.tool_token = tool_token

    def in_tool(self, node) -> bool:
        """Is ``node`` inside a tool's form built from our template (marked with this build's token)?"""
        while self.tool_token and node is not None:
            if (node.attributes.get("data-att-tool") or "") == self.tool_token:
                return True
            node = node.parent
        return False

    def add(self, content: bool, message: str, hint: str, *needles: str) -> None:
        """Record a finding."""
        self.report.findings.append(Finding(message, hint, [n for n in needles if n], content))

    def walk(self, node, content: bool, seen: set) -> None:
        """Check ``node`` and every element under it; add their ids to ``seen``."""
        for element in node.traverse(include_text=False):
            seen.add(element.mem_id)
            tag = element.tag
            if tag[0] != "-":  # not a comment or doctype
                self.element(element, tag, content)

    def element(self, node, tag: str, content: bool) -> None:
        """Every rule for one element."""
        attrs = node.attributes
        if content and not attrs and tag in allow.PLAIN_CONTENT_ELEMENTS:
            return  # an allowed element with no attribute: no rule applies (most of a page's text)
        if tag == "script" and not content:
            self.script(node, attrs)
            return
        if tag in allow.FORBIDDEN:
            self.add(content, allow.FORBIDDEN[tag], "remove it: pages carry no scripts, styles, frames or objects",
                     f"<{tag}")
            return
        tool = content and tag in allow.TOOL_ELEMENTS and self.in_tool(node)
        if not tool and tag not in (allow.CONTENT_ELEMENTS if content else allow.THEME_ELEMENTS):
            self.add(content, f"the element <{tag}> is not allowed",
                     "use Markdown, or the HTML elements listed in hooks/attguide/htmlallow.py", f"<{tag}")
            return
        for name, value in attrs.items():
            self.attribute(node, tag, name.lower(), value or "", content, tool)
        if tag == "meta" and "http-equiv" in attrs:
            if (attrs.get("http-equiv") or "").strip().lower() not in allow.META_HTTP_EQUIV or content:
                self.add(content, "a <meta http-equiv> element is not allowed", "remove it", "http-equiv", "<meta")
        if tag == "link" and not content:
            rels = set((attrs.get("rel") or "").lower().split())
            if rels & allow.LINK_LOADS and _remote(normalize(attrs.get("href") or "")):
                self.add(content, "a stylesheet or icon from another site is not allowed",
                         "serve it from the site itself", attrs.get("href") or "")
        if content and tag == "a" and "href" in attrs and not _text(node):
            self.add(content, f"a link with no text ({attrs.get('href')})",
                     "give the link a text: [text](target), or [](art:…) for a resolved reference",
                     f"({attrs.get('href')})", attrs.get("href") or "")
        kind = (attrs.get("type") or "").lower()
        if content and tag == "input" and kind not in (allow.TOOL_INPUT_TYPES if tool else allow.INPUT_TYPES):
            self.add(content, "a form field is not allowed", "remove it", "<input")
        if tool and tag == "button" and kind not in allow.TOOL_BUTTON_TYPES:
            self.add(content, "a button that submits is not allowed", 'write type="button"', "<button")

    def script(self, node, attrs) -> None:
        """A theme script: local, data, or an inline script on the allow-list."""
        if "src" in attrs:
            if _remote(normalize(attrs.get("src") or "")):
                self.add(False, "a script from another site is not allowed", "serve it from the site itself",
                         attrs.get("src") or "")
            return
        if (attrs.get("type") or "").strip().lower() in allow.DATA_SCRIPT_TYPES:
            return
        text = node.text(deep=True) or ""
        key, hashed = _inline_script(text)
        if key not in allow.THEME_SCRIPTS:
            self.add(False, f"an inline script that is not the theme's (sha256 {key})",
                     "if a theme upgrade or an edited overrides/ template added it, review it and add the hash "
                     "to THEME_SCRIPTS in hooks/attguide/htmlallow.py", text[:40])
        else:
            self.report.script_hashes.append(hashed)

    def attribute(self, node, tag: str, name: str, value: str, content: bool, tool: bool = False) -> None:
        """One attribute of an element."""
        if name.startswith("on"):
            self.add(content, f"an inline event handler ({name}=) is not allowed", "remove the attribute",
                     name + "=", name, value)
            return
        if name == "style":
            if not (content and tag in ("td", "th") and value.strip() in allow.TABLE_ALIGN_STYLE):
                self.add(content, "a style attribute is not allowed",
                         "use a class; styles belong in overrides/assets/att.css", "style=", value)
            return
        if content and name == "id" and value.startswith("__"):
            self.add(content, f"the id '{value}' is reserved for the theme (its scripts look it up)",
                     "choose an id that does not start with __", value)
            return
        tool_allows = tool and name in allow.TOOL_ATTRIBUTES.get(tag, ())
        if content and not self.allowed_in_content(tag, name) and not tool_allows:
            hint = ("data-md-* attributes drive the theme's scripts" if name.startswith("data-md-")
                    else "remove it, or use Markdown")
            self.add(content, f"the attribute {name}= is not allowed on <{tag}>", hint, name + "=", name)
            return
        if "(" in value and "url(" in value.lower().replace(" ", ""):  # the parser decoded entities
            for target in _URL_FUNCTION.findall(value):
                if not target.startswith("#"):
                    self.add(content, f"a url() in {name}= that loads from outside the page is not allowed",
                             "use a class and a local file", value)
        if name in allow.URL_ATTRIBUTES:
            embeds = name in allow.EMBEDDING or (name in ("href", "xlink:href") and tag in allow.SVG_LOADING)
            for url in _urls(name, value):
                self.url(tag, name, url, embeds, content)

    @staticmethod
    def allowed_in_content(tag: str, name: str) -> bool:
        """Is attribute ``name`` on a content element ``tag`` on the allow-list?"""
        if name.startswith("data-"):
            return not name.startswith("data-md-")
        if name.startswith("aria-") or name in allow.GLOBAL_ATTRIBUTES:
            return True
        if tag in allow.SVG_ELEMENTS:
            return name in allow.SVG_ATTRIBUTES
        return name in allow.CONTENT_ATTRIBUTES.get(tag, ())

    def url(self, tag: str, name: str, url: str, embeds: bool, content: bool) -> None:
        """One URL: a known scheme; nothing embedded from another site."""
        seen = normalize(url)
        scheme = _SCHEME.match(seen)
        scheme = scheme.group(1) if scheme else ""
        where = f"{name}= of <{tag}>"
        if scheme in allow.REFERENCE_SCHEMES and name == "href":
            self.add(content, f"the reference '{url}' was not resolved",
                     "write it as [text](art:…), [](phase:…) or [](topic:…) outside code and HTML", url)
        elif scheme in ("javascript", "vbscript", "data"):
            self.add(content, f"a {scheme}: URL is not allowed (in {where})",
                     "link to a page or a web address instead; put images in docs/assets/",
                     url, url.split(":", 1)[-1][:40])
        elif scheme and scheme not in allow.LINK_SCHEMES:
            close = difflib.get_close_matches(scheme, allow.REFERENCE_SCHEMES + allow.LINK_SCHEMES, 1, 0.5)
            hint = (f"did you mean {close[0]}:?" if close else
                    "use a relative link, http(s):, mailto:, or art:, phase:, topic:, src:")
            self.add(content, f"unknown link scheme '{scheme}:'", hint, url, f"{scheme}:")
        elif embeds and _remote(seen):
            self.add(content, f"an embedded resource from another site is not allowed ({where})",
                     "copy the file into docs/assets/ and use a relative path", url)


def check(page_html: str, tool_token: str = "", marked: bool = False) -> Report:
    """Every finding of a final page (and the CSP hashes of its theme scripts). ``marked``: the
    page's text carries this build's end mark, which must sit inside the one content region."""
    gate = _Gate(tool_token)
    tree = LexborHTMLParser(page_html)
    content_ids: set = set()
    regions = [article for article in tree.css(f"article.{CONTENT_CLASS}") if not htmltheme.in_content(article)]
    for article in regions:
        gate.walk(article, True, content_ids)
    if marked:
        ends = tree.css(f'span[data-att-end="{tool_token}"]')
        if len(regions) != 1 or len(ends) != 1 or not htmltheme.contained(ends[0], regions[0]):
            gate.add(True, "the page's HTML leaves the region of its text (an end tag such as </div> or "
                     "</article> with no start tag in the page, or an element left open, such as <textarea> or "
                     "<!--, that swallows what follows)", "close each HTML element you open, and only those",
                     "</article", "</div", "</main", "<article", "<textarea", "<title", "<xmp", "<!--")
    htmltheme.check(gate, tree, content_ids)
    return gate.report


def line_in(source: str, needles: list[str], default: int) -> int:
    """Line of the first of ``needles`` found in ``source`` (case-insensitive), else ``default``."""
    lowered = source.lower()
    for needle in needles:
        found = lowered.find(needle.lower())
        if found != -1:
            return source.count("\n", 0, found) + 1
    return default


def guard(output: str, source_text: str, shown: str, first_line: int, problems, tool_token: str = "",
          marked: bool = False) -> str:
    """The page as it may be written: checked, its policy filled in; withheld if anything is unsafe.
    The build's tool token and the end mark are taken out of the page (builds stay reproducible)."""
    report = check(output, tool_token, marked)
    for finding in report.findings:
        line = line_in(source_text, finding.needles, first_line if finding.in_content else 1)
        message = finding.message if finding.in_content else (
            f"{finding.message} (outside the page's text: in its front matter, a data file or a template)")
        problems.add(shown, line, message, finding.hint)
    if report.findings:
        return WITHHELD
    if tool_token:
        output = output.replace(f'data-att-tool="{tool_token}"', "data-att-tool")
    if marked:
        output = output.replace(htmltheme.end_mark(tool_token), "", 1)
    return output.replace(CSP_PENDING, policy(report.script_hashes), 1)
