// Progressive enhancements only: every page works without script.
(function () {
  "use strict";
  // Print buttons.
  document.addEventListener("click", function (e) {
    var t = e.target.closest && e.target.closest("[data-print]");
    if (t) { e.preventDefault(); window.print(); }
  });
  // Suggestions for the licence-check box: registration numbers and names as the officer types.
  document.querySelectorAll("input[data-suggest]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null, last = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2 || q === last) { return; }
      timer = setTimeout(function () {
        last = q;
        fetch(input.getAttribute("data-suggest") + "&q=" + encodeURIComponent(q), { credentials: "same-origin", headers: { "Accept": "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            list.textContent = "";
            items.forEach(function (m) {
              var o = document.createElement("option");
              o.value = m.registration_no;
              o.label = (m.name || "") + (m.province ? " · " + m.province : "");
              list.appendChild(o);
            });
          })
          .catch(function () { /* suggestions are a convenience */ });
      }, 200);
    });
  });
  // Single-key shortcuts (review queue): the key named by data-key clicks its control, unless typing in a field.
  var keyed = document.querySelectorAll("[data-key]");
  if (keyed.length) {
    document.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) { return; }
      var tag = (e.target.tagName || "").toLowerCase();
      if (tag === "input" || tag === "textarea" || tag === "select") { return; }
      keyed.forEach(function (el) {
        if (el.getAttribute("data-key") === e.key.toLowerCase()) { e.preventDefault(); el.click(); }
      });
    });
  }
})();
