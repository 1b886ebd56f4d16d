/*
 * Everyday helpers on every page, each active only where its markup is:
 * - code pages: the permanent address shown in full, buttons that copy the code and the address;
 * - change pages: a filter box that shows only the rows with a code or word; long tables by chapter, each
 *   chapter opened by a click, by a button that opens them all, by the filter or by an address in it;
 * - the next deadline: days counted from today's date (the build date's figure is the fallback);
 *   the deadlines table marks "passert" and "neste" as of today.
 * Nothing is sent or stored.
 */
(function () {
  "use strict";

  var LABELS = window.nkpkLabels; // assets/nkpk-labels.js, from generator/labels.py
  var L = LABELS.everyday;

  function address() {
    var canonical = document.querySelector('link[rel="canonical"]');
    if (canonical && canonical.href) return canonical.href;
    var here = new URL(window.location.href);
    here.search = "";
    here.hash = "";
    return here.href.replace(/index\.html$/, "");
  }

  function copyText(text, status, done) {
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      status.textContent = ok ? done : L.copyFailed;
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { status.textContent = done; }, fallback);
    } else {
      fallback();
    }
  }

  function copyButtons() {
    var shown = document.querySelector("[data-nkpk-address]");
    var status = document.querySelector("[data-nkpk-copy-status]");
    if (!shown || !status) return;
    var url = address();
    shown.textContent = url;
    var code = document.querySelector("[data-nkpk-copy]");
    var link = document.querySelector("[data-nkpk-copy-address]");
    if (code) {
      code.classList.add("nkpk-ready");
      code.addEventListener("click", function () {
        var value = code.getAttribute("data-nkpk-copy");
        copyText(value, status, LABELS.fill(L.codeCopied, { code: value }));
      });
    }
    if (link) {
      link.classList.add("nkpk-ready");
      link.addEventListener("click", function () { copyText(url, status, L.addressCopied); });
    }
  }

  function daysText(days) {
    if (days === 0) return L.today;
    if (days === 1) return L.tomorrow;
    if (days > 1) return LABELS.fill(L.ahead, { days: days });
    if (days === -1) return L.yesterday;
    return LABELS.fill(L.ago, { days: -days });
  }

  function countdown() {
    var today = new Date();
    var start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
    document.querySelectorAll("[data-nkpk-countdown]").forEach(function (time) {
      // A page read long after its build: the first deadline still ahead among those the build listed.
      var upcoming = JSON.parse(time.getAttribute("data-nkpk-upcoming") || "[]");
      for (var k = 0; k < upcoming.length; k++) {
        if (dayOf(upcoming[k][0]) >= start) {
          time.setAttribute("datetime", upcoming[k][0]);
          time.setAttribute("data-nkpk-head", upcoming[k][1]);
          break;
        }
      }
      var days = Math.round((dayOf(time.getAttribute("datetime")) - start) / 86400000);
      time.textContent = time.getAttribute("data-nkpk-head") + daysText(days) + ")";
      var note = time.closest("p") && time.closest("p").querySelector("[data-nkpk-counted]");
      if (note) note.textContent = L.countedFromToday;
    });
  }

  function dayOf(iso) {
    var parts = iso.split("-").map(Number);
    return Date.UTC(parts[0], parts[1] - 1, parts[2]);
  }

  function deadlineStates() {
    // The rows of every deadlines table (what is left of a cycle, then the next one), in date order.
    var rows = document.querySelectorAll("[data-nkpk-deadlines] tr.nkpk-deadline");
    if (!rows.length) return;
    var now = new Date();
    var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
    var next = false;
    rows.forEach(function (row) {
      var day = dayOf(row.querySelector("time").getAttribute("datetime"));
      var state = day < today ? "passert" : (next ? "senere" : "neste");
      if (state === "neste") next = true;
      row.className = "nkpk-deadline nkpk-deadline--" + state;
      var mark = row.querySelector("[data-nkpk-state]");
      mark.textContent = "";
      if (state === "neste") {
        var strong = document.createElement("strong");
        strong.textContent = L.next;
        mark.append(" ", strong);
      } else if (state === "passert") {
        mark.textContent = L.passed;
      }
    });
    var note = document.querySelector("[data-nkpk-states-note]");
    if (note) note.textContent = L.statesNote;
  }

  function filterRows() {
    var box = document.querySelector("[data-nkpk-filter]");
    if (!box) return;
    var input = box.querySelector("input");
    var status = box.querySelector("[data-nkpk-filter-status]");
    var rows = [];
    document.querySelectorAll("[data-nkpk-filterable] tbody tr").forEach(function (row) {
      rows.push({ row: row, part: row.closest("details"), text: row.textContent.toLowerCase().replace(/\s+/g, " ") });
    });
    var parts = Array.prototype.slice.call(document.querySelectorAll("details.nkpk-chapter"));
    var wasOpen = null; // the chapters' open state before the filter opened those with rows it shows
    var timer = 0;
    function apply() {
      var words = input.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
      var shown = 0;
      var hits = new Set();
      if (words.length && !wasOpen) wasOpen = parts.map(function (part) { return part.open; });
      rows.forEach(function (entry) {
        var hit = words.every(function (word) { return entry.text.indexOf(word) >= 0; });
        entry.row.hidden = !hit;
        if (hit) shown += 1;
        if (hit && entry.part) hits.add(entry.part);
      });
      parts.forEach(function (part, index) {
        part.hidden = words.length > 0 && !hits.has(part);
        part.open = words.length ? hits.has(part) : wasOpen ? wasOpen[index] : part.open;
      });
      if (!words.length) wasOpen = null;
      status.textContent = words.length ? LABELS.fill(L.filterShowing, { shown: shown, total: rows.length }) : "";
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(apply, 150);
    });
    box.hidden = false;
  }

  // Change pages: long tables come by chapter, each a <details>. A button opens or closes them all, and an
  // address that names a row or chapter inside a closed one (a code page's history links) opens it.
  function chapters() {
    var parts = Array.prototype.slice.call(document.querySelectorAll("details.nkpk-chapter"));
    if (!parts.length) return;
    var button = document.querySelector("[data-nkpk-open-all]");
    if (button) {
      button.addEventListener("click", function () {
        var open = !parts.every(function (part) { return part.open; });
        parts.forEach(function (part) { part.open = open; });
        button.textContent = open ? L.closeAll : L.openAll;
      });
    }
    function reveal() {
      var id = decodeURIComponent(location.hash.slice(1));
      var target = id && document.getElementById(id);
      var part = target && target.closest("details.nkpk-chapter");
      if (!part || part.open) return;
      part.open = true;
      target.scrollIntoView();
    }
    window.addEventListener("hashchange", reveal);
    reveal();
  }

  copyButtons();
  countdown();
  deadlineStates();
  filterRows();
  chapters();
})();
