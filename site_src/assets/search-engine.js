/*
 * NKPK search engine: finds and ranks the codes of the prebuilt search file
 * (generator/search.py) for a query. Loaded on demand by search.js, after
 * lunr (for its Norwegian stemmer and stop words) and search-text.js.
 *
 * The file has entries: the codes' current texts (entry i is code i), then
 * their earlier texts. Each entry has its terms (`docs`) and the terms of
 * the parts of its compound words (`parts`). A query word matches a term
 * that begins with the word's stem (`hofteledd` for `hofte`), a term a
 * maintained synonym names (`rg` for `røntgen`), a part of a compound
 * (`totalprotese` for `protese`); a word that begins no term is split into
 * words of the vocabulary (`hofteprotese`), or, five letters or more,
 * matched with one edit (two from nine letters). Every word must match.
 */
(function () {
  "use strict";

  const T = window.nkpkSearchText;
  const CODE = /^[A-Z0-9]{1,7}$/;
  const FORMAT = 2; // generator/search.py FORMAT
  const K1 = 1.2; // lunr's BM25 parameters
  const B = 0.75;
  const MIN_PREFIX = 2; // shortest word that finds codes by itself
  const QUALITY = { exact: 1, prefix: 0.6, stemPrefix: 0.4, compound: 0.8, synonym: 0.9, typo: 0.5 };
  const TIER = 4;
  const TYPO_MIN = 5; // letters a word needs to be matched with an edit
  const TYPO_LONG = 9; // letters from which two edits are allowed
  // From the strongest to the weakest way of matching: a hit's `why` is its weakest word's.
  const WHY = ["exact", "prefix", "spelling", "compound", "synonym", "old-text", "typo"];

  function decodeFront(coded) {
    const out = new Array(coded.length);
    let previous = "";
    for (let i = 0; i < coded.length; i++) {
      previous = previous.slice(0, parseInt(coded[i][0], 36)) + coded[i].slice(1);
      out[i] = previous;
    }
    return out;
  }

  function decodeDeltas(deltas) {
    const out = new Array(deltas.length);
    let current = 0;
    for (let j = 0; j < deltas.length; j++) out[j] = current += deltas[j];
    return out;
  }

  function lowerBound(sorted, key) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // The entries that have each term (as a word or a compound part), its idf, the average length.
  function termStats(termCount, docs, parts) {
    const postings = Array.from({ length: termCount }, () => []);
    let total = 0;
    for (let d = 0; d < docs.length; d++) {
      total += docs[d].length;
      for (const ids of [docs[d], parts[d]]) {
        for (const t of ids) {
          const list = postings[t];
          if (list[list.length - 1] !== d) list.push(d);
        }
      }
    }
    const idf = new Float64Array(termCount);
    for (let t = 0; t < termCount; t++) {
      const df = postings[t].length;
      idf[t] = Math.log(1 + Math.abs((docs.length - df + 0.5) / (df + 0.5)));
    }
    return { postings, idf, average: total / docs.length };
  }

  // Codes that begin with the query written as a code (case and spaces ignored).
  function codeMatches(codes, query) {
    const key = query.replace(/[\s.]+/g, "").toUpperCase();
    if (!CODE.test(key)) return { exact: -1, prefix: [], digit: false };
    const start = lowerBound(codes, key);
    const prefix = [];
    for (let i = start; i < codes.length && codes[i].startsWith(key); i++) prefix.push(i);
    return { exact: codes[start] === key ? start : -1, prefix, digit: /\d/.test(key) };
  }

  function Engine(lunr, file) {
    if (file.format !== FORMAT) throw new Error("search file format " + file.format + ", expected " + FORMAT);
    this.codes = decodeFront(file.codes);
    this.terms = decodeFront(file.terms);
    this.termSet = new Set(this.terms);
    this.texts = file.texts.concat(file.oldTexts);
    this.oldCodes = decodeDeltas(file.oldCodes);
    this.oldUntil = file.oldUntil;
    this.active = file.active;
    this.gone = file.gone;
    this.years = file.years;
    this.statusWords = file.status;
    this.system = file.system;
    this.systems = file.systems;
    this.synonyms = file.synonyms;
    this.url = file.url;
    this.text = T.textTools(lunr);
    this.known = T.knownIn(this.termSet, this.text.key);
    this.docs = file.docs.map(decodeDeltas);
    this.parts = file.parts.map(decodeDeltas);
    this.stats = termStats(this.terms.length, this.docs, this.parts);
    this.typos = new Map();
    // One query through every step, so that the first query typed does not pay for compiling them.
    this.search(this.terms[0] || "");
  }

  Engine.prototype.isValid = function (doc) {
    return this.active.charCodeAt(doc) === 49; // "1"
  };

  Engine.prototype.codeOf = function (entry) {
    return entry < this.codes.length ? entry : this.oldCodes[entry - this.codes.length];
  };

  Engine.prototype.range = function (root) {
    return [lowerBound(this.terms, root), lowerBound(this.terms, root + "\uffff")];
  };

  // The range of one term (empty if the vocabulary lacks it), or of the terms a `word*` begins.
  Engine.prototype.meant = function (meant) {
    if (meant.endsWith("*")) return this.range(meant.slice(0, -1));
    const at = lowerBound(this.terms, meant);
    return this.terms[at] === meant ? [at, at + 1] : [at, at];
  };

  // Terms within one edit of the word's key (two for long words), memoised.
  Engine.prototype.typoRanges = function (word) {
    let found = this.typos.get(word.own);
    if (found === undefined) {
      const limit = word.spelt.length >= TYPO_LONG ? 2 : 1;
      found = [];
      for (let size = word.own.length - limit; size <= word.own.length + limit; size++) {
        for (const t of this.bySize()[size] || []) {
          if (T.distance(word.own, this.terms[t], limit) <= limit) found.push({ from: t, to: t + 1, kind: "typo" });
        }
      }
      found.sort((a, b) => a.from - b.from);
      this.typos.set(word.own, found);
    }
    return found;
  };

  // The term ids by length, made on first use: a typo is looked for among terms of about its length.
  Engine.prototype.bySize = function () {
    if (!this.sizes) {
      this.sizes = [];
      this.terms.forEach((term, t) => (this.sizes[term.length] = this.sizes[term.length] || []).push(t));
    }
    return this.sizes;
  };

  // A query word: what was typed, its respelling, its key and root, and the term ranges it matches.
  Engine.prototype.word = function (typed, compound) {
    const spelt = T.respell(typed);
    const own = this.text.stem(spelt);
    let root = own;
    for (let next = this.text.stem(root); next !== root; next = this.text.stem(root)) root = next;
    const [from, to] = this.range(root);
    const word = { typed, spelt, own, root, compound, ranges: from < to ? [{ from, to, kind: "own" }] : [] };
    for (const meant of this.synonyms[own] || []) {
      const [a, b] = this.meant(meant);
      if (a < b) word.ranges.push({ from: a, to: b, kind: "synonym" });
    }
    return word;
  };

  // A phrase of the synonyms file (`grå stær`) starting at words[i]: [length, word] or null.
  Engine.prototype.phrase = function (typed, i) {
    for (let size = 3; size >= 2; size--) {
      if (i + size > typed.length) continue;
      const key = typed.slice(i, i + size).map(this.text.key).join(" ");
      const meant = this.synonyms[key];
      if (!meant) continue;
      const ranges = meant.map((m) => this.meant(m)).filter((r) => r[0] < r[1]);
      const word = { typed: typed.slice(i, i + size).join(" "), spelt: key, own: key, root: key, compound: false, synonymOnly: true };
      word.ranges = ranges.map(([from, to]) => ({ from, to, kind: "synonym" }));
      return [size, word];
    }
    return null;
  };

  // The query as words to match (codes among the words apart, compound words split).
  Engine.prototype.plan = function (query) {
    const typed = T.words(query).filter((w) => !this.text.isStopWord(w));
    const plan = { codes: [], words: [] };
    for (let i = 0; i < typed.length; i++) {
      const code = typed[i].toUpperCase();
      const at = /\d/.test(code) && CODE.test(code) ? lowerBound(this.codes, code) : -1;
      if (at >= 0 && this.codes[at] === code && typed.length > 1) { plan.codes.push(at); continue; }
      const phrase = this.phrase(typed, i);
      if (phrase) { plan.words.push(phrase[1]); i += phrase[0] - 1; continue; }
      const word = this.word(typed[i], false);
      if (word.ranges.length || word.root.length < MIN_PREFIX) { plan.words.push(word); continue; }
      const last = (part) => { const [a, b] = this.range(this.text.key(part)); return a < b; };
      const parts = T.split(word.spelt, this.known, i === typed.length - 1 ? last : null);
      if (parts.length) { parts.forEach((p) => plan.words.push(this.word(p, true))); continue; }
      if (word.spelt.length >= TYPO_MIN) word.ranges = this.typoRanges(word);
      plan.words.push(word);
    }
    return plan;
  };

  // A term's BM25 weight in a list of an entry's term ids, as lunr.Builder computes it.
  Engine.prototype.weight = function (ids, term, length) {
    let tf = 0;
    for (const id of ids) if (id === term) tf++;
    const score = this.stats.idf[term] * ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / this.stats.average)) + tf);
    return Math.round(score * 1000) / 1000;
  };

  // The best way one word matches an entry: [score, kind], or null.
  Engine.prototype.best = function (entry, word) {
    const own = this.docs[entry];
    let best = this.bestIn(own, own.length, word, false, null);
    best = this.bestIn(this.parts[entry], own.length, word, true, best);
    if (best && word.spelt !== word.typed && (best[1] === "exact" || best[1] === "prefix") &&
        !T.fold(this.texts[entry]).includes(word.typed)) best[1] = "spelling";
    return best;
  };

  // The best of `best` and the word's matches among term ids `ids` (an entry's words, or its compound parts).
  Engine.prototype.bestIn = function (ids, length, word, compound, best) {
    for (const range of word.ranges) {
      for (let j = lowerBound(ids, range.from); j < ids.length && ids[j] < range.to; j++) {
        let kind = range.kind;
        let fit = QUALITY[kind];
        if (kind === "own") {
          const term = this.terms[ids[j]];
          fit = term === word.own || term === word.root ? 1 : term.startsWith(word.spelt) ? QUALITY.prefix : QUALITY.stemPrefix;
          kind = word.compound ? "compound" : fit === 1 ? "exact" : "prefix";
        }
        if (compound) { fit *= QUALITY.compound; kind = kind === "exact" || kind === "prefix" ? "compound" : kind; }
        // How a word matched counts first, then how much the term tells (BM25): fit 4 to 5 times.
        const weight = this.weight(ids, ids[j], length);
        const score = fit * (TIER + weight / (weight + 1));
        if (!best || score > best[0]) best = [score, kind];
      }
    }
    return best;
  };

  Engine.prototype.match = function (entry, words) {
    const hit = { doc: this.codeOf(entry), entry, old: entry >= this.codes.length, score: 0, kinds: [] };
    for (const word of words) {
      const best = this.best(entry, word);
      if (!best) return null;
      hit.score += best[0];
      hit.kinds.push(best[1]);
    }
    hit.valid = this.isValid(hit.doc);
    hit.typo = hit.kinds.includes("typo");
    hit.exact = hit.kinds.every((k) => k === "exact" || k === "synonym" || k === "spelling");
    return hit;
  };

  function compareHits(a, b) {
    return a.typo - b.typo || a.old - b.old || b.exact - a.exact || b.valid - a.valid || b.score - a.score || a.doc - b.doc;
  }

  // The entries that have some term of a word's ranges.
  Engine.prototype.candidates = function (word) {
    const seen = new Uint8Array(this.docs.length);
    for (const range of word.ranges) {
      for (let t = range.from; t < range.to; t++) for (const d of this.stats.postings[t]) seen[d] = 1;
    }
    const out = [];
    for (let d = 0; d < seen.length; d++) if (seen[d]) out.push(d);
    return out;
  };

  Engine.prototype.spread = function (word) {
    let count = 0;
    for (const range of word.ranges) for (let t = range.from; t < range.to; t++) count += this.stats.postings[t].length;
    return count;
  };

  // Codes by their words: the best entry of each code (a current text before an earlier one), ranked.
  Engine.prototype.textMatches = function (plan) {
    const selective = plan.words.filter((w) => w.root.length >= MIN_PREFIX || w.synonymOnly);
    if (!selective.length) return [];
    const seed = selective.reduce((a, b) => (this.spread(b) < this.spread(a) ? b : a));
    const byCode = new Map();
    for (const entry of this.candidates(seed)) {
      const hit = this.match(entry, plan.words);
      if (!hit) continue;
      const other = byCode.get(hit.doc);
      if (!other || compareHits(hit, other) < 0) byCode.set(hit.doc, hit);
    }
    return Array.from(byCode.values()).sort(compareHits);
  };

  function whyOf(hit) {
    const kinds = hit.old ? hit.kinds.concat("old-text") : hit.kinds;
    return kinds.reduce((a, b) => (WHY.indexOf(b) > WHY.indexOf(a) ? b : a), "exact");
  }

  // Ranked hits {doc, entry, why, plan}: an exact code first (and codes typed among words); then, for a
  // query with a digit, codes that begin with it before codes by their words, else after.
  // options.expired === false leaves expired codes out, options.systems keeps only those code systems.
  Engine.prototype.search = function (query, options) {
    const codes = codeMatches(this.codes, query);
    const plan = this.plan(query);
    const ranked = [];
    const seen = new Set();
    const add = (doc, entry, why) => {
      if (!seen.has(doc)) { seen.add(doc); ranked.push({ doc, entry, why, plan }); }
    };
    if (codes.exact >= 0) add(codes.exact, codes.exact, "exact");
    plan.codes.forEach((doc) => add(doc, doc, "exact"));
    const prefix = codes.prefix.slice().sort((a, b) => this.isValid(b) - this.isValid(a) || a - b);
    const byText = () => this.textMatches(plan).forEach((hit) => add(hit.doc, hit.entry, whyOf(hit)));
    const byPrefix = () => prefix.forEach((doc) => add(doc, doc, "prefix"));
    if (codes.digit) { byPrefix(); byText(); } else { byText(); byPrefix(); }
    const systems = options && options.systems && options.systems.length ? options.systems : null;
    return ranked.filter((hit) => (!options || options.expired !== false || this.isValid(hit.doc)) &&
      (!systems || systems.includes(this.systemOf(hit.doc))));
  };

  // The code a query names exactly (case and spaces ignored), or -1.
  Engine.prototype.exactCode = function (query) {
    return codeMatches(this.codes, query).exact;
  };

  Engine.prototype.systemOf = function (doc) {
    return this.systems[this.system.charCodeAt(doc) - 48];
  };

  // A code's status against the newest release the site carries.
  Engine.prototype.status = function (doc) {
    // The words come from the search file (`status`: generator/labels.py), as on the code pages.
    const words = this.statusWords, newest = this.years[this.years.length - 1];
    if (this.isValid(doc)) return words.valid.replace("{year}", newest) + words.newest;
    const gone = this.gone.charAt(doc);
    return words.expired.replace(gone === "-" ? " fra {year}" : "{year}", gone === "-" ? "" : this.years[parseInt(gone, 36)]);
  };

  // What a hit shows: `path` is the code page's site-relative URL; `old` the earlier text it was found by.
  Engine.prototype.hit = function (found) {
    const doc = typeof found === "number" ? found : found.doc;
    const entry = typeof found === "number" ? doc : found.entry;
    const old = entry >= this.codes.length ? { text: this.texts[entry], until: this.oldUntil[entry - this.codes.length] } : null;
    return {
      code: this.codes[doc],
      text: this.texts[doc],
      system: this.systemOf(doc),
      active: this.isValid(doc),
      status: this.status(doc),
      why: typeof found === "number" ? "exact" : found.why,
      old,
      path: this.url.replace("{code}", this.codes[doc]),
    };
  };

  window.nkpkSearchEngine = { create: (lunr, file) => new Engine(lunr, file), Engine, lowerBound, decodeFront, WHY };
})();
