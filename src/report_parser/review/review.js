(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("review-data").textContent);
  var WORDS = DATA.words;  // review.yaml page.script
  function marksOf(id) {
    return Array.prototype.slice.call(document.querySelectorAll('.mark[data-id="' + CSS.escape(id) + '"]'));
  }
  function clearActive() {
    document.querySelectorAll(".mark.active").forEach(function (m) { m.classList.remove("active", "flash"); });
    document.querySelectorAll("tr.selected").forEach(function (r) { r.classList.remove("selected"); });
  }
  function show(id) {
    clearActive();
    var marks = marksOf(id);
    document.querySelectorAll('tr[data-id="' + CSS.escape(id) + '"]').forEach(function (r) { r.classList.add("selected"); });
    if (!marks.length) { info(id, WORDS.not_found); return; }
    marks.forEach(function (m) { m.classList.add("active"); void m.offsetWidth; m.classList.add("flash"); });
    marks[0].scrollIntoView({ block: "center", inline: "nearest" });
  }
  function info(id, note) {
    var rec = DATA.records[id], box = document.getElementById("info");
    if (!rec) { return; }
    var html = '<button type="button" aria-label="' + esc(WORDS.close) + '">×</button><b>' + esc(rec.title) + "</b><dl>";
    rec.fields.forEach(function (f) { html += "<dt>" + esc(f[0]) + "</dt><dd>" + esc(f[1]) + "</dd>"; });
    html += "</dl>" + (note ? "<p><i>" + esc(note) + "</i></p>" : "");
    box.innerHTML = html;
    box.classList.add("open");
    box.querySelector("button").addEventListener("click", function () { box.classList.remove("open"); });
  }
  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }
  document.querySelectorAll("tr[data-id]").forEach(function (tr) {
    if (!marksOf(tr.dataset.id).length) { tr.classList.add("unmarked"); }
    tr.addEventListener("click", function (e) {
      if (e.target.closest("input, select, button, label")) { return; }
      show(tr.dataset.id);
    });
  });
  document.querySelectorAll(".mark").forEach(function (m) {
    m.addEventListener("click", function (e) {
      e.stopPropagation();
      clearActive();
      m.classList.add("active");
      var row = document.querySelector('tr[data-id="' + CSS.escape(m.dataset.id) + '"]');
      if (row) { row.classList.add("selected"); row.scrollIntoView({ block: "nearest" }); }
      info(m.dataset.id);
    });
  });
  function corrections() {
    var out = [];
    document.querySelectorAll("tr[data-id]").forEach(function (tr) {
      var rec = DATA.records[tr.dataset.id];
      if (!rec || !rec.key) { return; }
      var drop = tr.querySelector("input.drop"), fix = tr.querySelector("input.fix"), verdict = tr.querySelector("select.verdict");
      var base = { id: tr.dataset.id, target: rec.target, key: rec.key, original: rec.original, label: rec.title };
      if (drop && drop.checked) {
        out.push(Object.assign(base, { action: "not_indicator" }));
      } else if (fix && fix.value.trim() !== "") {
        var v = Number(fix.value.trim().replace(/\./g, "").replace(",", "."));
        if (!isFinite(v)) { throw new Error(WORDS.invalid + ": " + fix.value); }
        out.push(Object.assign(base, { action: "value", value: v }));
      } else if (verdict && verdict.value) {
        out.push(Object.assign(base, { action: verdict.value }));
      }
    });
    return out;
  }
  function mark(tr) {
    var drop = tr.querySelector("input.drop"), fix = tr.querySelector("input.fix");
    tr.classList.toggle("corrected", !!(fix && fix.value.trim() !== ""));
    var verdict = tr.querySelector("select.verdict");
    tr.classList.toggle("dropped", !!(drop && drop.checked) || !!(verdict && verdict.value === "dismiss"));
  }
  document.querySelectorAll("input.fix, input.drop, select.verdict").forEach(function (el) {
    el.addEventListener("change", function () { mark(el.closest("tr")); });
  });
  var button = document.getElementById("download");
  if (button) {
    button.addEventListener("click", function () {
      var list;
      try { list = corrections(); } catch (err) { alert(err.message); return; }
      var body = JSON.stringify({ report: DATA.report, corrections: list }, null, 2);
      var a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([body], { type: "application/json" }));
      a.download = "corrections.json";
      document.body.appendChild(a);
      a.click();
      a.remove();
      document.getElementById("count").textContent = list.length + " " + WORDS.changes;
    });
  }
  Object.keys(DATA.stored || {}).forEach(function (id) {  // what the store already holds
    var tr = document.querySelector('tr[data-id="' + CSS.escape(id) + '"]'), s = DATA.stored[id];
    if (!tr) { return; }
    var fix = tr.querySelector("input.fix"), drop = tr.querySelector("input.drop"), verdict = tr.querySelector("select.verdict");
    if (s.action === "value" && fix) { fix.value = String(s.value).replace(".", ","); }
    if (s.action === "not_indicator" && drop) { drop.checked = true; }
    if ((s.action === "accept" || s.action === "dismiss") && verdict) { verdict.value = s.action; }
    tr.title = s.note;
    mark(tr);
  });
  window.reviewCorrections = corrections;
})();
