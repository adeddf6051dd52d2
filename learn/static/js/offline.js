/* Offline lessons, the page's side: register the service worker (static/js/sw.js, served as
   /sw.js), tell it who is logged in here, and let it send what was kept on the phone, now and
   whenever the connection comes back. Shows the learner what was sent. Without this script or
   without service workers, every page works online as before. */
(function () {
  "use strict";
  var worker = navigator.serviceWorker;
  if (!worker) return;

  function meta(name) {
    var tag = document.querySelector('meta[name="' + name + '"]');
    return tag ? tag.content : null;
  }

  var SENT = "rianthai-sent";

  function show(message) {
    var main = document.querySelector("main");
    if (!main) return;
    var note = document.createElement("p");
    note.className = "flash flash-success synced";
    note.setAttribute("role", "status");
    note.textContent = message;
    main.insertBefore(note, main.firstChild);
  }

  worker.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.type !== "synced" || !data.message) return;
    // A page from the phone is as old as the saved lesson: show it fresh, with the news,
    // unless the learner is busy on it.
    if (data.stale && !document.querySelector("form.exercise, video")) {
      sessionStorage.setItem(SENT, data.message);
      location.reload();
    } else {
      show(data.message);
    }
  });
  if (sessionStorage.getItem(SENT)) {
    show(sessionStorage.getItem(SENT));
    sessionStorage.removeItem(SENT);
  }

  function hello() {
    worker.ready.then(function (registration) {
      // This page's token, read now: the token of a form kept for hours may have expired.
      var assets = performance.getEntriesByType("resource").map(function (e) { return e.name; });
      registration.active.postMessage({type: "page", user: meta("rianthai-user"),
                                       csrf: meta("csrf-token"), assets: assets});
    });
  }

  worker.register("/sw.js").catch(function () { /* no worker: online only */ });
  hello();
  window.addEventListener("online", hello);
}());
