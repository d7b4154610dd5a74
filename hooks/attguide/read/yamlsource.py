"""YAML read once into its node tree and its values, so every message can name a line.

Shared by the page front matter (:mod:`attguide.frontmatter`), the registry
(:mod:`attguide.read.registry`) and the sources file (:mod:`attguide.read.sources`). A YAML file is
composed once; the node tree keeps each value's line and each scalar's literal text (so
``7.10`` stays ``7.10``), and the constructed value is what the schemas validate. Entries
are checked against MkDocs ``Config`` schemas one option at a time, so that every mistake
of a file is reported in the same build.
"""

from __future__ import annotations

import difflib
import logging
import re

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from . import languages
from .problems import Problems

log = logging.getLogger("mkdocs.plugins.attguide.yamlsource")

# libyaml's loader when PyYAML was built with it: about ten times faster on many pages.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Data is text: printed escaped, so quotation marks, & and < in prose are fine; markup and
# invisible control characters (bidirectional overrides included) are refused.
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def text_problem(text: str) -> str:
    """Why ``text`` is not plain text ("" when it is)."""
    markup = _MARKUP.search(text)
    if markup:
        return f"holds HTML markup ('{markup.group(0)}…'); write plain text (quotes, & and < in prose are fine)"
    control = _CONTROL.search(text)
    if control:
        return f"holds an invisible control character (U+{ord(control.group(0)):04X}); remove it"
    return ""


class Text(c.Type):
    """A plain-text string (see :func:`text_problem`)."""

    def __init__(self, **kwargs):
        """A string option."""
        super().__init__(str, **kwargs)

    def run_validation(self, value):
        """A string with no markup and no control characters."""
        value = super().run_validation(value)
        if isinstance(value, str) and text_problem(value):
            raise ValidationError(f"the text {text_problem(value)}")
        return value


class ValueProblem(ValueError):
    """A YAML value that parses but cannot be constructed (e.g. the date 2027-02-30)."""

    def __init__(self, line: int, key: str, reason: str):
        """Keep where and why."""
        super().__init__(reason)
        self.line, self.key, self.reason = line, key, reason


def compose_and_load(text: str):
    """Parse YAML once into its node tree (for line numbers) and its Python value."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        try:
            return node, (loader.construct_document(node) if node is not None else None)
        except (ValueError, TypeError) as error:
            raise _locate(node, error) from None
    finally:
        loader.dispose()


def _locate(node, error: Exception) -> ValueProblem:
    """Find the top-level key whose value cannot be constructed."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            probe = yaml.SafeLoader("")
            try:
                probe.construct_object(value, deep=True)
            except (ValueError, TypeError) as inner:
                return ValueProblem(value.start_mark.line + 1, str(key.value), str(inner))
    return ValueProblem(1, "", str(error))


def per_language(schema, option, after: str) -> type:
    """``schema`` (a ``Config`` class) with one option per configured language, made by
    ``option()`` and placed after the option ``after`` (so messages list keys in file order).
    The YAML keys are the language codes of mkdocs.yml: a new language is a new key."""
    attributes = {}
    for key, existing in schema._schema:
        attributes[key] = existing
        if key == after:
            attributes.update({lang: option() for lang in languages.codes()})
    return type(schema.__name__, (base.Config,), {"__doc__": schema.__doc__, **attributes})


class Bilingual(c.Type):
    """A mapping with one string per configured language (non-empty unless ``allow_empty``)."""

    def __init__(self, required: bool = True, allow_empty: bool = False, lists: bool = False):
        """``required=False`` lets the whole mapping be absent; ``allow_empty`` accepts "" texts
        (interface strings such as a separator that one language does not need); ``lists``
        takes a (possibly empty) list of words per language instead of a text."""
        super().__init__(dict)
        self.required = required
        self.allow_empty = allow_empty
        self.lists = lists

    def run_validation(self, value):
        """Both languages present (and non-empty unless ``allow_empty``)."""
        if value is None and not self.required:
            return None
        value = super().run_validation(value)
        if self.lists:
            return self._lists(value)
        missing = [lang for lang in languages.codes() if value.get(lang) is None
                   or (not self.allow_empty and not str(value.get(lang)).strip())]
        if missing:
            raise ValidationError("no " + " or ".join(missing) + " text")
        extra = sorted(set(value) - set(languages.codes()))
        if extra:
            raise ValidationError("unknown language key " + ", ".join(map(str, extra)))
        texts = {lang: str(value[lang]).strip() for lang in languages.codes()}
        for lang, text in texts.items():
            problem = text_problem(text)
            if problem:
                raise ValidationError(f"the {lang} text {problem}")
        return texts

    @staticmethod
    def _lists(value: dict) -> dict:
        """A tuple of non-empty words per language (an absent language is an empty tuple)."""
        extra = sorted(set(value) - set(languages.codes()))
        if extra:
            raise ValidationError("unknown language key " + ", ".join(map(str, extra)))
        result = {}
        for lang in languages.codes():
            words = value.get(lang) or []
            if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                raise ValidationError(f"{lang} must be a list of words")
            for word in words:
                if text_problem(word):
                    raise ValidationError(f"the {lang} word '{word}' {text_problem(word)}")
            result[lang] = tuple(w.strip() for w in words)
        return result


def line_of(node, default: int = 1) -> int:
    """1-based line of a YAML node (``default`` when there is none)."""
    return node.start_mark.line + 1 if node is not None else default


def child(node, key: str):
    """The value node of ``key`` in a mapping node, or None."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if key_node.value == key:
                return value
    return None


def items(node) -> list:
    """The item nodes of a sequence node (empty for anything else)."""
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def key_lines(node, default: int = 1) -> dict:
    """Line of each key of a mapping node."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _ in node.value}


def literal(node) -> str | None:
    """A scalar's text exactly as written (``7.10``, not the float 7.1)."""
    return node.value if isinstance(node, yaml.ScalarNode) else None


def read(text: str, shown: str, problems: Problems, what: str):
    """Compose and load a whole YAML file; a syntax error becomes a ``path:line`` problem.

    Returns ``(node, data)``; ``(None, None)`` when the file cannot be read at all.
    """
    try:
        return compose_and_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problems.add(shown, mark.line + 1 if mark else 1,
                     f"{what} is not valid YAML ({getattr(error, 'problem', None) or error})",
                     "fix the indentation or quoting on that line")
    except ValueProblem as error:
        problems.add(shown, error.line, f"the value of '{error.key}' cannot be read ({error.reason})",
                     "write a valid value")
    return None, None


def check_entry(raw, node, schema, hints: dict, shown: str, problems: Problems, what: str,
                required: tuple = (), line: int | None = None) -> dict | None:
    """Validate one mapping against a ``Config`` class, option by option.

    Every unknown key, wrong value and missing required key is recorded as
    ``shown:line: what — fix``. Returns the validated values (defaults filled in), or None
    when anything was wrong.
    """
    line = line if line is not None else line_of(node)
    if not isinstance(raw, dict):
        problems.add(shown, line, f"{what} must be a set of 'key: value' lines",
                     "write it as 'key: value' pairs, e.g. " + ", ".join(f"{k}: …" for k in required[:3]))
        return None
    lines = key_lines(node, line)
    options = dict(schema._schema)
    values, ok = {}, True
    for key, value in raw.items():
        option = options.get(key)
        where = lines.get(key, line)
        if option is None:
            near = difflib.get_close_matches(str(key), list(options), n=1)
            problems.add(shown, where, f"unknown key '{key}' in {what}",
                         f"did you mean '{near[0]}'?" if near else "allowed keys: " + ", ".join(options))
            ok = False
            continue
        try:
            values[key] = option.validate(value)
        except ValidationError as error:
            problems.add(shown, where, f"'{key}' of {what} has a wrong value ({error})",
                         f"write {hints.get(key, 'a valid value')}")
            ok = False
    for key in required:
        if raw.get(key) is None and key in options:
            missing = f"no {key} text" if key in languages.codes() else f"no '{key}'"
            problems.add(shown, line, f"{what} has {missing}", f"add '{key}:' ({hints.get(key, 'required')})")
            ok = False
    if not ok:
        return None
    for key, option in options.items():
        if key not in values:
            values[key] = option.default
    return values
