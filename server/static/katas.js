// Kata pages: turn each code textarea into the vendored CodeMirror editor (the textarea stays
// in the form, so Run, Submit and the draft autosave send the editor's text), and let htmx
// show a refusal (413 too large, 429 too many) in place: it drops 4xx responses by default.
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

  if (window.htmx) {
    window.htmx.onLoad(createEditors);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { createEditors(document.body); });
  } else {
    createEditors(document.body);
  }
})();
