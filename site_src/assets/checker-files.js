/*
 * Reading a list of codes from a file in the browser, for the checker:
 * text (.txt, .csv: semicolon, tab or comma, UTF-8 or Windows-1252) and
 * .xlsx workbooks (the zip read here with DataView, its parts inflated with
 * DecompressionStream and parsed with DOMParser; the first sheet and its
 * shared strings). The file never leaves the machine.
 *
 * window.nkpkCheckerFiles.read(file) gives {rows: [{n, cells}], columns},
 * n being the row number as a spreadsheet program would show it.
 */
(() => {
  "use strict";

  const ZIP_END = 0x06054b50;
  const ZIP_ENTRY = 0x02014b50;
  const ZIP_LOCAL = 0x04034b50;
  const DELIMITERS = [";", "\t", ","];
  const SHEET_NS_ANY = "*";

  // --- text files ---------------------------------------------------------

  function decode(bytes) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes); // drops a byte-order mark
    } catch (error) {
      return new TextDecoder("windows-1252").decode(bytes);
    }
  }

  // The separator that splits the first lines most evenly (none: one column).
  function guessDelimiter(text) {
    let lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim()).slice(0, 50);
    let best = null;
    let bestScore = 0;
    DELIMITERS.forEach((delimiter) => {
      let counts = lines.map((l) => l.split(delimiter).length - 1);
      let steady = counts.filter((c) => c > 0 && c === counts[0]).length;
      if (steady > bestScore) { best = delimiter; bestScore = steady; }
    });
    return best;
  }

  // CSV as in RFC 4180 with any one-character separator: quoted fields may
  // hold the separator, doubled quotes and line breaks.
  function parseDelimited(text, delimiter) {
    let rows = [];
    let cells = [];
    let cell = "";
    let quoted = false;
    let line = 1;
    let start = 1;
    for (let i = 0; i < text.length; i++) {
      let ch = text.charAt(i);
      if (quoted) {
        if (ch === '"' && text.charAt(i + 1) === '"') { cell += '"'; i++; }
        else if (ch === '"') quoted = false;
        else { if (ch === "\n") line++; cell += ch; }
      } else if (ch === '"' && cell.trim() === "") { quoted = true; cell = ""; }
      else if (delimiter && ch === delimiter) { cells.push(cell); cell = ""; }
      else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && text.charAt(i + 1) === "\n") i++;
        cells.push(cell);
        rows.push({ n: start, cells: cells });
        cells = []; cell = ""; line++; start = line;
      } else cell += ch;
    }
    if (cell !== "" || cells.length) { cells.push(cell); rows.push({ n: start, cells: cells }); }
    return rows;
  }

  function readText(buffer) {
    let text = decode(new Uint8Array(buffer));
    return parseDelimited(text, guessDelimiter(text));
  }

  // --- zip ------------------------------------------------------------------

  function zipEntries(buffer) {
    let view = new DataView(buffer);
    let end = -1;
    for (let p = buffer.byteLength - 22; p >= Math.max(0, buffer.byteLength - 65557); p--) {
      if (view.getUint32(p, true) === ZIP_END) { end = p; break; }
    }
    if (end < 0) throw new Error("not a zip file");
    let count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    let names = new TextDecoder("utf-8");
    let entries = new Map();
    for (let k = 0; k < count; k++) {
      if (view.getUint32(at, true) !== ZIP_ENTRY) throw new Error("damaged zip directory");
      let nameLength = view.getUint16(at + 28, true);
      let name = names.decode(new Uint8Array(buffer, at + 46, nameLength));
      entries.set(name, {
        method: view.getUint16(at + 10, true),
        size: view.getUint32(at + 20, true),
        local: view.getUint32(at + 42, true),
      });
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return { buffer: buffer, view: view, entries: entries };
  }

  function zipText(zip, name) {
    let entry = zip.entries.get(name);
    if (!entry) return Promise.resolve(null);
    let view = zip.view;
    if (view.getUint32(entry.local, true) !== ZIP_LOCAL) return Promise.reject(new Error("damaged zip entry " + name));
    let start = entry.local + 30 + view.getUint16(entry.local + 26, true) + view.getUint16(entry.local + 28, true);
    let bytes = new Uint8Array(zip.buffer, start, entry.size);
    if (entry.method === 0) return Promise.resolve(new TextDecoder("utf-8").decode(bytes));
    if (entry.method !== 8) return Promise.reject(new Error("unsupported zip compression " + entry.method));
    let stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).text();
  }

  // --- xlsx -----------------------------------------------------------------

  function xml(text) {
    let doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.getElementsByTagName("parsererror").length) throw new Error("damaged workbook part");
    return doc;
  }

  function byTag(node, tag) {
    return node.getElementsByTagNameNS(SHEET_NS_ANY, tag);
  }

  // The path of the workbook's first sheet, through the workbook's relationships.
  function firstSheetPath(workbook, rels) {
    let fallback = "xl/worksheets/sheet1.xml";
    if (!workbook || !rels) return fallback;
    let sheet = byTag(xml(workbook), "sheet")[0];
    if (!sheet) return fallback;
    let id = null;
    for (let a = 0; a < sheet.attributes.length; a++) {
      if (sheet.attributes[a].localName === "id") id = sheet.attributes[a].value;
    }
    let links = byTag(xml(rels), "Relationship");
    for (let k = 0; k < links.length; k++) {
      if (links[k].getAttribute("Id") !== id) continue;
      let target = links[k].getAttribute("Target");
      return target.charAt(0) === "/" ? target.slice(1) : "xl/" + target.replace(/^\.\//, "");
    }
    return fallback;
  }

  // Shared strings: the text of each <si>, without phonetic runs.
  function sharedStrings(text) {
    if (!text) return [];
    let items = byTag(xml(text), "si");
    let strings = new Array(items.length);
    for (let k = 0; k < items.length; k++) {
      let parts = byTag(items[k], "t");
      let value = "";
      for (let t = 0; t < parts.length; t++) {
        if (parts[t].parentNode.localName !== "rPh") value += parts[t].textContent;
      }
      strings[k] = value;
    }
    return strings;
  }

  function columnIndex(reference) {
    let letters = /^[A-Z]+/.exec(reference || "");
    if (!letters) return -1;
    let index = 0;
    for (let k = 0; k < letters[0].length; k++) index = index * 26 + letters[0].charCodeAt(k) - 64;
    return index - 1;
  }

  function cellValue(cell, strings) {
    let type = cell.getAttribute("t");
    if (type === "inlineStr") {
      let inline = byTag(cell, "t");
      return inline.length ? inline[0].textContent : "";
    }
    let value = byTag(cell, "v")[0];
    if (!value) return "";
    return type === "s" ? strings[Number(value.textContent)] || "" : value.textContent;
  }

  function sheetRows(text, strings) {
    let rowNodes = byTag(xml(text), "row");
    let rows = [];
    for (let k = 0; k < rowNodes.length; k++) {
      let n = Number(rowNodes[k].getAttribute("r")) || (rows.length ? rows[rows.length - 1].n + 1 : 1);
      let cells = [];
      let cellNodes = byTag(rowNodes[k], "c");
      for (let c = 0; c < cellNodes.length; c++) {
        let index = columnIndex(cellNodes[c].getAttribute("r"));
        cells[index < 0 ? cells.length : index] = cellValue(cellNodes[c], strings);
      }
      for (let f = 0; f < cells.length; f++) if (cells[f] == null) cells[f] = "";
      rows.push({ n: n, cells: cells });
    }
    return rows;
  }

  function readXlsx(buffer) {
    let zip = zipEntries(buffer);
    return Promise.all([
      zipText(zip, "xl/workbook.xml"),
      zipText(zip, "xl/_rels/workbook.xml.rels"),
      zipText(zip, "xl/sharedStrings.xml"),
    ]).then((parts) => {
      let path = firstSheetPath(parts[0], parts[1]);
      return zipText(zip, path).then((sheet) => {
        if (sheet == null) throw new Error("the workbook has no sheet " + path);
        return sheetRows(sheet, sharedStrings(parts[2]));
      });
    });
  }

  // --- any file -------------------------------------------------------------

  function isZip(buffer) {
    return buffer.byteLength >= 4 && new DataView(buffer).getUint32(0, true) === ZIP_LOCAL;
  }

  function read(file) {
    return file.arrayBuffer().then((buffer) => {
      if (isZip(buffer)) return readXlsx(buffer);
      if (/\.xlsx?$/i.test(file.name)) throw new Error("not an .xlsx workbook");
      return readText(buffer);
    }).then((rows) => {
      let columns = rows.reduce((most, row) => Math.max(most, row.cells.length), 0);
      return { rows: rows, columns: columns };
    });
  }

  function columnName(index) {
    let name = "";
    for (let k = index + 1; k > 0; k = Math.floor((k - 1) / 26)) name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
    return name;
  }

  window.nkpkCheckerFiles = {
    read: read,
    parseDelimited: parseDelimited,
    guessDelimiter: guessDelimiter,
    columnName: columnName,
  };
})();
