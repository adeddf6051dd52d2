/* The service worker (served as /sw.js, so its scope is the whole site): lessons saved on the
   phone open with no connection, and what the learner does offline is kept and sent later.

   - Pages: the network first; with no network, or none within NAV_TIMEOUT, the copy saved
     with a lesson of the learner logged in on this phone, else the "you are offline" page.
   - /static: the cache first (their URLs carry a hash of the file).
   - /media: a saved lesson's file when there is one (Range requests are answered from it),
     else the network.
   - An answer, a finished step or a video report that cannot reach the server is kept in
     IndexedDB with its UUID and the learner's id, and the learner goes on to the next page.
     A page of the same learner (static/js/offline.js) has it sent to /sync with its CSRF
     token; a record leaves the phone only once the server has answered for it.

   The caches of saved lessons are filled by static/js/save.js; their names carry the
   learner's id, and only the learner last seen logged in on a page from the network gets
   them: a phone shared by two learners never shows or sends one's work as the other's. */
"use strict";

var SHELL = "rianthai-shell-1";
var STATIC = "rianthai-static";
var LESSONS = "rianthai-lesson-";
var NAV_TIMEOUT = 5000;  // ms: a slower page comes from the phone when it is saved there
var POST_TIMEOUT = 10000;
var BATCH = 100;  // records per /sync request: the server's limit
var TRIES = 4;  // connections tried when sending the queue...
var RETRY_AFTER = 3000;  // ms ...this far apart
var DONE_AT = 0.9;  // share of a video seen that finishes its step (learn/watching.py)
var LESSON_URL = /^\/courses\/([^/]+)\/lessons\/([^/]+)(?:\/steps\/([^/]+))?$/;
var RECORD_URL = /^\/courses\/([^/]+)\/lessons\/([^/]+)\/steps\/([^/]+)\/(answer|done|watch)$/;

var fromPhone = new Set();  // ids of the pages answered from a saved copy
var syncing = null;

/* IndexedDB: "queue" holds the records (key: the UUID; a video's one report: its step),
   "state" the learner logged in on the last page from the network. */
function store(name, mode, work) {
  return new Promise(function (resolve, reject) {
    var open = indexedDB.open("rianthai", 1);
    open.onupgradeneeded = function () {
      open.result.createObjectStore("queue", {keyPath: "key"});
      open.result.createObjectStore("state");
    };
    open.onerror = function () { reject(open.error); };
    open.onsuccess = function () {
      var db = open.result;
      var tx = db.transaction(name, mode);
      var request = work(tx.objectStore(name));
      tx.oncomplete = function () { db.close(); resolve(request ? request.result : undefined); };
      tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
    };
  });
}

function currentUser() {
  return store("state", "readonly", function (s) { return s.get("user"); })
    .then(function (user) { return user || null; });
}

function timeout(promise, ms) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { reject(new Error("timeout")); }, ms);
    promise.then(function (value) { clearTimeout(timer); resolve(value); },
                 function (error) { clearTimeout(timer); reject(error); });
  });
}

function json(data) {
  return new Response(JSON.stringify(data), {headers: {"Content-Type": "application/json"}});
}

/* Saved lessons */
function lessonCaches(user) {
  if (!user) return Promise.resolve([]);
  return caches.keys().then(function (names) {
    return names.filter(function (name) { return name.indexOf(LESSONS + user + "-") === 0; });
  });
}

function findSaved(user, url) {
  return lessonCaches(user).then(function (names) {
    return names.reduce(function (found, name) {
      return found.then(function (hit) {
        return hit || caches.open(name).then(function (c) {
          return c.match(url, {ignoreVary: true});
        });
      });
    }, Promise.resolve(undefined));
  });
}

function lessonPackage(user, course, lesson) {
  var name = LESSONS + user + "-" + course + "-" + lesson;
  return caches.has(name).then(function (saved) {
    if (!saved) return null;
    var url = "/courses/" + course + "/lessons/" + lesson + "/offline.json";
    return caches.open(name)
      .then(function (c) { return c.match(url); })
      .then(function (response) { return response ? response.json() : null; });
  });
}

function queued(user) {
  return store("queue", "readonly", function (s) { return s.getAll(); }).then(function (all) {
    return all.filter(function (r) { return r.user === user; })
      .sort(function (a, b) { return a.at - b.at; });
  });
}

function watched(step, report) {
  var clip = (step && step.clip) || [0, null];
  var end = Math.min(clip[1] || report.duration, report.duration);
  var seen = report.played.reduce(function (sum, r) {
    return sum + Math.max(0, Math.min(r[1], end) - Math.max(r[0], clip[0]));
  }, 0);
  return end > clip[0] && seen >= DONE_AT * (end - clip[0]);
}

/* Where a lesson (or one of its steps) goes on offline: the first page not done on the
   server when it was saved nor since on this phone. */
function nextPage(user, course, lesson, stepId) {
  return Promise.all([lessonPackage(user, course, lesson), queued(user)]).then(function (both) {
    var saved = both[0];
    if (!saved) return null;
    var mine = both[1].filter(function (r) { return r.course === course && r.lesson === lesson; });
    var steps = saved.steps.filter(function (s) { return !stepId || s.id === stepId; });
    for (var i = 0; i < steps.length; i++) {
      var step = steps[i];
      var done = step.done || mine.some(function (r) {
        if (r.step !== step.id) return false;
        return r.kind === "step" || (r.kind === "watch" && watched(step, r.report));
      });
      var todo = step.pages.filter(function (page) {
        return !page.exercise || !mine.some(function (r) {
          return r.kind === "answer" && r.step === step.id && r.exercise === page.exercise;
        });
      });
      if (stepId) return (todo[0] || step.pages[0]).url;
      if (!done && todo.length) return todo[0].url;
    }
    return stepId ? null : saved.after;
  });
}

/* A saved page as the server would render it again: each form with a new UUID, so that
   answering the same saved exercise twice makes two answers, as it does online. */
function rendered(response) {
  return response.text().then(function (html) {
    html = html.replace(/(name="uuid" value=")[0-9a-f-]{36}/g, function (_m, start) {
      return start + self.crypto.randomUUID();
    });
    var headers = {"Content-Type": response.headers.get("Content-Type") || "text/html"};
    var csp = response.headers.get("Content-Security-Policy");
    if (csp) headers["Content-Security-Policy"] = csp;
    return new Response(html, {status: 200, headers: headers});
  });
}

function offlinePage(user, clientId) {
  return findSaved(user, "/offline")
    .then(function (hit) { return hit || caches.match("/offline", {cacheName: SHELL}); })
    .then(function (hit) {
      if (!hit) return new Response("Offline", {status: 503});
      fromPhone.add(clientId);
      return rendered(hit);
    });
}

function fromPhoneCopy(user, url, clientId) {
  return findSaved(user, url).then(function (hit) {
    if (hit) {
      fromPhone.add(clientId);
      return rendered(hit);
    }
    var path = new URL(url).pathname;
    var match = LESSON_URL.exec(path);
    if (!user || !match) return null;
    return nextPage(user, match[1], match[2], match[3]).then(function (next) {
      return next && next !== path ? Response.redirect(next, 302) : null;
    });
  });
}

/* Keep the saved copy of a page up to date when the network brings a fresh one. */
function keepFresh(user, url, response) {
  return lessonCaches(user).then(function (names) {
    return Promise.all(names.map(function (name) {
      return caches.open(name).then(function (c) {
        return c.match(url, {ignoreVary: true}).then(function (hit) {
          return hit && c.put(url, response.clone());
        });
      });
    }));
  });
}

function navigate(event) {
  var request = event.request;
  var network = fetch(request);
  network.catch(function () { /* answered below */ });
  return currentUser().then(function (user) {
    return timeout(network, NAV_TIMEOUT).then(function (response) {
      if (user && response.ok && response.type === "basic" && !response.redirected) {
        event.waitUntil(keepFresh(user, request.url, response.clone()));
      }
      return response;
    }, function () {
      return fromPhoneCopy(user, request.url, event.resultingClientId).then(function (copy) {
        return copy || network.catch(function () {
          return offlinePage(user, event.resultingClientId);
        });
      });
    });
  });
}

function keepStatic(url, response) {
  var path = new URL(url).pathname;
  return caches.open(STATIC).then(function (c) {
    return c.keys().then(function (keys) {  // the file's older versions go
      return Promise.all(keys.filter(function (k) {
        return new URL(k.url).pathname === path;
      }).map(function (k) { return c.delete(k); }));
    }).then(function () { return c.put(url, response); });
  });
}

function fromStatic(request) {
  return caches.match(request, {ignoreVary: true}).then(function (hit) {
    return hit || fetch(request).then(function (response) {
      if (response.ok) keepStatic(request.url, response.clone());
      return response;
    });
  });
}

/* The static files a page has just loaded, into the cache: fetched now, they come from the
   browser's HTTP cache (later, a new session cookie would miss it: Flask varies every response
   on Cookie), and a page opened offline finds its styles. */
function takeStatic(urls) {
  return Promise.all(urls.filter(function (url) {
    var where = new URL(url);
    return where.origin === self.location.origin && where.pathname.indexOf("/static/") === 0;
  }).map(function (url) {
    return caches.match(url, {ignoreVary: true}).then(function (hit) {
      return hit || fetch(url).then(function (response) {
        return response.ok ? keepStatic(url, response) : null;
      });
    });
  })).catch(function () { /* offline: next time */ });
}

/* A 206 answer to a Range request, cut from the whole file saved on the phone. */
function ranged(response, header) {
  var range = /^bytes=(\d*)-(\d*)$/.exec(header || "");
  if (!range || (range[1] === "" && range[2] === "")) return response;
  return response.blob().then(function (blob) {
    var size = blob.size;
    var start = range[1] === "" ? Math.max(0, size - Number(range[2])) : Number(range[1]);
    var end = range[1] === "" || range[2] === "" ? size - 1 : Math.min(Number(range[2]), size - 1);
    if (start >= size || start > end) {
      return new Response(null, {status: 416, headers: {"Content-Range": "bytes */" + size}});
    }
    return new Response(blob.slice(start, end + 1), {status: 206, headers: {
      "Content-Type": response.headers.get("Content-Type") || "application/octet-stream",
      "Content-Range": "bytes " + start + "-" + end + "/" + size,
      "Content-Length": String(end - start + 1),
      "Accept-Ranges": "bytes"
    }});
  });
}

function fromMedia(request) {
  return currentUser().then(function (user) { return findSaved(user, request.url); })
    .then(function (hit) {
      return hit ? ranged(hit, request.headers.get("Range")) : fetch(request);
    });
}

/* Records kept on the phone */
function merge(ranges) {
  var merged = [];
  ranges.slice().sort(function (a, b) { return a[0] - b[0]; }).forEach(function (r) {
    var last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 0.5) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  });
  return merged;
}

function keepRecord(user, place, request) {
  var base = {user: user, course: place[1], lesson: place[2], step: place[3], at: Date.now()};
  if (place[4] === "watch") {
    var key = ["watch", user, place[1], place[2], place[3]].join("/");
    return request.json().then(function (report) {
      var record;
      return store("queue", "readwrite", function (s) {
        var old = s.get(key);
        old.onsuccess = function () {
          var before = old.result ? old.result.report.played : [];
          report.played = merge(before.concat(report.played || []));
          record = Object.assign(base, {key: key, uuid: self.crypto.randomUUID(), kind: "watch",
                                        report: report});
          s.put(record);
        };
      }).then(function () { return record; });
    });
  }
  return request.formData().then(function (form) {
    var fields = {};
    form.forEach(function (value, name) {  // the token stays behind: /sync gets a fresh one
      if (name === "csrf_token" || typeof value !== "string") return;
      (fields[name] = fields[name] || []).push(value);
    });
    var uuid = (fields.uuid || [self.crypto.randomUUID()])[0];
    var record = Object.assign(base, {key: uuid, uuid: uuid});
    if (place[4] === "answer") {
      record.kind = "answer";
      record.exercise = (fields.exercise || [""])[0];
      record.fields = fields;
    } else {
      record.kind = "step";
    }
    return store("queue", "readwrite", function (s) {
      var old = s.get(uuid);  // the same form sent twice is one record, as on the server
      old.onsuccess = function () { if (!old.result) s.put(record); };
    }).then(function () { return record; });
  });
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
}

function afterKept(user, record, asksJson) {
  return lessonPackage(user, record.course, record.lesson).then(function (saved) {
    var texts = (saved && saved.texts) || {saved: "✓", checked: ""};
    if (record.kind === "watch") {
      var step = saved && saved.steps.filter(function (s) { return s.id === record.step; })[0];
      return json({done: watched(step, record.report), offline: true});
    }
    if (asksJson) {  // a checkpoint inside the video (static/js/player.js)
      return json({outcome: "saved", title: texts.saved, correct: false, tries_left: 0,
                   messages: texts.checked ? [escapeHtml(texts.checked)] : [],
                   uuid: self.crypto.randomUUID()});
    }
    var url = ["/courses", record.course, "lessons", record.lesson, "steps", record.step,
               "saved"].join("/");
    if (record.kind === "answer") url += "?exercise=" + encodeURIComponent(record.exercise);
    return Response.redirect(url, 303);
  });
}

function keep(request, place) {
  var copy = request.clone();
  return timeout(fetch(request), POST_TIMEOUT).catch(function () {
    return currentUser().then(function (user) {
      if (!user) return Response.error();
      var asksJson = (copy.headers.get("Accept") || "").indexOf("application/json") >= 0;
      return keepRecord(user, place, copy).then(function (record) {
        return afterKept(user, record, asksJson);
      });
    });
  });
}

/* Sending the queue */
function sendBatch(batch, csrf) {
  return fetch("/sync", {
    method: "POST", credentials: "same-origin",
    headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
    body: JSON.stringify({records: batch})
  }).then(function (response) {
    var isJson = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
    if (!response.ok || !isJson) throw new Error("/sync answered " + response.status);
    return response.json();
  }).then(function (answer) {
    var answered = new Set(answer.results.filter(function (r) {
      return r.status !== "refused" || r.reason !== "other_user";  // not this account's: kept
    }).map(function (r) { return r.uuid; }));
    return store("queue", "readwrite", function (s) {
      batch.forEach(function (record) {
        if (!answered.has(record.uuid)) return;
        var now = s.get(record.key);  // a video report updated since it was sent stays
        now.onsuccess = function () {
          if (now.result && now.result.uuid === record.uuid) s.delete(record.key);
        };
      });
    }).then(function () { return answer.message; });
  });
}

/* Send the learner's queue, batch by batch; the messages of the batches sent. The network
   may come back a little after the page says "online": a failed connection is tried again
   a few times, a refusal (an old token, no session) is not, and the records wait. */
function send(user, csrf, tries) {
  var messages = [];
  return queued(user).then(function (records) {
    var chain = Promise.resolve();
    for (var i = 0; i < records.length; i += BATCH) {
      chain = chain.then(sendBatch.bind(null, records.slice(i, i + BATCH), csrf))
        .then(function (message) { if (message) messages.push(message); });
    }
    return chain;
  }).then(function () { return messages.join(" "); }, function (error) {
    var sent = messages.join(" ");
    if (!(error instanceof TypeError) || tries <= 1) return sent;
    return new Promise(function (wait) { setTimeout(wait, RETRY_AFTER); })
      .then(function () { return send(user, csrf, tries - 1); })
      .then(function (more) { return [sent, more].filter(Boolean).join(" "); });
  });
}

/* What was sent, to every open page: the one that asked may be gone by the time it is done. */
function tell(message) {
  return self.clients.matchAll({type: "window"}).then(function (pages) {
    pages.forEach(function (page) {
      page.postMessage({type: "synced", message: message, stale: fromPhone.has(page.id)});
    });
  });
}

function sync(user, csrf) {
  if (syncing) return syncing.then(function () { return ""; });
  syncing = send(user, csrf, TRIES).then(function (message) {
    syncing = null;
    return message;
  });
  return syncing;
}

self.addEventListener("install", function (event) {
  // As a visitor sees it: no account's page, and no new session cookie for the pages open.
  var page = new Request("/offline", {credentials: "omit"});
  event.waitUntil(caches.open(SHELL).then(function (c) { return c.add(page); })
    .catch(function () { /* installed while offline: the page comes with a saved lesson */ })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("rianthai-shell-") === 0 && name !== SHELL;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var page = event.source;
  if (data.type !== "page" || !page) return;
  // Only a page from the network says who is logged in: a saved copy tells the past.
  var told = fromPhone.has(page.id) ? Promise.resolve() :
    store("state", "readwrite", function (s) { return s.put(data.user || null, "user"); });
  var ready = Promise.all([takeStatic(data.assets || []), told]);
  event.waitUntil(ready.then(currentUser).then(function (user) {
    if (!user || user !== data.user || !data.csrf || !self.navigator.onLine) return null;
    return sync(user, data.csrf).then(function (message) { return message && tell(message); });
  }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST") {
    var place = RECORD_URL.exec(url.pathname);
    if (place) event.respondWith(keep(request, place));
    return;
  }
  if (request.method !== "GET") return;
  if (request.mode === "navigate") event.respondWith(navigate(event));
  else if (url.pathname.indexOf("/static/") === 0) event.respondWith(fromStatic(request));
  else if (url.pathname.indexOf("/media/") === 0) event.respondWith(fromMedia(request));
});
