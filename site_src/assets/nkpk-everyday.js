/*
 * Everyday helpers on every page (issue 16), each active only where its markup is:
 * - code pages: the permanent address shown in full, buttons that copy the code and the address;
 * - change pages: a filter box that shows only the rows with a code or word;
 * - the next deadline: days counted from today's date (the build date's figure is the fallback);
 *   the deadlines table marks "passert" and "neste" as of today.
 * Nothing is sent or stored.
 */
(function () {
  "use strict";

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
      status.textContent = ok ? done : "Kunne ikke kopiere: merk teksten og kopier den selv.";
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
      code.hidden = false;
      code.addEventListener("click", function () {
        var value = code.getAttribute("data-nkpk-copy");
        copyText(value, status, "Koden " + value + " er kopiert.");
      });
    }
    if (link) {
      link.hidden = false;
      link.addEventListener("click", function () { copyText(url, status, "Adressen er kopiert."); });
    }
  }

  function daysText(days) {
    if (days === 0) return "i dag";
    if (days === 1) return "i morgen";
    if (days > 1) return "om " + days + " dager";
    if (days === -1) return "fristen gikk ut i går";
    return "fristen gikk ut for " + -days + " dager siden";
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
      if (note) note.textContent = "Antall dager er regnet fra dagens dato.";
    });
  }

  function dayOf(iso) {
    var parts = iso.split("-").map(Number);
    return Date.UTC(parts[0], parts[1] - 1, parts[2]);
  }

  function deadlineStates() {
    var table = document.querySelector("[data-nkpk-deadlines]");
    if (!table) return;
    var now = new Date();
    var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
    var next = false;
    table.querySelectorAll("tr.nkpk-deadline").forEach(function (row) {
      var day = dayOf(row.querySelector("time").getAttribute("datetime"));
      var state = day < today ? "passert" : (next ? "senere" : "neste");
      if (state === "neste") next = true;
      row.className = "nkpk-deadline nkpk-deadline--" + state;
      var mark = row.querySelector("[data-nkpk-state]");
      mark.textContent = "";
      if (state === "neste") {
        var strong = document.createElement("strong");
        strong.textContent = "(neste)";
        mark.append(" ", strong);
      } else if (state === "passert") {
        mark.textContent = " (passert)";
      }
    });
    var note = document.querySelector("[data-nkpk-states-note]");
    if (note) note.textContent = "Merkingen «passert» og «neste» gjelder per dagens dato.";
  }

  function filterRows() {
    var box = document.querySelector("[data-nkpk-filter]");
    if (!box) return;
    var input = box.querySelector("input");
    var status = box.querySelector("[data-nkpk-filter-status]");
    var rows = [];
    document.querySelectorAll("[data-nkpk-filterable] tbody tr").forEach(function (row) {
      rows.push({ row: row, text: row.textContent.toLowerCase().replace(/\s+/g, " ") });
    });
    var timer = 0;
    function apply() {
      var words = input.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (entry) {
        var hit = words.every(function (word) { return entry.text.indexOf(word) >= 0; });
        entry.row.hidden = !hit;
        if (hit) shown += 1;
      });
      status.textContent = words.length ? "Viser " + shown + " av " + rows.length + " rader." : "";
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(apply, 150);
    });
    box.hidden = false;
  }

  copyButtons();
  countdown();
  deadlineStates();
  filterRows();
})();
