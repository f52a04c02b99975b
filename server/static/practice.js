// Keyboard shortcuts for practice cards: Space shows the answer, 1-4 rate it (Again..Easy).
// Pressing a key clicks the matching button, so htmx and plain forms behave the same.
(function () {
  "use strict";

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    var target = event.target;
    if (target && target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    var card = document.getElementById("card");
    if (!card) return;
    var button = null;
    if (event.key === " ") {
      button = card.querySelector("[data-key='reveal']");
    } else if (/^[1-4]$/.test(event.key)) {
      button = card.querySelector("[data-rating='" + event.key + "']");
    }
    if (!button) return;
    event.preventDefault();
    button.click();
  });
})();
