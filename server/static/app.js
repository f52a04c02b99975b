// Katabank's only script of its own: typesets maths with the vendored KaTeX.
// Markdown rendering (server/rendering.py) leaves TeX in <span class="math inline">,
// <span class="math display"> and <div class="math block">; this turns it into KaTeX HTML,
// on page load and in every fragment htmx swaps in.
(function () {
  "use strict";

  function typeset(root) {
    if (!window.katex || !root.querySelectorAll) return;
    root.querySelectorAll(".math:not([data-typeset])").forEach(function (el) {
      var display = el.tagName === "DIV" || el.classList.contains("display");
      try {
        window.katex.render(el.textContent, el, { displayMode: display, throwOnError: false });
        el.setAttribute("data-typeset", "");
      } catch (err) {
        el.classList.add("math-error");
      }
    });
  }

  window.katabank = { typeset: typeset };

  if (window.htmx) {
    window.htmx.onLoad(typeset); // runs for the whole body first, then for each swapped fragment
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { typeset(document.body); });
  } else {
    typeset(document.body);
  }
})();
