/*
 * The code-list checker's logic, without the page: reading the data file
 * (api/kodeliste.json, written by generator/pages/checker.py), normalising what
 * was typed, the status of a code in a release, where an expired code went,
 * and the CSV text. window.nkpkChecker holds it; checker.js is the page.
 */
(() => {
  "use strict";

  const FORMAT = 1;
  const ABSENT = ".";
  const CODE = /^[A-Z0-9]{3,8}$/;
  const LETTER = /[A-Z]/;
  const DOUBLED_ONLY = /^(?:[^"]|"")*$/;
  // A chain of successors is only as sure as its least sure step.
  const KIND_RANK = { moved: 0, official: 1, similar: 2 };
  const LABELS = window.nkpkLabels; // assets/nkpk-labels.js, from generator/labels.py
  const L = LABELS.checker;
  const CSV_HEADERS = L.headers.concat([L.release]);

  // As generator/inputs/clean.py's clean_code: byte-order marks, white space
  // anywhere, quotes around the whole value, and case do not count.
  function normalise(raw) {
    let code = String(raw).replace(/\uFEFF/g, "").trim();
    if (code.length >= 2 && code.charAt(0) === '"' && code.charAt(code.length - 1) === '"') {
      let inner = code.slice(1, -1);
      if (DOUBLED_ONLY.test(inner)) code = inner.replace(/""/g, '"');
    }
    return code.replace(/\s+/g, "").toUpperCase();
  }

  function isCode(code) {
    return CODE.test(code) && LETTER.test(code);
  }

  // Pasted text: one code per line, or several separated by , ; or tab.
  const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  // Each entry is numbered by its position in the list, not by its line.
  function splitText(text) {
    let entries = [];
    let lines = String(text).split(/\r\n|\r|\n/);
    for (let line = 0; line < lines.length; line++) {
      let parts = lines[line].split(/[,;\t]/);
      for (let k = 0; k < parts.length; k++) {
        if (parts[k].trim()) entries.push({ row: entries.length + 1, raw: parts[k].trim() });
      }
    }
    return entries;
  }

  class Data {
    constructor(file) {
      if (file.format !== FORMAT) throw new Error("checker file format " + file.format + ", expected " + FORMAT);
      let systems = file.systems;
      this.years = file.releases.map((r) => r.year);
      // Per release, the digits of the code systems it has a list for.
      this.listed = file.releases.map((r) => {
        return r.systems.map((s) => String(systems.indexOf(s))).join("");
      });
      this.codes = file.codes;
      this.present = file.present;
      this.texts = file.texts;
      this.successors = file.successors;
      this.kinds = file.kinds;
      this.labels = file.labels;
      this.names = file.names;
      this.url = file.url;
        this.similar = file.similar || {};
      this.index = new Map();
      for (let i = 0; i < file.codes.length; i++) this.index.set(file.codes[i], i);
    }

    has(code) {
      return this.index.has(code);
    }

    // Known codes one keystroke away from `code`: a letter wrong, missing, extra or two swapped.
    nearby(code, limit) {
      const found = [];
      const seen = new Set([code]);
      const tryCode = (candidate) => {
        if (seen.has(candidate)) return;
        seen.add(candidate);
        if (this.index.has(candidate)) found.push(candidate);
      };
      for (let i = 0; i <= code.length; i++) {
        if (i < code.length) tryCode(code.slice(0, i) + code.slice(i + 1));
        if (i + 1 < code.length) tryCode(code.slice(0, i) + code.charAt(i + 1) + code.charAt(i) + code.slice(i + 2));
        for (const letter of ALPHABET) {
          tryCode(code.slice(0, i) + letter + code.slice(i));
          if (i < code.length) tryCode(code.slice(0, i) + letter + code.slice(i + 1));
        }
      }
      return found.sort().slice(0, limit || 5);
    }

    path(code) {
      return this.url.replace("{code}", code);
    }

    textAt(i, r) {
      let texts = this.texts[i];
      let text = texts[0];
      for (let k = 1; k < texts.length && texts[k] <= r; k += 2) text = texts[k + 1];
      return text;
    }

    status(i, r) {
      let present = this.present[i];
      let mark = present.charAt(r);
      if (mark !== ABSENT) return status("valid", r, mark, this.textAt(i, r));
      let last = r - 1;
      while (last >= 0 && present.charAt(last) === ABSENT) last--;
      if (last < 0) {
        let first = r + 1;
        while (present.charAt(first) === ABSENT) first++;
        return status("future", first, present.charAt(first), this.textAt(i, first));
      }
      mark = present.charAt(last);
      for (let e = last + 1; e <= r; e++) {
        if (this.listed[e].indexOf(mark) >= 0) return status("expired", e, mark, this.textAt(i, last));
      }
      return status("absent", r, mark, this.textAt(i, last));
    }

    follow(code, e, r, rank, via, found) {
      let list = this.successors[code] || [];
      for (let k = 0; k < list.length; k++) {
        if (list[k][0] !== e) continue;
        let next = list[k][2];
        let kind = this.kinds[list[k][1]];
        let stepRank = Math.max(rank, KIND_RANK[kind] != null ? KIND_RANK[kind] : list[k][1]);
        let now = this.status(this.index.get(next), r);
        if (now.state === "expired" && this.hasSuccessors(next, now.release)) {
          this.follow(next, now.release, r, stepRank, via.concat([next]), found);
        } else if (!found.seen.has(next)) {
          found.seen.add(next);
          found.list.push({ code: next, rank: stepRank, via: via, status: now });
        }
      }
    }

    hasSuccessors(code, e) {
      let list = this.successors[code] || [];
      for (let k = 0; k < list.length; k++) if (list[k][0] === e) return true;
      return false;
    }

    kindLabel(rank) {
      for (let k = 0; k < this.kinds.length; k++) if (KIND_RANK[this.kinds[k]] === rank) return this.labels[k];
      return this.labels[rank] || "";
    }

    lookup(code, r) {
      let i = this.index.get(code);
      let now = this.status(i, r);
      let found = { seen: new Set(), list: [] };
      if (now.state === "expired") this.follow(code, now.release, r, 0, [], found);
      let data = this;
      let successors = found.list.map((s) => {
        return { code: s.code, label: data.kindLabel(s.rank), via: s.via, status: s.status };
      });
      // An expired code that leads nowhere: the valid codes its code page offers instead.
      let similar = now.state !== "expired" || successors.length ? [] : (this.similar[code] || []).map((c) => {
        return { code: c, status: this.status(this.index.get(c), r) };
      });
      return { state: now.state, release: now.release, system: now.system, text: now.text, successors: successors,
        similar: similar };
    }

    check(entries, year) {
      let r = this.years.indexOf(year);
      if (r < 0) throw new Error("no release " + year);
      let cache = new Map();
      let seen = new Set();
      let counts = { valid: 0, expired: 0, future: 0, absent: 0, unknown: 0, malformed: 0, duplicates: 0 };
      let rows = new Array(entries.length);
      for (let n = 0; n < entries.length; n++) {
        let code = normalise(entries[n].raw);
        let found;
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
    }

    statusText(found) {
      let words = LABELS.status;
      let fill = (text) => LABELS.fill(text, { year: found.release == null ? "" : this.years[found.release], system: found.system == null ? "" : this.names[found.system] });
      switch (found.state) {
        case "valid": return fill(words.valid) + (found.release === this.years.length - 1 ? words.newest : "");
        case "expired": return fill(words.expired);
        case "future": return fill(words.future);
        case "absent": return fill(words.absent);
        case "unknown": return words.unknown;
        default: return words.malformed;
      }
    }

    systemName(found) {
      return found.system == null ? "" : this.names[found.system];
    }

    successorNote(successor) {
      return successor.status.state === "valid" ? "" : this.statusText(successor.status).toLowerCase();
    }

    successorText(successor) {
      let text = successor.label + " " + successor.code;
      if (successor.via.length) text += LABELS.fill(L.via, { codes: successor.via.join(", ") });
      let note = this.successorNote(successor);
      return note ? text + " – " + note : text;
    }

    // "ingen etterfølger", or nothing: an expired code whose successors are none.
    noSuccessor(found) {
      return found.state === "expired" && !found.successors.length ? LABELS.status.none : "";
    }

    similarText(similar) {
      let data = this;
      return L.similar + ": " + similar.map((s) => {
        return s.status.state === "valid" ? s.code : s.code + " (" + data.statusText(s.status).toLowerCase() + ")";
      }).join(", ");
    }

    successorsText(found) {
      let none = this.noSuccessor(found);
      if (!none) return found.successors.map((s) => this.successorText(s)).join(", ");
      return found.similar && found.similar.length ? none + "; " + this.similarText(found.similar) : none;
    }

    // The table as CSV for Excel (assets/nkpk-csv.js): byte-order mark, semicolons, CRLF.
    csv(result) {
      let rows = result.rows.map((row) => {
        let found = row.found;
        let successors = this.successorsText(found);
        return [row.row, row.raw, row.code, this.statusText(found), this.systemName(found),
          found.text || "", successors, result.year];
      });
      return window.nkpkCsv.text([CSV_HEADERS].concat(rows), ";", true);
    }
  }

  // The code's text in release r (the last text it got at or before r).

  function status(state, release, mark, text) {
    return { state: state, release: release, system: Number(mark), text: text };
  }

  // Code number i in release number r: "valid"; "expired" from `release`;
  // "future" (first valid in `release`); "absent": no release from its last
  // one to r has a list of its code system, so r says nothing about it.

  // The successors of `code` found in release e, followed to release r: a
  // successor that expired later is replaced by its own successors ("via").

  // One code in release r, with its successors if it expired.

  // Check entries ({row, raw}) against the release of `year`.

  // Words for a status and for a successor, shared by the table and the CSV.

  window.nkpkChecker = {
    Data: Data,
    normalise: normalise,
    isCode: isCode,
    splitText: splitText,
  };
})();
