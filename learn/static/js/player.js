/* The video step: resume, report what was seen, speed, replay, and checkpoint questions.
   Without this script the page still works: the video plays and a button finishes the step. */
(function () {
  "use strict";
  var video = document.getElementById("player");
  if (!video) return;
  var data = video.dataset;
  var clipStart = parseFloat(data.clipStart) || 0;
  var clipEnd = parseFloat(data.clipEnd) || null;
  var resume = parseFloat(data.resume) || clipStart;
  var lastReport = 0;
  var continueLink = document.getElementById("continue");

  video.addEventListener("loadedmetadata", function () {
    if (resume > 0) video.currentTime = resume;
  });

  function played() {
    var ranges = [];
    for (var i = 0; i < video.played.length; i++) ranges.push([video.played.start(i), video.played.end(i)]);
    return ranges;
  }

  function report() {
    if (!isFinite(video.duration) || !video.duration) return;
    lastReport = Date.now();
    fetch(data.watchUrl, {
      method: "POST", keepalive: true, credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": data.csrf},
      body: JSON.stringify({position: video.currentTime, duration: video.duration, played: played()})
    }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answer) { if (answer && answer.done) continueLink.hidden = false; })
      .catch(function () { /* offline: the next report carries everything again */ });
  }

  var checkpoints = Array.prototype.slice.call(document.querySelectorAll(".checkpoint"));
  var asked = [];
  checkpoints.forEach(function (section) { section.hidden = true; });

  video.addEventListener("timeupdate", function () {
    if (Date.now() - lastReport > 5000) report();
    if (clipEnd && video.currentTime >= clipEnd) video.pause();
    checkpoints.forEach(function (section) {
      var at = parseFloat(section.dataset.at);
      if (asked.indexOf(section) < 0 && video.currentTime >= at && video.currentTime < at + 2) {
        asked.push(section);
        video.pause();
        section.hidden = false;
        section.scrollIntoView({behavior: "smooth", block: "center"});
      }
    });
  });
  ["pause", "ended"].forEach(function (name) { video.addEventListener(name, report); });
  document.addEventListener("visibilitychange", function () { if (document.hidden) report(); });

  var tools = document.querySelector(".player-tools");
  tools.hidden = false;
  tools.querySelectorAll("[data-speed]").forEach(function (button) {
    button.addEventListener("click", function () {
      video.playbackRate = parseFloat(button.dataset.speed);
      tools.querySelectorAll("[data-speed]").forEach(function (b) { b.setAttribute("aria-pressed", b === button); });
    });
  });
  tools.querySelectorAll("[data-back]").forEach(function (button) {
    button.addEventListener("click", function () {
      video.currentTime = Math.max(clipStart, video.currentTime - parseFloat(button.dataset.back));
      video.play();
    });
  });

  checkpoints.forEach(function (section) {
    var form = section.querySelector("form");
    var result = section.querySelector(".checkpoint-result");
    var resumeButton = section.querySelector(".resume");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      fetch(form.action, {method: "POST", body: new FormData(form), credentials: "same-origin",
                          headers: {"Accept": "application/json"}})
        .then(function (r) { return r.json(); })
        .then(function (answer) {
          result.hidden = false;
          result.className = "checkpoint-result feedback-" + answer.outcome;
          result.innerHTML = "";
          var title = document.createElement("strong");
          title.textContent = answer.title;
          result.appendChild(title);
          answer.messages.forEach(function (html) {
            var p = document.createElement("p");
            p.innerHTML = html;  // escaped by the server (learn/learner/feedback.py)
            result.appendChild(p);
          });
          form.querySelector("input[name=uuid]").value = answer.uuid;
          if (answer.correct || !answer.tries_left) {
            form.querySelector("button[type=submit]").disabled = true;
            resumeButton.hidden = false;
          }
        });
    });
    resumeButton.addEventListener("click", function () {
      section.hidden = true;
      video.play();
    });
  });
}());
