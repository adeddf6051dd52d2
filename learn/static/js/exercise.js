/* Exercise pages: note that the learner opened the hint, so the answer is logged as hinted.
   Without this script the hint still opens; only that note is missing. */
(function () {
  "use strict";
  document.querySelectorAll("form.exercise").forEach(function (form) {
    var hint = form.querySelector("details.hint");
    var flag = form.querySelector("input[name=hinted]");
    if (hint && flag) hint.addEventListener("toggle", function () { if (hint.open) flag.value = "1"; });
  });
}());
