// Vitrine's error overlay while `make serve` runs: the content did not build,
// so the site shown is the last one that did. Written by `vitrine build
// --keep-serving`; the next good build serves pages without it.
"use strict";
(function () {
  var report = __VITRINE_REPORT__;
  var css =
    "#vitrine-errors{--e-fg:var(--text,#1f2328);--e-bg:var(--surface,#fff);--e-line:var(--border,#e3e1da);--e-red:#b42318;" +
    "color:var(--e-fg);background:var(--e-bg);border:2px solid var(--e-red);border-radius:8px;padding:0;" +
    "width:min(60rem,calc(100vw - 2rem));max-height:calc(100vh - 2rem);font:16px/1.5 system-ui,sans-serif}" +
    "@media (prefers-color-scheme:dark){:root:not([data-theme=light]) #vitrine-errors{--e-fg:var(--text,#e6e8eb);--e-bg:var(--surface,#171d24);--e-red:#ff8a80}}" +
    ":root[data-theme=dark] #vitrine-errors{--e-red:#ff8a80}" +
    "#vitrine-errors::backdrop{background:rgba(0,0,0,.55)}" +
    "#vitrine-errors header{display:flex;gap:1rem;align-items:start;justify-content:space-between;padding:1rem 1.25rem;border-bottom:1px solid var(--e-line)}" +
    "#vitrine-errors h2{margin:0;font-size:1.25rem;color:var(--e-red)}" +
    "#vitrine-errors header p{margin:.25rem 0 0}" +
    "#vitrine-errors button{font:inherit;color:var(--e-fg);background:transparent;border:1px solid var(--e-line);border-radius:6px;padding:.35rem .8rem;cursor:pointer}" +
    "#vitrine-errors button:focus-visible{outline:3px solid var(--e-red);outline-offset:2px}" +
    "#vitrine-errors ol{margin:0;padding:1rem 1.25rem;list-style:none}" +
    "#vitrine-errors li+li{margin-top:1rem}" +
    "#vitrine-errors h3{margin:0 0 .25rem;font-size:1rem}" +
    "#vitrine-errors pre{margin:0;padding:.75rem;overflow:auto;border:1px solid var(--e-line);border-radius:6px;" +
    "font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre}";

  function element(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    for (var name in attributes || {}) node.setAttribute(name, attributes[name]);
    return node;
  }

  function show() {
    if (document.getElementById("vitrine-errors")) return;
    document.head.appendChild(element("style", css));
    var errors = report.filter(function (d) { return d.severity === "error"; }).length;
    var dialog = element("dialog", "", {
      id: "vitrine-errors",
      "aria-labelledby": "vitrine-errors-title",
      "aria-describedby": "vitrine-errors-note",
    });
    var header = element("header");
    var titles = element("div");
    titles.append(
      element("h2", errors + (errors === 1 ? " error" : " errors") + " in the content", { id: "vitrine-errors-title" }),
      element("p", "The site shown is the last one that built. Save a fix: this page reloads by itself.", {
        id: "vitrine-errors-note",
      })
    );
    var hide = element("button", "Hide (Esc)", { type: "button" });
    hide.addEventListener("click", function () { dialog.close(); });
    header.append(titles, hide);
    var list = element("ol");
    report.forEach(function (d) {
      var item = element("li");
      item.append(element("h3", d.severity + ": " + d.message + (d.at ? " — " + d.at : "")), element("pre", d.text));
      list.append(item);
    });
    dialog.append(header, list);
    // Outside the app's element: the page hydrates as it would without it.
    document.body.appendChild(dialog);
    // Modal: focus moves into it, Escape closes it.
    dialog.showModal();
    hide.focus();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
