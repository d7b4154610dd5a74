/* Queries as a delegate types them: see overrides/partials/att/theme-bridge-search.html. */
(function () {
  "use strict";
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]+/g, DIGITS = "〇一二三四五六七八九", N = "(\\d{1,2}|[一二三四五六七八九十]{1,3})",
    ZH = new RegExp("第\\s*" + N + "\\s*条(?:\\s*第\\s*" + N + "\\s*款)?", "g"),
    EN = /\b(?:art(?:icle)?s?\.?\s*(\d{1,2})(?:\s*\(\s*\d{1,2}\s*\)|\.\d{1,2})?|(\d{1,2})(?:\s*\(\s*\d{1,2}\s*\)|\.\d{1,2}))(?![\d(])/gi,
    words = {}, known = {}, made = {};

  function learn(index) {
    var separator = new RegExp(index.config.separator);
    index.docs.forEach(function (doc) {
      [doc.title, doc.text, doc.keywords].forEach(function (field) {
        (field || "").replace(/<[^>]*>/g, " ").split(separator).forEach(function (token) {
          if (/^[\u3400-\u9fff\uf900-\ufaff]{2,16}$/.test(token)) words[token] = 1;
          else if (/^[a-z][a-z0-9]+$/i.test(token))
            for (var t = token.toLowerCase(), i = t.length; i > 4 || i === t.length; i--) known[t.slice(0, i)] = 1;
        });
      });
    });
  }

  function number(text) {
    var ten = text.indexOf("十"), tens = text.slice(0, ten), units = text.slice(ten + 1);
    if (/^\d+$/.test(text)) return +text;
    if (ten < 0) return text.length > 1 ? -1 : DIGITS.indexOf(text);
    return tens.length > 1 || units.length > 1 ? -1 : (tens ? DIGITS.indexOf(tens) : 1) * 10 + DIGITS.indexOf(units || "〇");
  }

  function article(match, a, b) {
    var n = number(a || b);
    if (!known["art" + n]) return match;
    made["art" + n] = 1;
    return " art" + n + "~0 " + n + " ";
  }

  function cut(run) {
    var parts = [], rest = "";
    for (var i = 0, j; i < run.length;) {
      for (j = Math.min(run.length, i + 16); j > i + 1 && !words[run.slice(i, j)]; j--);
      if (j > i + 1) {
        if (rest) parts.push(rest);
        parts.push(run.slice(i, j) + "〇");
        rest = "";
        i = j;
      } else {
        rest += run.charAt(i++);
      }
    }
    return " " + parts.concat(rest ? [rest] : []).join(" ") + " ";
  }

  function forgive(term) {
    var word = term.toLowerCase();
    if (!/^[a-z]{5,}$/.test(word) || known[word]) return term;
    made[word] = 1;
    return word + "~1";
  }

  window.attSearchMessage = function (message) {
    var data = message && message.data;
    if (message && message.type === 0 && data && data.docs) learn(data);
    if (message && message.type === 2 && typeof data === "string")
      return { type: 2, data: data.replace(EN, article).replace(ZH, article).replace(HAN, cut).split(/\s+/).map(forgive).join(" ").trim() };
    return message;
  };

  window.attSearchResult = function (message) {
    if (message && message.type === 3 && message.data && message.data.items)
      message.data.items.forEach(function (group) {
        group.forEach(function (item) {
          for (var term in item.terms) if (made[term]) delete item.terms[term];
        });
      });
  };
})();
