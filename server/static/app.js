// Katabank's script for every page: typesets maths with the vendored KaTeX, shows times in the
// viewer's time zone, and says so whenever an htmx request fails.
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

  // No htmx failure is silent: a request that fails (an error status htmx does not swap, or
  // no answer at all) says so in the page's alert region, with the server's reason if it gave
  // one. The region is always in the page, so screen readers announce what is put in it.
  function errorRegion() {
    return document.getElementById("request-error");
  }

  function reasonFrom(xhr) {
    var type = (xhr.getResponseHeader("Content-Type") || "").toLowerCase();
    var body = xhr.responseText || "";
    if (type.indexOf("application/json") === 0) {
      try {
        var detail = JSON.parse(body).detail;
        if (typeof detail === "string") return detail;
      } catch (err) { /* not JSON after all: fall back to the status */ }
    } else if (type.indexOf("text/html") === 0) {
      var doc = new DOMParser().parseFromString(body, "text/html");
      var message = doc.querySelector(".error-message");
      if (message && message.textContent.trim()) return message.textContent.trim();
    }
    return "";
  }

  function showError(text) {
    var region = errorRegion();
    if (!region) return;
    region.textContent = "";
    var message = document.createElement("p");
    message.textContent = text;
    var dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "link-button";
    dismiss.textContent = "Dismiss";
    dismiss.addEventListener("click", function () { region.textContent = ""; });
    region.appendChild(message);
    region.appendChild(dismiss);
  }

  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var reason = reasonFrom(xhr);
    showError("That did not work (error " + xhr.status + "). " +
      (reason || "Please try again in a moment."));
  });
  document.addEventListener("htmx:sendError", function () {
    showError("The server could not be reached. Check your connection and try again.");
  });
  document.addEventListener("htmx:timeout", function () {
    showError("The server took too long to answer. Please try again.");
  });

  // Times come from the server in UTC (<time datetime=... data-local=...>); show them in the
  // viewer's own time zone, naming it, and keep the UTC text in the title for hover.
  var TIME_FORMATS = {
    "date-time": { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" },
    "date-time-seconds": { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "short" },
    "time": { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "short" }
  };

  function localizeTimes(root) {
    if (!root.querySelectorAll || !window.Intl) return;
    root.querySelectorAll("time[data-local]:not([data-localized])").forEach(function (el) {
      var moment = new Date(el.getAttribute("datetime"));
      var format = TIME_FORMATS[el.getAttribute("data-local")];
      if (isNaN(moment.getTime()) || !format) return;
      el.title = el.title || el.textContent;
      el.textContent = new Intl.DateTimeFormat(undefined, format).format(moment);
      el.setAttribute("data-localized", "");
    });
  }

  function onLoad(root) {
    typeset(root);
    localizeTimes(root);
  }

  window.katabank = { typeset: typeset, showError: showError, localizeTimes: localizeTimes };

  if (window.htmx) {
    window.htmx.onLoad(onLoad); // runs for the whole body first, then for each swapped fragment
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { onLoad(document.body); });
  } else {
    onLoad(document.body);
  }
})();
