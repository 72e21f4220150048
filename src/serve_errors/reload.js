// Trunk's live reload while `make serve` runs, as a file of the site (the
// page's Content-Security-Policy refuses Trunk's inline client). Reloads the
// page after each build, where it was scrolled to.
"use strict";
(function () {
  var key = "vitrine-serve-scroll";
  var base = new URL(document.baseURI).pathname;
  var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + base + ".well-known/trunk/ws";

  function reload() {
    try {
      sessionStorage.setItem(key, JSON.stringify({ path: location.pathname, y: window.scrollY }));
    } catch (e) {}
    location.reload();
  }

  // Back where it was, once the app has taken the page over.
  function restore() {
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(key) || "null");
      sessionStorage.removeItem(key);
    } catch (e) {}
    if (!saved || saved.path !== location.pathname || !saved.y) return;
    var html = document.documentElement;
    var scroll = function () { window.scrollTo(0, saved.y); };
    if (html.dataset.app) return scroll();
    new MutationObserver(function (_, observer) {
      if (html.dataset.app) {
        observer.disconnect();
        scroll();
      }
    }).observe(html, { attributes: true, attributeFilter: ["data-app"] });
  }

  function connect(again) {
    var socket = new WebSocket(url);
    socket.onopen = function () {
      // Trunk restarted: it has built anew.
      if (again) reload();
    };
    socket.onmessage = function (event) {
      var message = JSON.parse(event.data);
      if (message.type === "reload") reload();
      if (message.type === "buildFailure") console.error("Build failed:", message.data && message.data.reason);
    };
    socket.onclose = function () {
      setTimeout(function () { connect(true); }, 1000);
    };
  }

  restore();
  connect(false);
})();
