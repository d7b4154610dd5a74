"""Search words beyond the termbase: treaty references and everyday synonyms.

Two more sources for the ``keywords`` field of a page's search entry (see
:mod:`attguide.search.index`):

* **Treaty references.** Every article page carries the word ``artN`` (``art7``). The
  query script of the search (``overrides/partials/att/theme-bridge-search.html`` and
  ``overrides/assets/javascripts/att-search.js``) turns what a reader types for an article
  (``Article 7(4)``, ``Art. 7``, ``7.4``, ``第7条第4款``, ``第七条``) into that word, which no
  other page carries, so the article page comes first, ahead of pages that merely mention
  the number.
* **Synonyms and paraphrases.** ``search-synonyms.yml`` (beside ``terms.yml``) lists the
  everyday words a delegate types for a matter (``re-export``, ``appeal``, ``再出口``,
  ``复议``) and the pages that treat it; the words join those pages' keywords. They are data,
  reviewed like any other content, and checked here: every mistake is reported as
  ``path:line: what is wrong — what would be right``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..read import languages
from ..read.problems import Problems
from ..read.registry import Registry
from ..read.yamlsource import check_entry, child, items, key_lines, per_language, read

FILE_NAME = "search-synonyms.yml"
ARTICLE_WORD = "art{}"
PAGE_HINT = "write phase/topic (e.g. e/review-of-decisions) or art:N (e.g. art:11)"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Languages written in Chinese characters (their words must have one; other languages' none).
HAN_LANGUAGES = ("zh",)


class SynonymEntry(base.Config):
    """The schema of one entry of ``search-synonyms.yml`` (and a list of words per language)."""

    pages = c.ListOfItems(c.Type(str))


HINTS = {
    "pages": "a list of pages, e.g. [e/review-of-decisions, art:7]",
    "en": "a list of English words, e.g. [appeal, licence refusal]",
    "zh": "a list of Chinese words, e.g. [申诉, 复议]",
}


def _words_option():
    """A (possibly empty) list of words in one language."""
    return c.ListOfItems(c.Type(str), default=[])


@dataclass(frozen=True)
class Synonyms:
    """One entry: words a reader types (per language code), and the source paths (default
    language) of the pages they lead to."""

    pages: tuple[str, ...]
    words: dict  # language code -> words
    line: int

    def all_words(self) -> tuple[str, ...]:
        """The words of every language, in the order of mkdocs.yml's languages."""
        return tuple(word for lang in languages.codes() for word in self.words.get(lang, ()))


def path_beside(registry_path: str | Path) -> Path:
    """``search-synonyms.yml`` in the folder of a registry file."""
    return Path(registry_path).parent / FILE_NAME


def load(path: str | Path, registry: Registry, page_path, shown: str | None = None) -> tuple[Synonyms, ...]:
    """Read and check the synonyms; raise ``PluginError`` listing every problem.

    ``page_path(ref, registry)`` turns a ``pages:`` item into an English source path (None
    when there is no such page): the termbase's own, so both files name pages alike. A site
    without the file has no synonyms.
    """
    path = Path(path)
    shown = shown or str(path)
    if not path.exists():
        return ()
    problems = Problems()
    root, data = read(path.read_text(encoding="utf-8-sig"), shown, problems, "the search synonyms")
    problems.raise_if_any("the search synonyms")
    if data is not None and not (isinstance(data, dict) and isinstance(data.get("synonyms"), list)):
        problems.add(shown, 1, "the search synonyms must be a list under 'synonyms:'",
                     "start the file with 'synonyms:' and list entries as '- pages: [...]'")
        problems.raise_if_any("the search synonyms")
    found, seen = [], {}
    for node, raw in zip(items(child(root, "synonyms")), (data or {}).get("synonyms") or []):
        entry = _entry(raw, node, shown, registry, page_path, problems, seen)
        if entry is not None:
            found.append(entry)
    problems.raise_if_any("the search synonyms")
    return tuple(found)


def _entry(raw, node, shown: str, registry: Registry, page_path, problems: Problems, seen: dict) -> Synonyms | None:
    """Validate one entry; record every problem."""
    line = node.start_mark.line + 1
    lines = key_lines(node, line)
    hints = {**{lang: f"a list of {languages.english_name(lang)} words" for lang in languages.codes()}, **HINTS}
    values = check_entry(raw, node, per_language(SynonymEntry, _words_option, after="pages"), hints, shown,
                         problems, "a synonyms entry",
                         required=("pages",), line=line)
    if values is None:
        return None
    ok = True
    pages = []
    for ref in values["pages"]:
        target = page_path(str(ref).strip(), registry)
        if target is None:
            near = registry.suggest_topic(str(ref)) if not str(ref).startswith("art:") else None
            problems.add(shown, lines.get("pages", line), f"no page '{ref}'",
                         f"did you mean '{near}'?" if near else PAGE_HINT)
            ok = False
        elif target not in pages:
            pages.append(target)
    if not values["pages"]:
        problems.add(shown, lines.get("pages", line), "an entry leads to no page", HINTS["pages"])
        ok = False
    words = {}
    han_language = next((lang for lang in languages.codes() if lang in HAN_LANGUAGES), "zh")
    for lang in languages.codes():
        where = lines.get(lang, line)
        words[lang] = tuple(str(word).strip() for word in values[lang])
        for word in words[lang]:
            if not word:
                problems.add(shown, where, f"an empty {lang} word", "remove it or write the word")
                ok = False
            elif lang not in HAN_LANGUAGES and _HAN.search(word):
                problems.add(shown, where, f"'{word}' is Chinese but listed under {lang}", f"move it to {han_language}")
                ok = False
            elif lang in HAN_LANGUAGES and not _HAN.search(word):
                problems.add(shown, where, f"'{word}' has no Chinese character but is listed under {lang}",
                             f"move it to {languages.default()}")
                ok = False
            elif (lang, word.lower()) in seen:
                problems.add(shown, where, f"'{word}' is listed twice",
                             f"keep it in one entry (it is already on line {seen[lang, word.lower()]})")
                ok = False
            else:
                seen[lang, word.lower()] = where
    if not any(words.values()):
        problems.add(shown, line, "an entry without words",
                     "add " + " and ".join(f"{lang}: [...]" for lang in languages.codes()) + " words")
        ok = False
    return Synonyms(tuple(pages), words, line) if ok else None


def article_words(registry: Registry) -> dict[str, list[str]]:
    """``artN`` for each article page (English source path -> words)."""
    return {f"articles/{article.slug}.md": [ARTICLE_WORD.format(number)]
            for number, article in registry.articles.items()}


def page_words(base_words: dict[str, list[str]], synonyms: tuple[Synonyms, ...],
               registry: Registry) -> dict[str, list[str]]:
    """The termbase's words per page, with the article words and the synonyms added (no repeats)."""
    found = {path: list(words) for path, words in base_words.items()}

    def add(path: str, words) -> None:
        bucket = found.setdefault(path, [])
        bucket += [word for word in words if word not in bucket]

    for path, words in article_words(registry).items():
        add(path, words)
    for entry in synonyms:
        for path in entry.pages:
            add(path, entry.all_words())
    return found


def chinese_words(synonyms: tuple[Synonyms, ...]) -> list[str]:
    """Chinese synonyms the segmenter must keep whole (so a query cuts them as the index does)."""
    return sorted({word for entry in synonyms for lang in HAN_LANGUAGES
                   for word in entry.words.get(lang, ()) if len(word) >= 2})
