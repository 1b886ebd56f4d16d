/*
 * The checker's page (sjekk/): a pasted list or an opened file, checked
 * against a release with checker-core.js, shown as a table and offered as
 * CSV. The page fetches the data file and nothing else; the list never
 * leaves the browser.
 */
(() => {
  "use strict";

  let core = window.nkpkChecker;
  let files = window.nkpkCheckerFiles;
  const SHOWN_MARK = "nkpk-checker-shown";
  const READY_MARK = "nkpk-checker-ready";
  // Rows per page of the table: a browser lays out ten thousand rows in
  // seconds, five hundred at once. The summary and the CSV have every row.
  const PAGE_SIZE = 500;
  const LABELS = window.nkpkLabels; // assets/nkpk-labels.js, from generator/labels.py
  const L = LABELS.checker;
  const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

  function escape(text) {
    return String(text).replace(/[&<>"]/g, (ch) => ESCAPES[ch]);
  }

  function number(count) {
    return count.toLocaleString("nb-NO");
  }

  // A count in words: `pair` is [one, many], each with a {count} field.
  function plural(count, pair) {
    return LABELS.fill(pair[count === 1 ? 0 : 1], { count: number(count) });
  }

  // The code list: fetched, or from disk (file://, where fetch() fails) the offline build's
  // script twin, which sets window.nkpkCodeList (generator/output/offline.py).
  function loadCodeList(url) {
    if (location.protocol !== "file:") {
      return fetch(url).then((response) => {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      });
    }
    return new Promise((resolve, reject) => {
      const element = document.createElement("script");
      element.src = url.replace(/\.json$/, ".js");
      element.onload = () => resolve(window.nkpkCodeList);
      element.onerror = () => reject(new Error("could not load " + element.src));
      document.head.appendChild(element);
    });
  }

  class Checker {
    constructor(box) {
      this.box = box;
      this.root = box.getAttribute("data-nkpk-root");
      this.form = box.querySelector("[data-nkpk-form]");
      this.text = box.querySelector("textarea");
      this.fileInput = box.querySelector("input[type=file]");
      this.filePanel = box.querySelector("[data-nkpk-file]");
      this.fileName = box.querySelector("[data-nkpk-file-name]");
      this.column = box.querySelector("select[name=kolonne]");
      this.header = box.querySelector("input[name=overskrift]");
      this.release = box.querySelector("select[name=utgave]");
      this.summary = box.querySelector("[data-nkpk-summary]");
      this.view = box.querySelector("[data-nkpk-view]");
      this.onlyProblems = box.querySelector("input[name=bare-feil]");
      this.pageText = box.querySelector("[data-nkpk-page-text]");
      this.pager = box.querySelector("nav");
      this.steps = box.querySelectorAll("[data-nkpk-step]");
      this.result = box.querySelector("[data-nkpk-result]");
      this.file = null; // {name, rows, columns}
      this.last = null; // the last result shown: {data, result, rows (after the filter), page}
      this.data = this.load(box.getAttribute("data-nkpk-data"));
      this.listen();
      this.fromAddress();
    }

    load(url) {
      let checker = this;
      let loading = loadCodeList(url).then((file) => new core.Data(file));
      loading.then(() => {
        if (performance.mark) performance.mark(READY_MARK);
        checker.say(L.ready);
      }, () => {
        checker.say(L.loadFailed);
      });
      return loading;
    }

    // Codes handed over in the address's fragment (`#koder=JKA21,ZXA00`, from the note page): filled in and
    // checked. A fragment is never sent to the server.
    fromAddress() {
      let checker = this;
      let found = /^#koder=([^&]*)/.exec(window.location.hash);
      if (!found) return;
      checker.text.value = decodeURIComponent(found[1]).split(",").join("\n");
      checker.data.then(() => { checker.run(); }, () => null);
    }

    say(text) {
      this.summary.textContent = text;
    }

    listen() {
      let checker = this;
      checker.form.addEventListener("submit", (event) => {
        event.preventDefault();
        checker.run();
      });
      checker.release.addEventListener("change", () => { if (checker.last) checker.run(); });
      checker.fileInput.addEventListener("change", () => { checker.open(checker.fileInput.files[0]); });
      checker.column.addEventListener("change", () => { checker.run(); });
      checker.header.addEventListener("change", () => { checker.run(); });
      checker.box.querySelector("[data-nkpk-drop-file]").addEventListener("click", () => { checker.dropFile(); });
      checker.box.querySelector("[data-nkpk-save]").addEventListener("click", () => { checker.save(); });
      checker.onlyProblems.addEventListener("change", () => { if (checker.last) checker.filter(); });
      Array.prototype.forEach.call(checker.steps, (button) => {
        button.addEventListener("click", () => {
          checker.turn(Number(button.getAttribute("data-nkpk-step")));
        });
      });
    }

    open(file) {
      let checker = this;
      if (!file) return;
      checker.say(LABELS.fill(L.reading, { name: file.name }));
      Promise.all([checker.data, files.read(file)]).then((parts) => {
        checker.useFile(file.name, parts[1], parts[0]);
        checker.run();
      }, () => {
        checker.dropFile();
        checker.say(LABELS.fill(L.unreadable, { name: file.name }));
      });
    }

    useFile(name, read, data) {
      let best = 0;
      let bestScore = -1;
      this.column.textContent = "";
      let first = read.rows.length ? read.rows[0].cells : [];
      for (let c = 0; c < read.columns; c++) {
        let score = columnScore(read.rows, c, data);
        if (score > bestScore) { best = c; bestScore = score; }
        let sample = first[c] ? " – " + first[c].slice(0, 40) : "";
        this.column.appendChild(new Option(LABELS.fill(L.column, { column: files.columnName(c) }) + sample, String(c)));
      }
      this.column.value = String(best);
      this.header.checked = looksLikeHeader(first[best], data);
      this.file = { name: name, rows: read.rows, columns: read.columns };
      this.fileName.textContent = LABELS.fill(L.file, { name: name, rows: plural(read.rows.length, L.rows) });
      this.filePanel.hidden = false;
      this.text.disabled = true;
    }

    dropFile() {
      this.file = null;
      this.fileInput.value = "";
      this.filePanel.hidden = true;
      this.text.disabled = false;
      this.column.textContent = "";
    }

    entries() {
      if (!this.file) return core.splitText(this.text.value);
      let column = Number(this.column.value);
      let rows = this.header.checked ? this.file.rows.slice(1) : this.file.rows;
      let entries = [];
      rows.forEach((row) => {
        let value = (row.cells[column] || "").trim();
        if (value) entries.push({ row: row.n, raw: value });
      });
      return entries;
    }

    run() {
      let checker = this;
      let year = Number(checker.release.value);
      checker.data.then((data) => {
        let entries = checker.entries();
        if (!entries.length) {
          checker.last = null;
          checker.result.textContent = "";
          checker.view.hidden = true;
          checker.say(L.empty);
          return;
        }
        checker.show(data, data.check(entries, year));
      });
    }

    codeLink(data, code) {
      return '<a href="' + escape(this.root + data.path(code)) + '">' + code + "</a>";
    }

    successorHtml(data, successor) {
      let checker = this;
      let html = escape(successor.label) + " " + checker.codeLink(data, successor.code);
      if (successor.via.length) {
        html += LABELS.fill(L.via, { codes: successor.via.map((code) => checker.codeLink(data, code)).join(", ") });
      }
      let note = data.successorNote(successor);
      return note ? html + " – " + escape(note) : html;
    }

    // An expired code without successor: says so, and offers the valid codes its code page offers.
    noSuccessorHtml(data, found) {
      let checker = this;
      let html = '<span class="nkpk-check__none">' + escape(data.noSuccessor(found)) + "</span>";
      if (!found.similar.length) return html;
      return html + '<br><span class="nkpk-check__similar">' + escape(L.similar) + ": " +
        found.similar.map((s) => {
          let link = checker.codeLink(data, s.code);
          return s.status.state === "valid" ? link : link + " (" + escape(data.statusText(s.status).toLowerCase()) + ")";
        }).join(", ") + "</span>";
    }

    // "Did you mean": known codes one keystroke away from an unknown one.
    nearbyHtml(data, code) {
      const near = data.nearby(code, 3);
      if (!near.length) return "";
      let codes = near.map((c) => this.codeLink(data, c)).join(escape(L.or));
      return '<br><span class="nkpk-check__nearby">' + LABELS.fill(escape(L.didYouMean), { codes: codes }) + "</span>";
    }

    rowHtml(data, row) {
      let found = row.found;
      let known = found.state !== "unknown" && found.state !== "malformed";
      let checker = this;
      let successors = data.noSuccessor(found) ? checker.noSuccessorHtml(data, found) :
        found.successors.map((s) => checker.successorHtml(data, s)).join("<br>");
      return '<tr class="nkpk-check--' + found.state + '"><td>' + row.row + "</td><td>" + escape(row.raw) +
        "</td><td>" + (known ? checker.codeLink(data, row.code) : row.code) +
        '</td><td><span class="nkpk-check__status">' + escape(data.statusText(found)) + "</span>" +
        (found.state === "unknown" ? checker.nearbyHtml(data, row.code) : "") + "</td><td>" +
        escape(data.systemName(found)) + "</td><td>" + escape(found.text || "") + "</td><td>" + successors + "</td></tr>";
    }

    show(data, result) {
      this.last = { data: data, result: result, rows: result.rows, page: 0 };
      this.view.hidden = false;
      this.say(summaryText(result, data.years[data.years.length - 1]));
      this.filter();
      if (performance.mark) performance.mark(SHOWN_MARK, { detail: { rows: result.rows.length } });
    }

    filter() {
      let last = this.last;
      last.rows = !this.onlyProblems.checked ? last.result.rows : last.result.rows.filter((row) => {
        return row.found.state !== "valid";
      });
      last.page = 0;
      this.draw();
    }

    turn(step) {
      let last = this.last;
      let pages = Math.max(1, Math.ceil(last.rows.length / PAGE_SIZE));
      last.page = Math.min(pages - 1, Math.max(0, last.page + step));
      this.draw();
    }

    draw() {
      let checker = this;
      let last = checker.last;
      let from = last.page * PAGE_SIZE;
      let rows = last.rows.slice(from, from + PAGE_SIZE);
      let count = plural(last.rows.length, L.rows);
      let range = rows.length ? LABELS.fill(L.showing, { first: number(from + 1), last: number(from + rows.length), rows: count })
        : LABELS.fill(L.showingNone, { rows: count });
      let body = rows.map((row) => checker.rowHtml(last.data, row)).join("");
      let head = L.headers.map((h) => '<th scope="col">' + escape(h) + "</th>").join("");
      checker.result.innerHTML =
        '<div class="nkpk-checker__table nkpk-stack" role="region" aria-labelledby="nkpk-checker-caption" tabindex="0">' +
        '<table class="nkpk-checker__grid"><caption id="nkpk-checker-caption">' +
        escape(LABELS.fill(L.caption, { year: last.result.year, range: range.charAt(0).toLowerCase() + range.slice(1) })) + "</caption>" +
        "<thead><tr>" + head + "</tr></thead><tbody>" + body + "</tbody></table></div>";
      checker.pageText.textContent = range;
      checker.pager.hidden = last.rows.length <= PAGE_SIZE;
      checker.steps[0].disabled = from === 0;
      checker.steps[1].disabled = from + PAGE_SIZE >= last.rows.length;
    }

    save() {
      if (!this.last) return;
      let blob = new Blob([this.last.data.csv(this.last.result)], { type: "text/csv;charset=utf-8" });
      let link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = LABELS.fill(L.fileName, { year: this.last.result.year });
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => { URL.revokeObjectURL(link.href); }, 10000);
    }
  }

  // --- files ----------------------------------------------------------------

  // How much a column looks like codes: known codes first, then code shapes.
  function columnScore(rows, column, data) {
    let known = 0;
    let shaped = 0;
    rows.forEach((row) => {
      let code = core.normalise(row.cells[column] || "");
      if (data.has(code)) known++;
      else if (core.isCode(code) && /\d/.test(code)) shaped++;
    });
    return known * 2 + shaped;
  }

  function looksLikeHeader(value, data) {
    let code = core.normalise(value || "");
    return code !== "" && !data.has(code) && !/\d/.test(code);
  }

  // --- checking and showing -------------------------------------------------

  function summaryText(result, newest) {
    let c = result.counts;
    let parts = [];
    ["valid", "expired", "future", "absent", "unknown", "malformed"].forEach((state) => {
      if (c[state]) parts.push(plural(c[state], L.counts[state]));
    });
    let release = result.year === newest ? LABELS.fill(L.newest, { year: result.year }) : String(result.year);
    let text = LABELS.fill(L.summary, { codes: plural(result.rows.length, L.codes), release: release, counts: parts.join(", ") });
    if (c.duplicates) text += " " + plural(c.duplicates, L.duplicates);
    return text;
  }

  // The current page of the table, and the pager's state.

  let box = document.querySelector("[data-nkpk-checker]");
  if (box && core && files) new Checker(box);
})();
