// Mock interview pages: the countdown to the server's deadline, autosave, flags, and
// saving before leaving an item.
//
// The countdown never counts ticks: each update computes deadline - (Date.now() + offset),
// where offset = server clock - this clock, so a throttled background tab cannot drift, and
// the offset is re-taken from every API response and whenever the tab becomes visible.
// Screen readers hear 10, 5 and 1 minutes left only (the timer itself is aria-live="off").
(function () {
  "use strict";

  var root = document.getElementById("mock");
  if (!root) return;
  var api = root.dataset.api;
  var scorecard = root.dataset.scorecard;
  var csrf = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRF-Token"] || "";

  // ---- clock -------------------------------------------------------------------------
  var countdown = document.getElementById("countdown");
  var announce = document.getElementById("timer-announce");
  var toggle = document.getElementById("timer-toggle");
  var deadline = Date.parse(countdown.dataset.deadline);
  var offset = Date.parse(countdown.dataset.serverNow) - Date.now();
  var THRESHOLDS = [10, 5, 1];
  var announced = {};
  var finished = false;

  function remainingMs() { return deadline - (Date.now() + offset); }

  function sync(serverNow, serverDeadline) {
    if (serverNow) offset = Date.parse(serverNow) - Date.now();
    if (serverDeadline) deadline = Date.parse(serverDeadline);
  }

  function format(ms) {
    var total = Math.max(0, Math.ceil(ms / 1000));
    var h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    var mm = (h ? String(m).padStart(2, "0") : String(m)), ss = String(s).padStart(2, "0");
    return (h ? h + ":" : "") + mm + ":" + ss + " left";
  }

  // Thresholds already behind us when the page loads are not announced again.
  THRESHOLDS.forEach(function (minutes) {
    if (remainingMs() <= minutes * 60000) announced[minutes] = true;
  });

  function tick() {
    var left = remainingMs();
    countdown.textContent = format(left);
    countdown.dataset.remaining = String(Math.max(0, Math.ceil(left / 1000)));
    countdown.classList.toggle("urgent", left <= 60000);
    THRESHOLDS.forEach(function (minutes) {
      if (!announced[minutes] && left <= minutes * 60000 && left > 0) {
        announced[minutes] = true;
        announce.textContent = minutes + (minutes === 1 ? " minute" : " minutes") + " left.";
      }
    });
    if (left <= 0 && !finished) {
      finished = true;
      announce.textContent = "Time is up. Your saved answers have been submitted.";
      save(true).then(function () { window.location.assign(scorecard); });
    }
  }

  // Hiding the timer hides the countdown only; the deadline stays on screen.
  function applyHidden(hidden) {
    countdown.hidden = hidden;
    toggle.setAttribute("aria-pressed", hidden ? "true" : "false");
    toggle.textContent = hidden ? "Show timer" : "Hide timer";
  }
  applyHidden(window.localStorage.getItem("katabank-hide-timer") === "1");
  toggle.addEventListener("click", function () {
    var hidden = !countdown.hidden;
    window.localStorage.setItem("katabank-hide-timer", hidden ? "1" : "0");
    applyHidden(hidden);
  });

  function resync() {
    return fetch(api, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (!body) return;
        sync(body.server_now, body.deadline_at);
        if (body.state !== "in_progress" && !finished) {
          finished = true;
          window.location.assign(scorecard);
        }
      })
      .catch(function () { /* offline: keep counting on the last offset */ });
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { resync(); tick(); }
  });
  setInterval(tick, 250);
  setInterval(resync, 60000);
  tick();

  // ---- local times -------------------------------------------------------------------
  document.querySelectorAll("time[data-local-time]").forEach(function (node) {
    var when = new Date(node.getAttribute("datetime"));
    var local = when.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "short" });
    node.setAttribute("title", node.textContent);
    node.textContent = local + " (" + node.textContent.replace(/^\S+ /, "") + ")";
  });

  // ---- autosave ----------------------------------------------------------------------
  var field = document.getElementById("answer");
  var status = document.getElementById("save-status");
  var errorBox = document.getElementById("save-error");
  var savedText = field ? field.value : "";
  var timer = null;
  var firstDirtyAt = 0;
  var inFlight = Promise.resolve();
  var DEBOUNCE_MS = 1000, MAX_WAIT_MS = 3000;

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
  }

  function save(keepalive) {
    if (!field || field.value === savedText) return inFlight;
    var text = field.value;
    var body = {};
    body[field.dataset.field] = text;
    clearTimeout(timer);
    timer = null;
    firstDirtyAt = 0;
    status.textContent = "Saving…";
    inFlight = inFlight.then(function () {
      return fetch(field.dataset.save, {
        method: "PUT",
        credentials: "same-origin",
        keepalive: !!keepalive,
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf, Accept: "application/json" },
        body: JSON.stringify(body),
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          if (response.ok) {
            savedText = text;
            sync(data.server_now, data.deadline_at);
            status.textContent = "Saved at " + new Date().toLocaleTimeString() + ".";
            showError("");
            markAnswered(text);
          } else {
            status.textContent = "Not saved.";
            showError(data.detail || "Your answer could not be saved.");
          }
        });
      }).catch(function () {
        status.textContent = "Not saved: no connection. Retrying…";
        timer = setTimeout(function () { save(false); }, 3000);
      });
    });
    return inFlight;
  }

  function markAnswered(text) {
    var current = document.querySelector(".navigator [aria-current] ");
    var entry = current && current.closest(".nav-item");
    if (!entry || entry.classList.contains("flagged")) return;
    var answered = text.trim() !== "";
    entry.classList.toggle("answered", answered);
    entry.classList.toggle("not-yet", !answered);
    entry.querySelector(".nav-state").textContent = answered ? "answered" : "not yet";
  }

  if (field) {
    field.addEventListener("input", function () {
      status.textContent = "Unsaved changes…";
      var now = Date.now();
      if (!firstDirtyAt) firstDirtyAt = now;
      clearTimeout(timer);
      // Save a second after typing stops, and at least every few seconds while it goes on.
      var wait = Math.max(0, Math.min(DEBOUNCE_MS, firstDirtyAt + MAX_WAIT_MS - now));
      timer = setTimeout(function () { save(false); }, wait);
    });
    field.addEventListener("blur", function () { save(false); });
    // A kata's code editor (CodeMirror, katas.js) keeps the textarea's value and fires
    // "input" on it as it changes, and "change" when it loses focus.
    field.addEventListener("change", function () { save(false); });
    // Leaving the page (closing the tab, reloading) sends what is unsaved with keepalive.
    window.addEventListener("pagehide", function () { save(true); });
    // The Run form sends the textarea itself (and the server saves it), so nothing to do.
  }

  // Links and forms that leave the item wait for the save first.
  function leaveAfterSave(event, go) {
    if (!field || field.value === savedText) return;
    event.preventDefault();
    save(true).then(go);
  }
  document.querySelectorAll(".navigator a, .item-actions a").forEach(function (link) {
    link.addEventListener("click", function (event) {
      leaveAfterSave(event, function () { window.location.assign(link.href); });
    });
  });
  var finish = document.getElementById("finish-form");
  if (finish) {
    finish.addEventListener("submit", function (event) {
      leaveAfterSave(event, function () { finish.submit(); });
    });
  }

  // ---- flag --------------------------------------------------------------------------
  var flag = document.getElementById("flag");
  if (flag) {
    flag.addEventListener("click", function () {
      var flagged = flag.getAttribute("aria-pressed") !== "true";
      fetch(flag.dataset.flag, {
        method: "PUT",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf, Accept: "application/json" },
        body: JSON.stringify({ flagged: flagged }),
      }).then(function (response) {
        if (!response.ok) return;
        flag.setAttribute("aria-pressed", flagged ? "true" : "false");
        flag.textContent = flagged ? "Unflag" : "Flag for later";
        var current = document.querySelector(".navigator [aria-current]");
        var entry = current && current.closest(".nav-item");
        if (entry) {
          entry.classList.toggle("flagged", flagged);
          var answered = field && field.value.trim() !== "";
          entry.classList.toggle("answered", !flagged && answered);
          entry.classList.toggle("not-yet", !flagged && !answered);
          entry.querySelector(".nav-state").textContent = flagged ? "flagged" : (answered ? "answered" : "not yet");
        }
      });
    });
  }

  // htmx drops 4xx responses by default; a refused Run (late, too large, too many) says why.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var code = event.detail.xhr.status;
    if (code === 409 || code === 413 || code === 422 || code === 429) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
