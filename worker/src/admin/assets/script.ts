// The admin UI's only script (progressive enhancement; every page works without it), served as /admin/assets/app.js.
export const SCRIPT = `"use strict";
document.addEventListener("submit", function (e) {
  var form = e.target;
  var question = form && form.getAttribute && form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) e.preventDefault();
});
document.addEventListener("click", function (e) {
  var btn = e.target && e.target.closest && e.target.closest("[data-copy]");
  if (!btn) return;
  var el = document.getElementById(btn.getAttribute("data-copy"));
  if (!el || !navigator.clipboard) return;
  navigator.clipboard.writeText(el.textContent.trim()).then(function () {
    var label = btn.textContent;
    btn.textContent = btn.getAttribute("data-copied") || "OK";
    setTimeout(function () { btn.textContent = label; }, 1500);
  });
});
document.addEventListener("change", function (e) {
  var el = e.target;
  if (el && el.form && el.form.hasAttribute("data-autosubmit") && el.tagName === "SELECT") el.form.requestSubmit();
});
(function countdown() {
  var el = document.querySelector("[data-expires]");
  if (!el) return;
  var end = Date.parse(el.getAttribute("data-expires"));
  function tick() {
    var s = Math.max(0, Math.round((end - Date.now()) / 1000));
    el.textContent = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
    if (s > 0) setTimeout(tick, 1000);
  }
  tick();
})();
(function weightsSum() {
  var box = document.querySelector("[data-weights-sum]");
  var out = box && box.querySelector("output");
  var form = box && box.closest("form");
  if (!out || !form) return;
  var format = new Intl.NumberFormat(document.documentElement.lang || undefined, { maximumFractionDigits: 2 });
  form.addEventListener("input", function (e) {
    if (!/^scorecard\\.criteria\\.\\d+\\.weight$/.test(e.target.name || "")) return;
    var total = 0;
    form.querySelectorAll("input[name^='scorecard.criteria.'][name$='.weight']").forEach(function (el) {
      var v = parseFloat(el.value);
      if (isFinite(v)) total += v;
    });
    out.textContent = format.format(total);
    box.classList.toggle("off", Math.abs(total - 100) > 1e-9);
  });
})();
document.querySelectorAll("[data-copy]").forEach(function (b) { b.hidden = !navigator.clipboard; });
`;

/** A small SVG mark used as the favicon. */
export const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#101828"/><path d="M16 5 27 16 16 27 5 16z" fill="#8ea8ff"/></svg>`;
