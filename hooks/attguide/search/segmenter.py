"""Chinese word segmentation for search: the field's terms are kept whole.

Material's search plugin segments Chinese text with jieba at build time and joins the
words with U+200B. jieba does not know the field's vocabulary (国家管制清单, 最终用户证书,
联合国常规武器登记册 …), so it splits them and a reader's query highlights only a part. The
termbase's Chinese forms are added to jieba's dictionary before any page is indexed.
"""

from __future__ import annotations

import logging

log = logging.getLogger("mkdocs.plugins.attguide.segmenter")

try:  # jieba is a dependency of the project; without it Material does not segment at all
    import jieba
except ImportError:  # pragma: no cover - the project always installs it
    jieba = None

_added: set[str] = set()


def keep_whole(words: list[str]) -> int:
    """Add ``words`` to jieba's dictionary (once per process); return how many were new."""
    if jieba is None:
        return 0
    new = [word for word in words if word not in _added]
    for word in new:
        # A frequency from jieba's own suggestion makes the word win over its parts.
        jieba.add_word(word, freq=max(jieba.suggest_freq(word, tune=False), 1000))
        _added.add(word)
    if new:
        log.debug("search: %d Chinese terms kept whole", len(new))
    return len(new)


def segment(text: str) -> list[str]:
    """Words of ``text`` as the search index sees them (for tests and evaluation)."""
    if jieba is None:
        return [text]
    return [word for word in jieba.cut(text) if word.strip()]
