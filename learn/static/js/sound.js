/* Play a word's or a line's sound in place. Without this script the link opens the sound. */
(function () {
  "use strict";
  var playing = null;
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.play");
    if (!link) return;
    event.preventDefault();
    if (playing) playing.pause();
    playing = new Audio(link.href);
    playing.play();
  });
}());
