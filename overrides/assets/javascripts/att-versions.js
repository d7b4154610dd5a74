/* Version selector and earlier-edition banner for the versions mike deploys.
 *
 * Each page carries its cycle (data-att-cycle) and the relative URL of its version's root
 * (data-att-root). mike writes versions.json one level above the version roots. Choosing
 * another version keeps the language and the page when that page exists there, else goes
 * to that version's home in the same language. Pages of a version that is not the newest
 * show a banner linking to the same page in the newest version. Nothing happens where
 * versions.json cannot be read (a plain build, or an offline bundle on file://).
 */
(function () {
  "use strict";

  var bar = document.querySelector(".att-edition");
  // Only builds deployed by mike have a versions.json to read.
  if (!bar || location.protocol === "file:" || bar.getAttribute("data-att-versioned") !== "true") return;

  var root = new URL(bar.getAttribute("data-att-root") || "./", location.href);
  var cycle = bar.getAttribute("data-att-cycle");
  var lang = bar.getAttribute("data-att-lang") || "en";
  var labels = {};
  try {
    labels = JSON.parse(bar.querySelector(".att-edition__labels").textContent);
  } catch (error) { /* labels stay empty: versions.json titles are used */ }

  // The page's path inside its version, e.g. "zh/e-authorization/risk-assessment/".
  var pagePath = location.href.slice(root.href.length).split("#")[0].split("?")[0];
  var languageHome = lang === "en" ? "" : lang + "/";

  function versionRoot(version) {
    return new URL("../" + version + "/", root);
  }

  // The same page in another version if it exists there, else that version's home.
  function counterpart(version) {
    var target = new URL(pagePath, versionRoot(version));
    var home = new URL(languageHome, versionRoot(version));
    return fetch(target.href, { method: "HEAD" })
      .then(function (response) { return response.ok ? target : home; })
      .catch(function () { return home; });
  }

  function currentEntry(versions) {
    // Under an alias copy (e.g. /latest/) the page still knows its cycle.
    return versions.find(function (v) { return v.version === cycle; });
  }

  fetch(new URL("../versions.json", root).href)
    .then(function (response) {
      if (!response.ok) throw new Error("no versions.json");
      return response.json();
    })
    .then(function (versions) {
      if (!Array.isArray(versions) || !versions.length || !currentEntry(versions)) return;

      // Selector: one option per deployed version, labelled in the page's language.
      var label = bar.querySelector(".att-versions");
      var select = bar.querySelector(".att-versions__select");
      if (label && select) {
        versions.forEach(function (entry) {
          var option = document.createElement("option");
          option.value = entry.version;
          option.textContent = labels[entry.version] || entry.title || entry.version;
          if (entry.aliases && entry.aliases.length) {
            // Aliases in the page's language ("latest" → 最新), from the edition bar's labels.
            option.textContent += " · " + entry.aliases.map(function (alias) {
              return labels["alias:" + alias] || alias;
            }).join(", ");
          }
          option.selected = entry.version === cycle;
          select.appendChild(option);
        });
        select.addEventListener("change", function () {
          counterpart(select.value).then(function (url) { location.href = url.href; });
        });
        label.hidden = false;
      }

      // Banner on every page of a version that is not the newest.
      var newest = versions.find(function (v) { return (v.aliases || []).indexOf("latest") !== -1; }) || versions[0];
      if (newest.version !== cycle) {
        var banner = document.querySelector(".att-outdated");
        counterpart(newest.version).then(function (url) {
          banner.querySelector(".att-outdated__link").href = url.href;
          banner.hidden = false;
        });
      }
    })
    .catch(function () { /* not deployed with mike: no selector, no banner */ });
})();
