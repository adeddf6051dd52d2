/* The textbook page while its PDF is prepared: ask again every 3 seconds and put the news in
   the status box (which screen readers announce), instead of reloading the whole page under
   the reader's focus. Without this script a <noscript> refresh reloads the page. */
(function () {
  "use strict";
  var status = document.querySelector("section[data-preparing]");
  if (!status || !window.fetch || !window.DOMParser) return;

  function look() {
    fetch(location.href, {credentials: "same-origin"})
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html")
          .querySelector("section[role=status]");
        if (!fresh) throw new Error("no status on the page");
        if (fresh.hasAttribute("data-preparing")) return setTimeout(look, 3000);
        while (status.firstChild) status.removeChild(status.firstChild);
        Array.prototype.forEach.call(fresh.childNodes, function (node) {
          status.appendChild(document.importNode(node, true));
        });
        status.removeAttribute("data-preparing");
      })
      .catch(function () { setTimeout(look, 10000); });
  }
  setTimeout(look, 3000);
}());
