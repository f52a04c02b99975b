// Kata pages: turn each code textarea into the vendored CodeMirror editor (the textarea stays
// in the form, so Run, Submit and the draft autosave send the editor's text), and let htmx
// show a refusal (413 too large, 429 too many) in place: it drops 4xx responses by default.
// Also: keyboard shortcuts for Run and Submit, both disabled while a run waits or runs, and a
// question before "Load into editor" replaces work.
(function () {
  "use strict";

  // The page's CSP allows CodeMirror's <style> element only with this nonce.
  var script = document.currentScript;
  var nonce = script && script.nonce;

  function createEditors(root) {
    if (!window.KatabankEditor || !root.querySelectorAll) return;
    root.querySelectorAll("textarea[data-editor]").forEach(function (textarea) {
      window.KatabankEditor.create(textarea, { language: textarea.dataset.editor, nonce: nonce });
    });
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status === 413 || status === 429 || status === 503) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Ctrl+Enter (Cmd+Enter on a Mac) runs the sample tests, with Shift it submits. Caught on
  // the way down (capture), before the editor's own Mod-Enter binding sees the key.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.altKey) return;
    var form = document.getElementById("editor");
    if (!form) return;
    var button = form.querySelector("button[name=kind][value='" + (event.shiftKey ? "submit" : "run") + "']");
    if (!button) return;
    event.preventDefault();
    event.stopPropagation();
    if (!button.disabled) button.click();
  }, true);

  // Run and Submit stay disabled while the latest run is queued or running: the result panel
  // says which (data-status), and htmx swaps in a new panel as the grading moves on.
  function syncButtons() {
    var form = document.getElementById("editor");
    if (!form) return;
    var result = document.getElementById("result");
    var status = result && result.getAttribute("data-status");
    var busy = status === "queued" || status === "running";
    form.querySelectorAll(".editor-actions button").forEach(function (button) {
      button.disabled = busy;
      if (busy) {
        button.setAttribute("aria-describedby", "result-heading");
        button.title = "Wait for the current run to finish";
      } else {
        button.removeAttribute("aria-describedby");
        button.removeAttribute("title");
      }
    });
  }
  // After htmx has settled (and re-enabled what hx-disabled-elt disabled), decide again.
  document.addEventListener("htmx:afterSettle", syncButtons);
  document.addEventListener("htmx:afterRequest", function () { setTimeout(syncButtons, 0); });

  // Changes typed since the last autosave; loading a submission would throw them away.
  var unsaved = false;
  document.addEventListener("input", function (event) {
    if (event.target && event.target.id === "source") unsaved = true;
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var elt = event.detail.elt;
    if (elt && elt.id === "source" && event.detail.successful) unsaved = false;
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("load-form")) return;
    if (form.getAttribute("data-replaces-draft") !== "true" && !unsaved) return;
    var message = "Replace the code in your editor with this submission's code? " +
      "Your current code will be lost.";
    if (!window.confirm(message)) event.preventDefault();
  });

  if (window.htmx) {
    window.htmx.onLoad(function (root) { createEditors(root); syncButtons(); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { createEditors(document.body); syncButtons(); });
  } else {
    createEditors(document.body);
    syncButtons();
  }
})();
