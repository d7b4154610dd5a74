/* Search queries as a delegate types them. Loaded by partials/att/search-segment.html only
   when the search index is handed to the theme's search worker (a reader who never searches
   never downloads it); that partial passes every message to the worker through
   window.attSearchMessage. From the index this script learns the index's Chinese words, its
   Latin words and the article words (art7, added to article pages at build time by
   hooks/attguide/searchwords.py); each query is then rewritten before the worker sees it:

   1. Treaty references: "Article 7(4)", "Art. 7", "7(4)", "article 7.4", "第7条第4款",
      "第七条" become "art7~0 7": the word only the article page carries (~0: exactly that
      word), then the number, so pages that merely mention it follow.
   2. Chinese runs are cut into the longest indexed words; each word is sent with one more
      character after it (〇, which the worker's own look-up always drops), so that the
      worker keeps exactly that word (风险评估 stays whole instead of 风险 + 评).
   3. Forgiving typing: a word of five or more letters that begins no indexed word gets
      lunr's edit distance 1 ("diverson~1" finds "diversion": one letter wrong, missing,
      added or swapped). Words the index knows, and shorter words, are left as typed, so
      short queries are not flooded.

   The query in the search field is not changed. */
(function () {
  "use strict";
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]+/g, HAN_ONLY = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
  var PAD = "\u3007", LONGEST = 16, DIGITS = "〇一二三四五六七八九";
  var NUMBER = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
  var ZH_REF = new RegExp("第\\s*" + NUMBER + "\\s*条(?:\\s*第\\s*" + NUMBER + "\\s*款)?", "g");
  var EN_REF = /\b(?:art(?:icle)?s?\.?\s*(\d{1,2})(?:\s*\(\s*\d{1,2}\s*\)|\.\d{1,2})?|(\d{1,2})(?:\s*\(\s*\d{1,2}\s*\)|\.\d{1,2}))(?![\d(])/gi;
  var words = Object.create(null), latin = [], known = Object.create(null);

  function learn(index) {
    var separator = new RegExp(index.config.separator, "g");
    index.docs.forEach(function (doc) {
      [doc.title, doc.text, doc.keywords].forEach(function (field) {
        if (typeof field !== "string") return;
        field.replace(/<[^>]*>/g, " ").split(separator).forEach(function (token) {
          if (token.length > 1 && token.length <= LONGEST && HAN_ONLY.test(token)) words[token] = true;
          else if (/^[a-z][a-z0-9]+$/i.test(token)) known[token.toLowerCase()] = true;
        });
      });
    });
    latin = Object.keys(known).sort();
  }

  /* "7", "七", "十一", "二十八" -> the number (-1 when it is none). */
  function number(text) {
    if (/^\d+$/.test(text)) return +text;
    var ten = text.indexOf("十");
    if (ten < 0) return text.length === 1 ? DIGITS.indexOf(text) : -1;
    var units = text.slice(ten + 1), tens = text.slice(0, ten);
    if (units.length > 1 || tens.length > 1) return -1;
    return (tens ? DIGITS.indexOf(tens) : 1) * 10 + (units ? DIGITS.indexOf(units) : 0);
  }

  function article(match, n) {
    n = number(n);
    return known["art" + n] ? " art" + n + "~0 " + n + " " : match;
  }

  function cut(run) {
    var parts = [], rest = "";
    for (var i = 0; i < run.length;) {
      var found = 0;
      for (var j = Math.min(run.length, i + LONGEST); j > i + 1; j--)
        if (words[run.slice(i, j)]) { found = j; break; }
      if (found) {
        if (rest) { parts.push(rest); rest = ""; }
        parts.push(run.slice(i, found) + PAD);
        i = found;
      } else {
        rest += run.charAt(i++);
      }
    }
    if (rest) parts.push(rest);
    return " " + parts.join(" ") + " ";
  }

  /* True when an indexed Latin word begins with ``word`` (binary search in the sorted list). */
  function begins(word) {
    var low = 0, high = latin.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (latin[mid] < word) low = mid + 1; else high = mid;
    }
    return low < latin.length && latin[low].lastIndexOf(word, 0) === 0;
  }

  function forgive(term) {
    var word = term.toLowerCase();
    return /^[a-z]{5,}$/.test(word) && !begins(word) ? word + "~1" : term;
  }

  function query(text) {
    text = text.replace(EN_REF, function (match, a, b) { return article(match, a || b); }).replace(ZH_REF, article);
    return text.replace(HAN, cut).split(/\s+/).map(forgive).join(" ").trim();
  }

  window.attSearchMessage = function (message) {
    if (message && message.type === 0 && message.data && message.data.docs) learn(message.data);
    else if (message && message.type === 2 && typeof message.data === "string") return { type: 2, data: query(message.data) };
    return message;
  };
})();
