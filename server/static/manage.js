// Hiring pages: code playback (a slider through an item's autosaved snapshots) and
// confirmation before deleting a candidate's data.
(function () {
  "use strict";

  document.querySelectorAll("[data-playback]").forEach(function (box) {
    var history = JSON.parse(document.getElementById(box.dataset.playback).textContent);
    var slider = box.querySelector(".playback-slider");
    var body = box.querySelector(".playback-body code");
    var step = box.querySelector(".playback-step");
    var when = box.querySelector(".playback-time");
    function show() {
      var snapshot = history[Number(slider.value) - 1];
      body.textContent = snapshot.body;
      step.textContent = slider.value;
      when.textContent = new Date(snapshot.at).toLocaleString();
    }
    slider.addEventListener("input", show);
    show();
  });

  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
})();
