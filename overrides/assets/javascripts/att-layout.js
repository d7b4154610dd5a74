/* Layout helpers that CSS cannot do alone.
 *
 * 1. The language switch keeps the reader's place: section ids are the same in both
 *    languages, so the link to the other language gets the current #fragment (or, with no
 *    fragment, the section the table of contents marks as being read).
 * 2. The article × phase matrix shows a shadow at the edge where more columns lie, and
 *    keeps the left shadow clear of its sticky article column.
 * (On phones a topic's "At a glance" is folded before the first paint by
 * overrides/partials/att/fold-early.html, not here: folding it after the paint moved the page.)
 */
(function () {
  "use strict";

  // 1. Language links keep the section.
  function currentSection() {
    if (location.hash.length > 1) return location.hash;
    var active = document.querySelector(".md-sidebar--secondary .md-nav__link--active[href^='#']");
    return active ? active.getAttribute("href") : "";
  }
  function updateLanguageLinks() {
    var hash = currentSection();
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      var base = link.getAttribute("data-att-base");
      if (base === null) {
        base = (link.getAttribute("href") || "").split("#")[0];
        link.setAttribute("data-att-base", base);
      }
      link.setAttribute("href", base + hash);
    });
  }
  updateLanguageLinks();
  window.addEventListener("hashchange", updateLanguageLinks);
  ["pointerdown", "focusin", "mouseover"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (event.target.closest && event.target.closest(".md-select")) updateLanguageLinks();
    }, true);
  });

  // 2. Matrix edge shadows.
  document.querySelectorAll(".att-matrix-frame").forEach(function (frame) {
    var box = frame.querySelector(".att-matrix-wrap");
    var corner = frame.querySelector(".att-matrix__corner");
    if (!box) return;
    function update() {
      var max = box.scrollWidth - box.clientWidth;
      frame.classList.toggle("att-more-left", box.scrollLeft > 1);
      frame.classList.toggle("att-more-right", box.scrollLeft < max - 1);
      if (corner) frame.style.setProperty("--att-matrix-sticky", corner.offsetWidth + "px");
    }
    box.addEventListener("scroll", update, { passive: true });
    window.addEventListener("resize", update);
    update();
  });
})();
