"""The Atom feed of each language (hooks/attguide/editions/feeds.py, feed_view): an address and id that
stay across editions, and Chinese entries that do not claim a change only the English text had."""

from __future__ import annotations

import datetime as dt

from attguide.editions import changes, feeds

import unitdata

ROOT = "https://x.org/"


def strings(lang):
    """The interface strings of ``lang`` (a test registry has the project's: they are generic)."""
    return unitdata.registry().strings(lang)


def page(**values):
    entry = {"title": "风险评估", "kind": changes.CHANGED, "own": False, "summary": "", "english_summary": "",
             "behind": False}
    entry.update(values)
    return entry


def test_the_versioned_feed_names_latest_not_its_cycle():
    assert feeds._stable_root(ROOT, ROOT + "csp13/") == ROOT + "latest/"
    assert feeds._stable_root("https://x.org", "https://x.org/csp12/") == ROOT + "latest/"
    assert feeds._stable_root(ROOT, ROOT) == ROOT  # a build that is not a mike version


def test_feed_view_id_and_self_do_not_name_the_cycle():
    edition = changes.EditionChanges(cycle="csp13", releases=[
        changes.Release("csp13", "abc", dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc))])
    registry = unitdata.registry()
    for lang, prefix in (("en", ""), ("zh", "zh/")):
        view = feeds.feed_view(edition, None, registry, lang, ROOT, ROOT + "csp13/", {}, None, dt.date(2026, 12, 1))
        assert view["self"] == view["id"] == f"{ROOT}latest/{prefix}feed.xml"
        assert "csp13" not in view["self"] and view["home"] == f"{ROOT}latest/{prefix}"
        assert view["author"] != view["title"]
        assert [e["url"] for e in view["entries"]] == [f"{ROOT}csp13/{prefix}"]  # entries keep their edition


def test_a_chinese_entry_whose_text_did_not_change_says_the_translation_is_behind():
    zh = strings("zh")
    entry = feeds._feed_entry(page(english_summary="1节有修改", behind=True), zh, "zh")
    assert entry["title"] == "风险评估（英文原文有修改）"
    assert entry["summary"] == "英文原文：1节有修改。译文待更新。"
    assert "（修改）" not in entry["title"]


def test_a_chinese_entry_whose_own_text_changed_keeps_its_summary():
    zh = strings("zh")
    entry = feeds._feed_entry(page(own=True, summary="2节有修改"), zh, "zh")
    assert entry == {"title": "风险评估（修改）", "summary": "2节有修改。"}
    behind = feeds._feed_entry(page(own=True, summary="2节有修改", behind=True), zh, "zh")
    assert behind["summary"] == "2节有修改。译文待更新。"


def test_an_english_entry_does_not_speak_of_the_translation():
    en = strings("en")
    entry = feeds._feed_entry(page(title="Risk assessment", own=True, summary="1 section changed", behind=True),
                                en, "en")
    assert entry == {"title": "Risk assessment (changed)", "summary": "1 section changed."}
