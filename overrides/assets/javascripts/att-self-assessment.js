/* Self-assessment tool (docs/tools/self-assessment.md; markup: partials/att/self-assessment.html).
 *
 * Loaded on that page only. Adds the answer controls to every question (from the page's
 * <template>), keeps the answers in this browser's localStorage under one key per edition
 * ("att-self-assessment:csp13"), exports and imports them as a JSON file
 * {format: "att-self-assessment", version: 1, edition, lang, questions, answers}, erases them
 * after confirmation, and builds the printable report in English or Chinese from the data-*
 * attributes of the page (both languages' texts and strings are shipped in it). Nothing is
 * sent anywhere: no request, no inline script or style (the site's Content-Security-Policy).
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-att-sa]");
  if (!root) { return; }
  var FORMAT = "att-self-assessment";
  var VERSION = 1;
  var MAX_TEXT = 20000;
  var edition = root.getAttribute("data-edition");
  var prefix = root.getAttribute("data-storage");
  var previous = (root.getAttribute("data-previous") || "").split(" ").filter(Boolean);
  var STATUSES = root.getAttribute("data-statuses").split(" ");
  var KINDS = root.getAttribute("data-kinds").split(" ");
  var strings = { en: JSON.parse(root.getAttribute("data-strings-en")), zh: JSON.parse(root.getAttribute("data-strings-zh")) };
  var pageLang = (document.documentElement.getAttribute("lang") || "en").indexOf("zh") === 0 ? "zh" : "en";
  var S = strings[pageLang];
  var items = Array.prototype.slice.call(root.querySelectorAll("[data-q]"));
  var byKey = {};
  var hashes = {};
  items.forEach(function (el) { byKey[el.getAttribute("data-q")] = el; hashes[el.getAttribute("data-q")] = el.getAttribute("data-hash"); });
  var message = root.querySelector("[data-att-sa-message]");
  var langSelect = root.querySelector("[data-att-sa-report-lang]");

  function fmt(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }
  function say(text) { message.textContent = text; }
  function editionLabel(id) { return String(id).toUpperCase(); }
  function count(answers) { return Object.keys(answers).length; }

  // -- storage ----------------------------------------------------------------------------
  var store = null;
  try {
    store = window.localStorage;
    store.setItem(prefix + "probe", "1");
    store.removeItem(prefix + "probe");
  } catch (error) { store = null; }

  function empty() { return { format: FORMAT, version: VERSION, edition: edition, questions: {}, answers: {}, marks: {} }; }

  function read(id) {
    if (!store) { return null; }
    try {
      var data = JSON.parse(store.getItem(prefix + id));
      var answers = data && cleanAnswers(data.answers);
      if (!answers) { return null; }
      return { format: FORMAT, version: VERSION, edition: id, answers: answers,
               questions: isObject(data.questions) ? data.questions : {}, marks: isObject(data.marks) ? data.marks : {} };
    } catch (error) { return null; }
  }

  function save() {
    state.questions = hashes;
    if (!store) { return; }
    try { store.setItem(prefix + edition, JSON.stringify(state)); } catch (error) { say(S.storage_unavailable); }
  }

  // -- validation of stored and imported answers ---------------------------------------------
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }

  function cleanAnswer(raw) {
    if (!isObject(raw)) { return null; }
    var answer = {};
    if (raw.status !== undefined) {
      if (STATUSES.indexOf(raw.status) < 0) { return null; }
      answer.status = raw.status;
    }
    var fields = ["note", "ref"];
    for (var i = 0; i < fields.length; i++) {
      var value = raw[fields[i]];
      if (value === undefined) { continue; }
      if (typeof value !== "string" || value.length > MAX_TEXT) { return null; }
      if (value) { answer[fields[i]] = value; }
    }
    if (raw.assist !== undefined) {
      if (typeof raw.assist !== "boolean") { return null; }
      if (raw.assist) { answer.assist = true; }
    }
    if (raw.kinds !== undefined) {
      if (!Array.isArray(raw.kinds) || raw.kinds.some(function (k) { return KINDS.indexOf(k) < 0; })) { return null; }
      if (raw.kinds.length && answer.assist) { answer.kinds = KINDS.filter(function (k) { return raw.kinds.indexOf(k) >= 0; }); }
    }
    return answer;
  }

  /* The answers of a stored or imported object, or null when anything is wrong. Answers to
     questions this edition does not have are dropped. */
  function cleanAnswers(raw) {
    if (!isObject(raw)) { return null; }
    var answers = {};
    var keys = Object.keys(raw);
    for (var i = 0; i < keys.length; i++) {
      var answer = cleanAnswer(raw[keys[i]]);
      if (answer === null) { return null; }
      if (byKey[keys[i]] && Object.keys(answer).length) { answers[keys[i]] = answer; }
    }
    return answers;
  }

  /* Answers of another edition: kept where the question id is unchanged; questions absent
     from that edition are marked new, those whose text changed (hash) are marked changed. */
  function carryOver(data) {
    var result = empty();
    result.answers = data.answers;
    var known = isObject(data.questions) && count(data.questions) > 0;
    Object.keys(hashes).forEach(function (key) {
      if (!known) { return; }
      if (!(key in data.questions)) { result.marks[key] = "new"; }
      else if (data.questions[key] !== hashes[key]) { result.marks[key] = "changed"; }
    });
    return result;
  }

  // -- the form ---------------------------------------------------------------------------------
  var template = document.getElementById("att-sa-controls");
  items.forEach(function (el, index) {
    var controls = template.content.firstElementChild.cloneNode(true);
    var text = el.querySelector(".att-sa__text");
    controls.setAttribute("aria-labelledby", text.id);
    controls.querySelectorAll("[data-field=status]").forEach(function (input) { input.name = "sa-" + index + "-status"; });
    el.appendChild(controls);
  });

  function readItem(el) {
    var answer = {};
    var checked = el.querySelector("[data-field=status]:checked");
    if (checked) { answer.status = checked.value; }
    var note = el.querySelector("[data-field=note]").value;
    var ref = el.querySelector("[data-field=ref]").value;
    if (note) { answer.note = note; }
    if (ref) { answer.ref = ref; }
    if (el.querySelector("[data-field=assist]").checked) {
      answer.assist = true;
      var kinds = [];
      el.querySelectorAll("[data-field=kinds]:checked").forEach(function (input) { kinds.push(input.value); });
      if (kinds.length) { answer.kinds = kinds; }
    }
    return answer;
  }

  function writeItem(el, answer) {
    answer = answer || {};
    el.querySelectorAll("[data-field=status]").forEach(function (input) { input.checked = input.value === answer.status; });
    el.querySelector("[data-field=note]").value = answer.note || "";
    el.querySelector("[data-field=ref]").value = answer.ref || "";
    el.querySelector("[data-field=assist]").checked = !!answer.assist;
    el.querySelector(".att-sa__kinds").hidden = !answer.assist;
    el.querySelectorAll("[data-field=kinds]").forEach(function (input) {
      input.checked = !!answer.kinds && answer.kinds.indexOf(input.value) >= 0;
    });
    var mark = el.querySelector("[data-att-sa-mark]");
    var kind = state.marks[el.getAttribute("data-q")];
    mark.textContent = kind ? S[kind] : "";
    mark.className = "att-sa__mark" + (kind ? " att-sa__mark--" + kind : "");
  }

  function showAll() {
    items.forEach(function (el) { writeItem(el, state.answers[el.getAttribute("data-q")]); });
    progress();
  }

  function progress() {
    var all = 0;
    root.querySelectorAll(".att-sa__phase").forEach(function (phase) {
      var questions = phase.querySelectorAll("[data-q]");
      var done = 0;
      questions.forEach(function (el) {
        var answer = state.answers[el.getAttribute("data-q")];
        if (answer && answer.status) { done += 1; }
      });
      all += done;
      var bar = phase.querySelector("[data-att-sa-progress]");
      bar.max = questions.length;
      bar.value = done;
      phase.querySelector("[data-att-sa-progress-text]").textContent = fmt(S.progress, { done: done, total: questions.length });
    });
    root.querySelector("[data-att-sa-overall]").textContent = fmt(S.progress, { done: all, total: items.length });
  }

  function changed(event) {
    var el = event.target.closest("[data-q]");
    if (!el) { return; }
    if (event.target.getAttribute("data-field") === "assist") {
      el.querySelector(".att-sa__kinds").hidden = !event.target.checked;
      if (!event.target.checked) { el.querySelectorAll("[data-field=kinds]").forEach(function (i) { i.checked = false; }); }
    }
    var answer = readItem(el);
    var key = el.getAttribute("data-q");
    if (Object.keys(answer).length) { state.answers[key] = answer; } else { delete state.answers[key]; }
    save();
    progress();
  }

  // -- export, import, erase -------------------------------------------------------------------
  function exportFile() {
    var payload = { format: FORMAT, version: VERSION, edition: edition, lang: pageLang,
                    exported: new Date().toISOString(), questions: hashes, answers: state.answers };
    var name = FORMAT + "-" + edition + "-" + new Date().toISOString().slice(0, 10) + ".json";
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(payload, null, 2)], { type: "application/json" }));
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    say(fmt(S.exported, { file: name }));
  }

  function refuse(reason) { say(fmt(S.import_bad, { reason: reason })); }

  function importText(text) {
    var data;
    try { data = JSON.parse(text); } catch (error) { return refuse(S.bad_json); }
    if (!isObject(data) || data.format !== FORMAT || typeof data.edition !== "string") { return refuse(S.bad_format); }
    if (data.version !== VERSION) {
      return refuse(typeof data.version === "number" && data.version > VERSION ? fmt(S.bad_version, { version: data.version }) : S.bad_format);
    }
    var answers = cleanAnswers(data.answers);
    if (answers === null) { return refuse(S.bad_answers); }
    var current = count(state.answers);
    if (current && !window.confirm(fmt(S.import_confirm, { current: current, count: count(answers) }))) {
      return say(S.import_cancelled);
    }
    var other = data.edition !== edition;
    state = other ? carryOver({ answers: answers, questions: data.questions }) : empty();
    if (!other) { state.answers = answers; state.marks = {}; }
    save();
    showAll();
    say(other ? fmt(S.imported_edition, { count: count(answers), edition: editionLabel(data.edition) })
              : fmt(S.imported, { count: count(answers) }));
  }

  function importFile(input) {
    var file = input.files && input.files[0];
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () { input.value = ""; importText(String(reader.result)); };
    reader.onerror = function () { input.value = ""; refuse(S.bad_json); };
    reader.readAsText(file);
  }

  function erase() {
    if (!window.confirm(S.erase_confirm)) { return; }
    if (store) { try { store.removeItem(prefix + edition); } catch (error) { /* nothing kept */ } }
    state = empty();
    showAll();
    say(S.erased);
  }

  // -- the report ---------------------------------------------------------------------------------
  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { el.setAttribute(name, attrs[name]); });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return el;
  }
  var PUNCT = { en: { open: " (", close: ")", colon: ": " }, zh: { open: "（", close: "）", colon: "：" } };
  var SVG = "http://www.w3.org/2000/svg";
  function s(tag, attrs, text) {
    var el = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (name) { el.setAttribute(name, attrs[name]); });
    if (text) { el.textContent = text; }
    return el;
  }

  function collect() {
    return Array.prototype.map.call(root.querySelectorAll(".att-sa__phase"), function (phase) {
      return { el: phase, topics: Array.prototype.map.call(phase.querySelectorAll("[data-topic]"), function (topic) {
        return { el: topic, questions: Array.prototype.map.call(topic.querySelectorAll("[data-q]"), function (q) {
          var key = q.getAttribute("data-q");
          return { el: q, key: key, topic: topic, answer: state.answers[key] || {}, obligation: q.getAttribute("data-obligation") === "true" };
        }) };
      }) };
    });
  }

  function statusOf(q, T) { return q.answer.status ? T["status_" + q.answer.status] : T.status_none; }

  function entry(q, T, lang, withTopic) {
    var parts = [h("span", { "class": "att-sa-report__q" }, [q.el.getAttribute("data-" + lang)])];
    var p = PUNCT[lang];
    if (withTopic) { parts.push(h("span", { "class": "att-sa-report__topic" }, [p.open + q.topic.getAttribute("data-" + lang) + p.close])); }
    var details = [h("span", { "class": "att-sa-report__status att-sa-report__status--" + (q.answer.status || "none") }, [statusOf(q, T)])];
    var provisions = q.el.getAttribute("data-provisions-" + lang);
    if (q.obligation) { details.push(" · " + T.obligation + (provisions ? p.open + provisions + p.close : "")); }
    else if (provisions) { details.push(" · " + T.rests_on + p.colon + provisions); }
    parts.push(h("div", { "class": "att-sa-report__details" }, details));
    if (q.answer.ref) { parts.push(h("div", { "class": "att-sa-report__ref" }, [T.reference + p.colon + q.answer.ref])); }
    if (q.answer.note) { parts.push(h("div", { "class": "att-sa-report__note" }, [T.note + p.colon + q.answer.note])); }
    return h("li", {}, parts);
  }

  function list(questions, T, lang, withTopic) {
    if (!questions.length) { return h("p", {}, [T.report_none]); }
    return h("ul", {}, questions.map(function (q) { return entry(q, T, lang, withTopic); }));
  }

  function chart(phases, T, lang) {
    var keys = STATUSES.concat(["none"]);
    var rowHeight = 22;
    var label = 230;
    var width = 400;
    var svg = s("svg", { "class": "att-sa-chart", viewBox: "0 0 " + (label + width + 10) + " " + (phases.length * rowHeight + 30),
                         role: "img", "aria-label": T.report_chart });
    phases.forEach(function (phase, row) {
      var y = row * rowHeight;
      svg.appendChild(s("text", { x: 0, y: y + 15, "class": "att-sa-chart__label" }, phase.el.getAttribute("data-" + lang)));
      var x = label;
      keys.forEach(function (key) {
        var n = phase.counts[key];
        if (!n) { return; }
        var w = width * n / phase.total;
        svg.appendChild(s("rect", { x: x.toFixed(1), y: y + 3, width: w.toFixed(1), height: rowHeight - 6,
                                    "class": "att-sa-chart__bar att-sa-chart__bar--" + key }));
        x += w;
      });
    });
    var lx = 0;
    var ly = phases.length * rowHeight + 12;
    keys.forEach(function (key) {
      svg.appendChild(s("rect", { x: lx, y: ly, width: 10, height: 10, "class": "att-sa-chart__bar att-sa-chart__bar--" + key }));
      var text = key === "none" ? T.status_none : T["status_" + key];
      svg.appendChild(s("text", { x: lx + 14, y: ly + 9, "class": "att-sa-chart__legend" }, text));
      lx += 14 + text.length * (lang === "zh" ? 11 : 6.2) + 14;
    });
    return h("figure", { "class": "att-sa-report__chart" }, [svg, h("figcaption", {}, [T.report_chart])]);
  }

  function buildReport(lang) {
    var T = strings[lang];
    var old = document.querySelector(".att-sa-report");
    if (old) { old.remove(); }
    var phases = collect();
    var all = [];
    phases.forEach(function (phase) {
      phase.counts = { none: 0 };
      STATUSES.forEach(function (k) { phase.counts[k] = 0; });
      phase.total = 0;
      phase.topics.forEach(function (topic) {
        topic.questions.forEach(function (q) { phase.counts[q.answer.status || "none"] += 1; phase.total += 1; all.push(q); });
      });
    });
    var head = h("tr", {}, [h("th", { scope: "col" }, [T.report_phase])]
      .concat(STATUSES.map(function (k) { return h("th", { scope: "col" }, [T["status_" + k]]); }))
      .concat([h("th", { scope: "col" }, [T.status_none]), h("th", { scope: "col" }, [T.report_total])]));
    var rows = phases.map(function (phase) {
      return h("tr", {}, [h("th", { scope: "row" }, [phase.el.getAttribute("data-" + lang)])]
        .concat(STATUSES.concat(["none"]).map(function (k) { return h("td", {}, [String(phase.counts[k])]); }))
        .concat([h("td", {}, [String(phase.total)])]));
    });
    var unmet = all.filter(function (q) { return q.obligation && (q.answer.status === "not-yet" || q.answer.status === "partly"); });
    var report = h("section", { "class": "att-sa-report", lang: lang === "zh" ? "zh-Hans" : "en" }, [
      h("h1", {}, [T.report_title]),
      h("p", {}, [fmt(T.report_edition, { edition: editionLabel(edition), date: new Date().toISOString().slice(0, 10) })]),
      h("p", { "class": "att-sa-report__disclaimer" }, [T.report_disclaimer]),
      h("h2", { "class": "att-sa-report__summary" }, [T.report_summary]),
      h("table", { "class": "att-sa-report__table" }, [h("thead", {}, [head]), h("tbody", {}, rows)]),
      chart(phases, T, lang),
      h("h2", { "class": "att-sa-report__obligations" }, [T.report_obligations]),
      h("p", {}, [T.report_obligations_intro]),
      list(unmet, T, lang, true),
      h("h2", { "class": "att-sa-report__assistance" }, [T.report_assistance]),
      h("p", {}, [T.report_assistance_intro])
    ]);
    var needing = all.filter(function (q) { return q.answer.assist; });
    if (!needing.length) { report.appendChild(h("p", {}, [T.report_none])); }
    KINDS.concat(["unspecified"]).forEach(function (kind) {
      var these = needing.filter(function (q) {
        return kind === "unspecified" ? !(q.answer.kinds && q.answer.kinds.length) : (q.answer.kinds || []).indexOf(kind) >= 0;
      });
      if (!these.length) { return; }
      report.appendChild(h("h3", {}, [T["kind_" + kind]]));
      report.appendChild(list(these, T, lang, true));
    });
    report.appendChild(h("h2", { "class": "att-sa-report__rest" }, [T.report_rest]));
    phases.forEach(function (phase) {
      report.appendChild(h("h3", {}, [phase.el.getAttribute("data-" + lang)]));
      phase.topics.forEach(function (topic) {
        var rest = topic.questions.filter(function (q) { return unmet.indexOf(q) < 0; });
        if (!rest.length) { return; }
        report.appendChild(h("h4", {}, [topic.el.getAttribute("data-" + lang)]));
        report.appendChild(list(rest, T, lang, false));
      });
    });
    var article = root.closest("article") || root.parentNode;
    article.appendChild(report);
    document.documentElement.classList.add("att-sa-has-report");
    return report;
  }

  // -- start ------------------------------------------------------------------------------------------
  var state = read(edition);
  var notice = store ? "" : S.storage_unavailable;
  if (!state) {
    state = empty();
    for (var i = 0; i < previous.length; i++) {
      var earlier = read(previous[i]);
      if (earlier && count(earlier.answers)) {
        state = carryOver(earlier);
        save();
        notice = fmt(S.carried, { count: count(state.answers), edition: editionLabel(previous[i]) });
        break;
      }
    }
  } else {
    // Same edition, page rebuilt since: questions whose text changed are marked.
    Object.keys(hashes).forEach(function (key) {
      if (state.questions[key] && state.questions[key] !== hashes[key] && !state.marks[key]) { state.marks[key] = "changed"; }
    });
  }
  langSelect.value = pageLang;
  root.querySelector(".att-sa__nojs").hidden = true;
  root.querySelector(".att-sa__actions").hidden = false;
  root.querySelectorAll(".att-sa__progress").forEach(function (el) { el.hidden = false; });
  root.classList.add("att-sa--ready");
  showAll();
  if (notice) { say(notice); }

  root.addEventListener("change", function (event) {
    var action = event.target.getAttribute("data-att-sa-action");
    if (action === "import") { importFile(event.target); return; }
    if (event.target.hasAttribute("data-att-sa-report-lang")) { return; }
    changed(event);
  });
  root.addEventListener("input", function (event) {
    if (event.target.tagName === "TEXTAREA" || event.target.type === "text") { changed(event); }
  });
  root.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-att-sa-action]");
    if (!button) { return; }
    var action = button.getAttribute("data-att-sa-action");
    if (action === "export") { exportFile(); }
    if (action === "erase") { erase(); }
    if (action === "print") { buildReport(langSelect.value); window.print(); }
  });
  window.addEventListener("beforeprint", function () { buildReport(langSelect.value); });
}());
