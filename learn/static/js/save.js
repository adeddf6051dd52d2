/* "Save for offline" on the course map: download every page, sound, picture and the video of a
   lesson into the phone's cache for this learner (the list comes from the lesson's
   offline.json), show how far it is, what it takes on the phone, and remove it again.
   The service worker (static/js/sw.js) answers from that cache when there is no connection. */
(function () {
  "use strict";
  var texts = document.getElementById("offline-texts");
  if (!texts || !window.caches || !navigator.serviceWorker) return;
  var PAGE_BYTES = 20000;  // a page's weight in the progress bar, against a media file's size

  function say(name, value) { return texts.dataset[name].replace(/\{\w+\}/, value); }
  function megabytes(bytes) { return (bytes / 1e6).toFixed(1) + " MB"; }

  document.querySelectorAll(".offline-save").forEach(function (box) {
    var save = box.querySelector(".save");
    var remove = box.querySelector(".remove");
    var bar = box.querySelector("progress");
    var status = box.querySelector(".status");
    var name = box.dataset.cache;
    var packageUrl = box.dataset.package;

    function show(saved) {
      save.hidden = !!saved;
      save.disabled = false;
      remove.hidden = !saved;
      bar.hidden = true;
      status.textContent = saved ? say("saved", megabytes(saved.saved_bytes)) : "";
      box.classList.toggle("saved", !!saved);
    }

    function failed(message) {
      caches.delete(name).then(function () {
        show(null);
        status.textContent = message || texts.dataset.failed;
      });
    }

    function download(saved) {
      var weight = function (url) { return saved.sizes[url] || PAGE_BYTES; };
      var total = saved.urls.reduce(function (sum, url) { return sum + weight(url); }, 0);
      var done = 0;
      saved.saved_bytes = 0;
      return caches.open(name).then(function (cache) {
        // One file at a time: on a slow line that finishes each sooner than all at once.
        return saved.urls.reduce(function (chain, url) {
          return chain.then(function () {
            return fetch(url, {credentials: "same-origin"}).then(function (response) {
              if (!response.ok || response.redirected) throw new Error(url);
              saved.saved_bytes += Number(response.headers.get("Content-Length")) || 0;
              return cache.put(url, response);
            }).then(function () {
              done += weight(url);
              bar.value = Math.floor(100 * done / total);
              status.textContent = say("saving", bar.value);
            });
          });
        }, Promise.resolve()).then(function () {
          saved.saved_at = Date.now();  // last: a lesson with its package is complete
          var json = {headers: {"Content-Type": "application/json"}};
          return cache.put(packageUrl, new Response(JSON.stringify(saved), json));
        });
      }).then(function () { show(saved); });
    }

    save.addEventListener("click", function () {
      save.disabled = true;
      bar.hidden = false;
      bar.value = 0;
      status.textContent = say("saving", 0);
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist();
      fetch(packageUrl, {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (response) {
          return response.json().then(function (body) {
            if (!response.ok) throw {said: body.error};  // e.g. the lesson is still locked
            return download(body);
          });
        })
        .catch(function (error) { failed(error && error.said); });
    });

    remove.addEventListener("click", function () {
      caches.delete(name).then(function () { show(null); save.focus(); });
    });

    box.hidden = false;
    caches.has(name).then(function (has) {
      return has ? caches.open(name).then(function (c) { return c.match(packageUrl); }) : null;
    }).then(function (response) { return response ? response.json() : null; }).then(show);
  });
}());
