/* Accessibility touches the theme's markup lacks: the search dialog gets a name (taken
 * from its own input's label), so screen readers announce what the dialog is. */
(function () {
  "use strict";
  var dialog = document.querySelector(".md-search[role=dialog]");
  var input = dialog && dialog.querySelector("input.md-search__input");
  if (dialog && input && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", input.getAttribute("aria-label") || input.getAttribute("placeholder") || "Search");
  }
})();
