/*
 * Compare two releases (endringer/sammenlign/, ?fra=2012&til=2017): per code
 * system new, reactivated, expired (with successors, followed to the second
 * release), changed texts (with the words that changed) and moved codes,
 * with counts, filters and the table as CSV. Everything is worked out here
 * from api/kodeliste.json (see generator/pages/checker.py for its shape); nothing
 * is sent anywhere.
 */
(function () {
  "use strict";

  var SHOWN_MARK = "nkpk-compare-shown";
  var PAGE_SIZE = 500;
  var LABELS = window.nkpkLabels; // assets/nkpk-labels.js, from generator/labels.py
  var L = LABELS.compare;
  var WORDS = L.changeWords; // the kinds of change as the harmonised CSV and the filters name them
  var KINDS = [WORDS.new, WORDS.reactivated, WORDS.expired, WORDS.text];
  var KIND_TITLES = {};
  ["new", "reactivated", "expired", "text"].forEach(function (kind) { KIND_TITLES[WORDS[kind]] = L.kindTitles[kind]; });
  var SUCCESSOR_WORDS = L.successorWords;
  var CSV_HEADERS = L.csvHeaders;
  var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

  function escape(text) {
    return String(text).replace(/[&<>"]/g, function (ch) { return ESCAPES[ch]; });
  }

  function number(count) {
    return count.toLocaleString("nb-NO");
  }

  // As the harmonised nedlasting/nkpk-endringer.csv (Python's csv module): commas, quotes only where needed, CRLF.
  function toCsv(rows) {
    return window.nkpkCsv.text([CSV_HEADERS].concat(rows.map(function (r) {
      return [r.from, r.to, r.system, r.code, r.kind, r.before, r.after, r.successorText];
    })), ",", false);
  }

  // The words of two texts, each marked changed where the longest common sequence of words leaves it out.
  function wordDiff(before, after) {
    var a = before.match(/\S+/g) || [], b = after.match(/\S+/g) || [];
    var n = a.length, m = b.length, i, j;
    var table = [];
    for (i = 0; i <= n; i++) table.push(new Array(m + 1).fill(0));
    for (i = n - 1; i >= 0; i--) {
      for (j = m - 1; j >= 0; j--) {
        table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
      }
    }
    var left = [], right = [];
    i = 0; j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[i] === b[j]) { left.push([a[i++], false]); right.push([b[j++], false]); }
      else if (j < m && (i === n || table[i][j + 1] >= table[i + 1][j])) right.push([b[j++], true]);
      else left.push([a[i++], true]);
    }
    return [left, right];
  }

  function marked(words, tag) {
    return words.map(function (w) { return w[1] ? "<" + tag + ">" + escape(w[0]) + "</" + tag + ">" : escape(w[0]); }).join(" ");
  }

  function Data(raw) {
    this.raw = raw;
    this.years = raw.releases.map(function (r) { return r.year; });
    this.index = {};
    for (var i = 0; i < raw.codes.length; i++) this.index[raw.codes[i]] = i;
  }

  Data.prototype.textAt = function (i, release) {
    var texts = this.raw.texts[i], text = texts[0];
    for (var j = 1; j < texts.length; j += 2) if (texts[j] <= release) text = texts[j + 1];
    return text;
  };

  // Successors of a code that expired after release `from`, followed to release `to` (codes on the way: via).
  Data.prototype.successors = function (code, from, to, via, seen) {
    var data = this, found = [];
    (this.raw.successors[code] || []).forEach(function (entry) {
      var release = entry[0], kind = data.raw.kinds[entry[1]], next = entry[2];
      if (release <= from || release > to || seen[next]) return;
      seen[next] = true;
      var at = data.index[next];
      if (at !== undefined && data.raw.present[at].charAt(to) !== ".") {
        found.push({ code: next, kind: kind, via: via.slice() });
      } else {
        found = found.concat(data.successors(next, release, to, via.concat([next]), seen));
      }
    });
    return found;
  };

  function successorText(list) {
    return list.map(function (s) {
      var via = s.via.length ? LABELS.fill(L.via, { codes: s.via.join(" ") }) : "";
      return LABELS.fill(L.successor, { code: s.code, kind: SUCCESSOR_WORDS[s.kind], via: via });
    }).join("; ");
  }

  // Per code system: how it is compared, and its rows.
  Data.prototype.compare = function (from, to) {
    var data = this, raw = this.raw, systems = [];
    raw.systems.forEach(function (system, s) {
      var digit = String(s);
      var inFrom = raw.releases[from].systems.indexOf(system) >= 0;
      var inTo = raw.releases[to].systems.indexOf(system) >= 0;
      var entry = { system: system, name: raw.names[s], inFrom: inFrom, inTo: inTo, rows: [], moved: 0 };
      systems.push(entry);
      if (!inFrom || !inTo) return;
      for (var i = 0; i < raw.codes.length; i++) {
        var row = data.row(i, digit, from, to);
        if (!row) continue;
        row.system = system;
        row.name = raw.names[s];
        if (row.moved) entry.moved++;
        entry.rows.push(row);
      }
    });
    return { from: this.years[from], to: this.years[to], systems: systems, url: raw.url };
  };

  Data.prototype.row = function (i, digit, from, to) {
    var present = this.raw.present[i], a = present.charAt(from) === digit, b = present.charAt(to) === digit;
    var code = this.raw.codes[i];
    var row = { from: this.years[from], to: this.years[to], code: code, before: "", after: "", successorText: "", moved: false };
    if (a && b) {
      row.before = this.textAt(i, from);
      row.after = this.textAt(i, to);
      if (row.before === row.after) return null;
      row.kind = WORDS.text;
    } else if (b) {
      var last = present.lastIndexOf(digit, from);
      row.kind = last >= 0 ? WORDS.reactivated : WORDS.new;
      if (last >= 0) row.before = this.textAt(i, last);
      row.after = this.textAt(i, to);
    } else if (a) {
      row.kind = WORDS.expired;
      row.before = this.textAt(i, from);
      var found = this.successors(code, from, to, [], {});
      row.successorText = successorText(found);
      row.moved = found.some(function (s) { return s.kind === "moved"; });
    } else {
      return null;
    }
    return row;
  };

  // The code list: fetched, or from disk (file://, where fetch() fails) the offline build's
  // script twin, which sets window.nkpkCodeList (generator/output/offline.py).
  function loadCodeList(url) {
    if (location.protocol !== "file:") {
      return fetch(url).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      });
    }
    return new Promise(function (resolve, reject) {
      var element = document.createElement("script");
      element.src = url.replace(/\.json$/, ".js");
      element.onload = function () { resolve(window.nkpkCodeList); };
      element.onerror = function () { reject(new Error("could not load " + element.src)); };
      document.head.appendChild(element);
    });
  }

  function Compare(box) {
    this.box = box;
    this.root = box.getAttribute("data-nkpk-root");
    this.form = box.querySelector("[data-nkpk-compare-form]");
    this.fromSelect = box.querySelector("select[name=fra]");
    this.toSelect = box.querySelector("select[name=til]");
    this.summary = box.querySelector("[data-nkpk-compare-summary]");
    this.counts = box.querySelector("[data-nkpk-compare-counts]");
    this.filters = box.querySelector("[data-nkpk-compare-filters]");
    this.query = box.querySelector("input[name=sok]");
    this.result = box.querySelector("[data-nkpk-compare-result]");
    this.more = box.querySelector("[data-nkpk-compare-more]");
    this.last = null;
    this.shown = PAGE_SIZE;
    this.data = loadCodeList(box.getAttribute("data-nkpk-data")).then(function (raw) { return new Data(raw); });
    this.listen();
    this.start();
  }

  Compare.prototype.listen = function () {
    var self = this;
    this.form.addEventListener("submit", function (event) { event.preventDefault(); self.run(true); });
    this.filters.addEventListener("change", function () { self.shown = PAGE_SIZE; self.show(); });
    this.query.addEventListener("input", function () { self.shown = PAGE_SIZE; self.show(); });
    this.box.querySelector("[data-nkpk-compare-save]").addEventListener("click", function () { self.save(); });
    this.more.addEventListener("click", function () { self.shown += PAGE_SIZE; self.show(); });
  };

  Compare.prototype.start = function () {
    var self = this, params = new URLSearchParams(window.location.search);
    var from = params.get("fra"), to = params.get("til");
    this.data.then(function () {
      self.summary.textContent = L.ready;
      if (from && to && self.pick(self.fromSelect, from) && self.pick(self.toSelect, to)) self.run(false);
    }, function () {
      self.summary.textContent = L.loadFailed;
    });
  };

  Compare.prototype.pick = function (select, value) {
    var found = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    if (found) select.value = value;
    return found;
  };

  Compare.prototype.run = function (remember) {
    var self = this;
    this.data.then(function (data) {
      var from = data.years.indexOf(Number(self.fromSelect.value)), to = data.years.indexOf(Number(self.toSelect.value));
      if (from === to) {
        self.summary.textContent = L.sameRelease;
        return;
      }
      if (from > to) { var swap = from; from = to; to = swap; }
      self.fromSelect.value = String(data.years[from]);
      self.toSelect.value = String(data.years[to]);
      if (remember) {
        var url = new URL(window.location.href);
        url.searchParams.set("fra", data.years[from]);
        url.searchParams.set("til", data.years[to]);
        window.history.replaceState(null, "", url.toString());
      }
      self.last = data.compare(from, to);
      self.shown = PAGE_SIZE;
      self.showCounts();
      self.show();
    });
  };

  Compare.prototype.showCounts = function () {
    var last = this.last, totals = { moved: 0 };
    KINDS.forEach(function (k) { totals[k] = 0; });
    var head = "<tr><th scope=\"col\">" + L.system + "</th><th scope=\"col\">" + L.compared + "</th>" +
      KINDS.map(function (k) { return "<th scope=\"col\">" + KIND_TITLES[k] + "</th>"; }).join("") + "<th scope=\"col\">" + L.moved + "</th></tr>";
    var body = last.systems.map(function (s) {
      var counts = {};
      KINDS.forEach(function (k) { counts[k] = 0; });
      s.rows.forEach(function (r) { counts[r.kind]++; });
      var note = last.from + " → " + last.to;
      if (!s.inFrom && !s.inTo) note = LABELS.fill(L.noListInEither, { from: last.from, to: last.to });
      else if (!s.inTo) note = LABELS.fill(L.noListIn, { year: last.to });
      else if (!s.inFrom) note = LABELS.fill(L.baseNoList, { year: last.from });
      var cells = s.inFrom && s.inTo ? KINDS.map(function (k) { totals[k] += counts[k]; return "<td data-kind=\"" + k + "\">" + number(counts[k]) + "</td>"; }).join("") +
        "<td data-kind=\"flyttet\">" + number(s.moved) + "</td>" : "<td colspan=\"5\">" + L.notCompared + "</td>";
      totals.moved += s.moved;
      return "<tr data-system=\"" + s.system + "\"><th scope=\"row\">" + escape(s.name) + "</th><td>" + note + "</td>" + cells + "</tr>";
    }).join("");
    var total = "<tr data-system=\"alle\"><th scope=\"row\">" + L.total + "</th><td></td>" +
      KINDS.map(function (k) { return "<td data-kind=\"" + k + "\">" + number(totals[k]) + "</td>"; }).join("") +
      "<td data-kind=\"flyttet\">" + number(totals.moved) + "</td></tr>";
    this.counts.innerHTML = "<div class=\"nkpk-compare__table\" role=\"region\" aria-labelledby=\"nkpk-compare-counts\" tabindex=\"0\">" +
      "<table><caption id=\"nkpk-compare-counts\">" + LABELS.fill(L.countsCaption, { from: last.from, to: last.to }) +
      "</caption><thead>" + head + "</thead><tbody>" + body + total + "</tbody></table></div>";
    this.filters.hidden = false;
  };

  // The rows that pass the filters: code systems, kinds (or moved only) and a text to look for.
  Compare.prototype.rows = function () {
    var checked = function (name) {
      return Array.prototype.filter.call(document.querySelectorAll("input[name=" + name + "]"), function (i) { return i.checked; })
        .map(function (i) { return i.value; });
    };
    var systems = checked("kodeverk"), kinds = checked("endring"), movedOnly = checked("flyttet").length > 0;
    var query = this.query.value.trim().toLocaleLowerCase("nb-NO");
    var found = [];
    this.last.systems.forEach(function (s) {
      if (systems.indexOf(s.system) < 0) return;
      s.rows.forEach(function (r) {
        if (kinds.indexOf(r.kind) < 0 || (movedOnly && !r.moved)) return;
        if (query && (r.code + " " + r.before + " " + r.after).toLocaleLowerCase("nb-NO").indexOf(query) < 0) return;
        found.push(r);
      });
    });
    return found;
  };

  Compare.prototype.show = function () {
    if (!this.last) return;
    var self = this, rows = this.rows(), shown = rows.slice(0, this.shown);
    var body = shown.map(function (r) {
      var before = escape(r.before), after = escape(r.after);
      if (r.kind === WORDS.text) {
        var diff = wordDiff(r.before, r.after);
        before = marked(diff[0], "del");
        after = marked(diff[1], "ins");
      }
      return "<tr><td>" + escape(r.name) + "</td><td><a href=\"" + escape(self.root + self.last.url.replace("{code}", r.code)) + "\"><code>" +
        escape(r.code) + "</code></a></td><td>" + KIND_TITLES[r.kind] + (r.moved ? L.movedNote : "") + "</td><td>" + before +
        "</td><td>" + after + "</td><td>" + escape(r.successorText) + "</td></tr>";
    }).join("");
    this.result.innerHTML = "<div class=\"nkpk-compare__table\" role=\"region\" aria-labelledby=\"nkpk-compare-caption\" tabindex=\"0\">" +
      "<table><caption id=\"nkpk-compare-caption\">" + LABELS.fill(L.caption, {
        from: this.last.from, to: this.last.to, rows: number(rows.length),
        shown: rows.length > shown.length ? LABELS.fill(L.shown, { count: number(shown.length) }) : "",
      }) + "</caption><thead><tr>" + L.columns.map(function (c) { return "<th scope=\"col\">" + c + "</th>"; }).join("") +
      "</tr></thead><tbody>" + body + "</tbody></table></div>";
    this.more.hidden = rows.length <= shown.length;
    this.summary.textContent = LABELS.fill(L.summary, { from: this.last.from, to: this.last.to, count: number(rows.length) });
    performance.mark(SHOWN_MARK);
  };

  Compare.prototype.save = function () {
    if (!this.last) return;
    var blob = new Blob([toCsv(this.rows())], { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = LABELS.fill(L.fileName, { from: this.last.from, to: this.last.to });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  };

  var box = document.querySelector("[data-nkpk-compare]");
  if (box) new Compare(box);
})();
