/*
 * The code-list checker's logic, without the page: reading the data file
 * (api/kodeliste.json, written by generator/checker.py), normalising what
 * was typed, the status of a code in a release, where an expired code went,
 * and the CSV text. window.nkpkChecker holds it; checker.js is the page.
 */
(function () {
  "use strict";

  var FORMAT = 1;
  var ABSENT = ".";
  var CODE = /^[A-Z0-9]{3,8}$/;
  var LETTER = /[A-Z]/;
  var DOUBLED_ONLY = /^(?:[^"]|"")*$/;
  // A chain of successors is only as sure as its least sure step.
  var KIND_RANK = { moved: 0, official: 1, similar: 2 };
  var CSV_HEADERS = ["Rad", "I listen", "Kode", "Status", "Kodeverk", "Tekst", "Etterfølgere", "Utgave"];

  // As generator/clean.py's clean_code: byte-order marks, white space
  // anywhere, quotes around the whole value, and case do not count.
  function normalise(raw) {
    var code = String(raw).replace(/\uFEFF/g, "").trim();
    if (code.length >= 2 && code.charAt(0) === '"' && code.charAt(code.length - 1) === '"') {
      var inner = code.slice(1, -1);
      if (DOUBLED_ONLY.test(inner)) code = inner.replace(/""/g, '"');
    }
    return code.replace(/\s+/g, "").toUpperCase();
  }

  function isCode(code) {
    return CODE.test(code) && LETTER.test(code);
  }

  // Pasted text: one code per line, or several separated by , ; or tab.
  // Each entry is numbered by its position in the list, not by its line.
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  function splitText(text) {
    var entries = [];
    var lines = String(text).split(/\r\n|\r|\n/);
    for (var line = 0; line < lines.length; line++) {
      var parts = lines[line].split(/[,;\t]/);
      for (var k = 0; k < parts.length; k++) {
        if (parts[k].trim()) entries.push({ row: entries.length + 1, raw: parts[k].trim() });
      }
    }
    return entries;
  }

  function Data(file) {
    if (file.format !== FORMAT) throw new Error("checker file format " + file.format + ", expected " + FORMAT);
    var systems = file.systems;
    this.years = file.releases.map(function (r) { return r.year; });
    // Per release, the digits of the code systems it has a list for.
    this.listed = file.releases.map(function (r) {
      return r.systems.map(function (s) { return String(systems.indexOf(s)); }).join("");
    });
    this.codes = file.codes;
    this.present = file.present;
    this.texts = file.texts;
    this.successors = file.successors;
    this.kinds = file.kinds;
    this.labels = file.labels;
    this.names = file.names;
    this.url = file.url;
    this.index = new Map();
    for (var i = 0; i < file.codes.length; i++) this.index.set(file.codes[i], i);
  }

  Data.prototype.has = function (code) {
    return this.index.has(code);
  };

  // Known codes one keystroke away from `code`: a letter wrong, missing, extra or two swapped.
  Data.prototype.nearby = function (code, limit) {
    var found = [];
    var seen = new Set([code]);
    var data = this;
    function tryCode(candidate) {
      if (seen.has(candidate)) return;
      seen.add(candidate);
      if (data.index.has(candidate)) found.push(candidate);
    }
    for (var i = 0; i <= code.length; i++) {
      if (i < code.length) tryCode(code.slice(0, i) + code.slice(i + 1));
      if (i + 1 < code.length) tryCode(code.slice(0, i) + code.charAt(i + 1) + code.charAt(i) + code.slice(i + 2));
      for (var k = 0; k < ALPHABET.length; k++) {
        var letter = ALPHABET.charAt(k);
        tryCode(code.slice(0, i) + letter + code.slice(i));
        if (i < code.length) tryCode(code.slice(0, i) + letter + code.slice(i + 1));
      }
    }
    return found.sort().slice(0, limit || 5);
  };

  Data.prototype.path = function (code) {
    return this.url.replace("{code}", code);
  };

  // The code's text in release r (the last text it got at or before r).
  Data.prototype.textAt = function (i, r) {
    var texts = this.texts[i];
    var text = texts[0];
    for (var k = 1; k < texts.length && texts[k] <= r; k += 2) text = texts[k + 1];
    return text;
  };

  function status(state, release, mark, text) {
    return { state: state, release: release, system: Number(mark), text: text };
  }

  // Code number i in release number r: "valid"; "expired" from `release`;
  // "future" (first valid in `release`); "absent": no release from its last
  // one to r has a list of its code system, so r says nothing about it.
  Data.prototype.status = function (i, r) {
    var present = this.present[i];
    var mark = present.charAt(r);
    if (mark !== ABSENT) return status("valid", r, mark, this.textAt(i, r));
    var last = r - 1;
    while (last >= 0 && present.charAt(last) === ABSENT) last--;
    if (last < 0) {
      var first = r + 1;
      while (present.charAt(first) === ABSENT) first++;
      return status("future", first, present.charAt(first), this.textAt(i, first));
    }
    mark = present.charAt(last);
    for (var e = last + 1; e <= r; e++) {
      if (this.listed[e].indexOf(mark) >= 0) return status("expired", e, mark, this.textAt(i, last));
    }
    return status("absent", r, mark, this.textAt(i, last));
  };

  // The successors of `code` found in release e, followed to release r: a
  // successor that expired later is replaced by its own successors ("via").
  Data.prototype.follow = function (code, e, r, rank, via, found) {
    var list = this.successors[code] || [];
    for (var k = 0; k < list.length; k++) {
      if (list[k][0] !== e) continue;
      var next = list[k][2];
      var kind = this.kinds[list[k][1]];
      var stepRank = Math.max(rank, KIND_RANK[kind] != null ? KIND_RANK[kind] : list[k][1]);
      var now = this.status(this.index.get(next), r);
      if (now.state === "expired" && this.hasSuccessors(next, now.release)) {
        this.follow(next, now.release, r, stepRank, via.concat([next]), found);
      } else if (!found.seen.has(next)) {
        found.seen.add(next);
        found.list.push({ code: next, rank: stepRank, via: via, status: now });
      }
    }
  };

  Data.prototype.hasSuccessors = function (code, e) {
    var list = this.successors[code] || [];
    for (var k = 0; k < list.length; k++) if (list[k][0] === e) return true;
    return false;
  };

  Data.prototype.kindLabel = function (rank) {
    for (var k = 0; k < this.kinds.length; k++) if (KIND_RANK[this.kinds[k]] === rank) return this.labels[k];
    return this.labels[rank] || "";
  };

  // One code in release r, with its successors if it expired.
  Data.prototype.lookup = function (code, r) {
    var i = this.index.get(code);
    var now = this.status(i, r);
    var found = { seen: new Set(), list: [] };
    if (now.state === "expired") this.follow(code, now.release, r, 0, [], found);
    var data = this;
    var successors = found.list.map(function (s) {
      return { code: s.code, label: data.kindLabel(s.rank), via: s.via, status: s.status };
    });
    return { state: now.state, release: now.release, system: now.system, text: now.text, successors: successors };
  };

  // Check entries ({row, raw}) against the release of `year`.
  Data.prototype.check = function (entries, year) {
    var r = this.years.indexOf(year);
    if (r < 0) throw new Error("no release " + year);
    var cache = new Map();
    var seen = new Set();
    var counts = { valid: 0, expired: 0, future: 0, absent: 0, unknown: 0, malformed: 0, duplicates: 0 };
    var rows = new Array(entries.length);
    for (var n = 0; n < entries.length; n++) {
      var code = normalise(entries[n].raw);
      var found;
      if (!isCode(code)) {
        found = { state: "malformed", successors: [] };
        code = "";
      } else if (!this.index.has(code)) {
        found = { state: "unknown", successors: [] };
      } else {
        found = cache.get(code);
        if (!found) cache.set(code, (found = this.lookup(code, r)));
      }
      if (code && seen.has(code)) counts.duplicates++;
      if (code) seen.add(code);
      counts[found.state]++;
      rows[n] = { row: entries[n].row, raw: entries[n].raw, code: code, found: found };
    }
    return { year: year, rows: rows, counts: counts };
  };

  // Words for a status and for a successor, shared by the table and the CSV.
  Data.prototype.statusText = function (found) {
    switch (found.state) {
      case "valid": return "Gyldig";
      case "expired": return "Utgått fra " + this.years[found.release];
      case "future": return "Ikke gyldig ennå (fra " + this.years[found.release] + ")";
      case "absent": return "Ikke i utgaven (ingen liste for " + this.names[found.system] + ")";
      case "unknown": return "Ukjent kode";
      default: return "Ugyldig format";
    }
  };

  Data.prototype.systemName = function (found) {
    return found.system == null ? "" : this.names[found.system];
  };

  Data.prototype.successorNote = function (successor) {
    return successor.status.state === "valid" ? "" : this.statusText(successor.status).toLowerCase();
  };

  Data.prototype.successorText = function (successor) {
    var text = successor.label + " " + successor.code;
    if (successor.via.length) text += " (via " + successor.via.join(", ") + ")";
    var note = this.successorNote(successor);
    return note ? text + " – " + note : text;
  };

  function csvField(value) {
    var text = value == null ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text; // never a formula in a spreadsheet
    return /[";\r\n]/.test(text) || text.trim() !== text ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  // The table as CSV for Excel: byte-order mark, semicolons, CRLF.
  Data.prototype.csv = function (result) {
    var data = this;
    var lines = [CSV_HEADERS.map(csvField).join(";")];
    result.rows.forEach(function (row) {
      var found = row.found;
      var successors = found.successors.map(function (s) { return data.successorText(s); }).join(", ");
      var cells = [row.row, row.raw, row.code, data.statusText(found), data.systemName(found),
        found.text || "", successors, result.year];
      lines.push(cells.map(csvField).join(";"));
    });
    return "\uFEFF" + lines.join("\r\n") + "\r\n";
  };

  window.nkpkChecker = {
    Data: Data,
    normalise: normalise,
    isCode: isCode,
    splitText: splitText,
    csvField: csvField,
  };
})();
