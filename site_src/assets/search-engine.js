/*
 * NKPK search engine: finds and ranks the codes of the prebuilt search file
 * (generator/search/index.py) for a query. Loaded on demand by search.js,
 * after lunr (for its Norwegian stemmer and stop words) and search-text.js;
 * search-plan.js turns a query into a plan (docs/search.md).
 *
 * The file has entries: the codes' current texts (entry i is code i), their
 * earlier texts, and their English texts. Each entry has its terms (`docs`)
 * and the terms of the parts of its compound words (`parts`). A plan is a
 * list of slots, one per query word (or typed phrase of the thesaurus); a
 * slot has options (the word itself, a thesaurus alternative, its compound
 * parts, a typing error), each a list of leaves that match term ranges.
 * Soft AND: a hit is ranked first by how many slots it covers, so a word
 * that matches nothing or little never empties the list.
 */
(function () {
  "use strict";

  const T = window.nkpkSearchText;
  const LABELS = window.nkpkLabels; // assets/nkpk-labels.js, from generator/labels.py
  const L = LABELS.search;
  const CODE = /^[A-Z0-9]{1,7}$/;
  const FORMAT = 5; // generator/search/index.py FORMAT
  const K1 = 1.2; // lunr's BM25 parameters
  const B = 0.75;
  const QUALITY = { exact: 1, prefix: 0.6, stemPrefix: 0.4, compound: 0.8, synonym: 0.9, typo: 0.5 };
  const ENGLISH = 0.8; // an English text's match, against a Norwegian one's
  const TIER = 4;
  const TIGHT = 1.5; // score for a text whose every word the query matched
  const GENERIC = /^(annen|annet|andre) |uspesifisert/i; // "Annen ...", "... uspesifisert": the *96, *99 codes
  const RESIDUAL = /^[A-Y][A-Z]{2}9[6-9]$/; // NCSP's residual codes of a group (not the Z codes), whatever their text says
  // From the strongest to the weakest way of matching: a hit's `why` is its weakest word's.
  const WHY = ["exact", "prefix", "spelling", "compound", "synonym", "english", "old-text", "typo"];

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

  // How many different terms a sorted list of term ids has.
  function distinctCount(ids) {
    let count = 0;
    for (let j = 0; j < ids.length; j++) if (j === 0 || ids[j] !== ids[j - 1]) count++;
    return count;
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

  // The query written as a code: case, spaces, dots and hyphens ignored, and the letter O read as zero
  // where only that makes it a code (`sngoag`). The code it is, codes that begin with it.
  function codeMatches(codes, query) {
    const written = query.replace(/[\s.\-]+/g, "").toUpperCase();
    if (!CODE.test(written)) return { exact: -1, prefix: [], digit: false };
    const key = codeKey(codes, written);
    const start = lowerBound(codes, key);
    const prefix = [];
    for (let i = start; i < codes.length && codes[i].startsWith(key); i++) prefix.push(i);
    return { exact: codes[start] === key ? start : -1, prefix, digit: /\d/.test(key) };
  }

  function codeKey(codes, written) {
    const variants = [written, written.replace(/O/g, "0")];
    for (const key of variants) if (codes[lowerBound(codes, key)] === key) return key;
    for (const key of variants) {
      const at = lowerBound(codes, key);
      if (at < codes.length && codes[at].startsWith(key)) return key;
    }
    return written;
  }

  function Engine(lunr, file) {
    if (file.format !== FORMAT) throw new Error("search file format " + file.format + ", expected " + FORMAT);
    this.codes = decodeFront(file.codes);
    this.terms = decodeFront(file.terms);
    this.termSet = new Set(this.terms);
    this.texts = file.texts.slice();
    this.oldCodes = [];
    this.englishCodes = [];
    this.englishFrom = this.codes.length;
    this.oldUntil = [];
    this.later = false;
    this.active = file.active;
    this.gone = file.gone;
    this.years = file.years;
    this.system = file.system;
    this.systems = file.systems;
    this.synonyms = Object.assign({}, file.synonyms);
    this.fillerKeys = file.filler;
    this.url = file.url;
    this.text = T.textTools(lunr);
    this.known = T.knownIn(this.termSet, this.text.key);
    this.docs = file.docs.map(decodeDeltas);
    this.parts = file.parts.map(decodeDeltas);
    this.stats = termStats(this.terms.length, this.docs, this.parts);
    this.distinct = this.docs.map(distinctCount);
    this.generic = file.texts.map((text, doc) => GENERIC.test(text) || RESIDUAL.test(this.codes[doc]));
    this.typos = new Map();
    this.prepare();
    this.prepareFacets(file.facets);
    if (file.later) this.addLater(file.later);
    // One query through every step, so that the first query typed does not pay for compiling them.
    this.search(this.terms[0] || "");
  }

  // What loads after the first results (the search file's `later`, a file of its own: english.json): the
  // codes' earlier texts, then the English texts, as entries after the current texts; the thesaurus's
  // English entries.
  Engine.prototype.addLater = function (later) {
    if (this.later) return;
    this.later = true;
    const oldDocs = (later.oldDocs || []).map(decodeDeltas);
    const docs = later.docs.map(decodeDeltas);
    this.oldCodes = decodeDeltas(later.oldCodes || []);
    this.oldUntil = later.oldUntil || [];
    this.englishFrom = this.codes.length + this.oldCodes.length;
    this.englishCodes = decodeDeltas(later.codes);
    this.texts = this.texts.concat(later.oldTexts || [], later.texts);
    this.docs = this.docs.concat(oldDocs, docs);
    this.parts = this.parts.concat((later.oldParts || []).map(decodeDeltas), docs.map(() => []));
    this.stats = termStats(this.terms.length, this.docs, this.parts);
    this.distinct = this.distinct.concat(oldDocs.map(distinctCount), docs.map(distinctCount));
    Object.assign(this.synonyms, later.synonyms || {});
    this.synonymKeys = null;
    this.foldedTexts = null;
    this.typos = new Map();
  };

  Engine.prototype.isValid = function (doc) {
    return this.active.charCodeAt(doc) === 49; // "1"
  };

  Engine.prototype.codeOf = function (entry) {
    if (entry < this.codes.length) return entry;
    if (entry < this.englishFrom) return this.oldCodes[entry - this.codes.length];
    return this.englishCodes[entry - this.englishFrom];
  };

  Engine.prototype.range = function (root) {
    return [lowerBound(this.terms, root), lowerBound(this.terms, root + "\uffff")];
  };

  // A term's BM25 weight in a list of an entry's term ids, as lunr.Builder computes it.
  Engine.prototype.weight = function (ids, term, length) {
    let tf = 0;
    for (const id of ids) if (id === term) tf++;
    const score = this.stats.idf[term] * ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / this.stats.average)) + tf);
    return Math.round(score * 1000) / 1000;
  };

  // An entry's text folded (lower case, no accents), made once.
  Engine.prototype.folded = function (entry) {
    if (!this.foldedTexts) this.foldedTexts = [];
    let found = this.foldedTexts[entry];
    if (found === undefined) found = this.foldedTexts[entry] = T.fold(this.texts[entry]);
    return found;
  };

  // The best way one leaf matches an entry: [score, kind, term], or null.
  Engine.prototype.best = function (entry, leaf) {
    const own = this.docs[entry];
    let best = this.bestIn(own, own.length, leaf, false, null);
    best = this.bestIn(this.parts[entry], own.length, leaf, true, best);
    if (best && leaf.spelt !== leaf.typed && (best[1] === "exact" || best[1] === "prefix") &&
        !this.folded(entry).includes(leaf.typed)) best[1] = "spelling";
    return best;
  };

  // The best of `best` and the leaf's matches among term ids `ids` (an entry's words, or its compound parts).
  Engine.prototype.bestIn = function (ids, length, leaf, compound, best) {
    for (const range of leaf.ranges) {
      for (let j = lowerBound(ids, range.from); j < ids.length && ids[j] < range.to; j++) {
        let kind = range.kind;
        let fit = range.fit || QUALITY[kind];
        if (kind === "own") {
          const term = this.terms[ids[j]];
          fit = term === leaf.own || term === leaf.root ? 1 : term.startsWith(leaf.spelt) ? QUALITY.prefix : QUALITY.stemPrefix;
          kind = leaf.compound ? "compound" : fit === 1 ? "exact" : "prefix";
        }
        if (compound) { fit *= QUALITY.compound; kind = kind === "exact" || kind === "prefix" ? "compound" : kind; }
        // How a word matched counts first, then how much the term tells (BM25): fit 4 to 5 times.
        const weight = this.weight(ids, ids[j], length);
        const score = fit * (TIER + weight / (weight + 1));
        if (!best || score > best[0]) best = [score, kind, compound ? -1 : ids[j]];
      }
    }
    return best;
  };

  // How an option (leaves that together stand for a slot) fits an entry: {cover, score, kinds, terms}, or null.
  Engine.prototype.fit = function (entry, option) {
    let needed = 0;
    let matched = 0;
    let score = 0;
    const kinds = [];
    const terms = [];
    for (const leaf of option.leaves) {
      const best = this.best(entry, leaf);
      if (!leaf.filler) needed++;
      if (!best) { if (option.all && !leaf.filler) return null; continue; }
      if (!leaf.filler) matched++;
      score += best[0];
      kinds.push(option.typo ? "typo" : option.synonym ? "synonym" : best[1]);
      if (best[2] >= 0) terms.push(best[2]);
    }
    if (!kinds.length) return null;
    const cover = needed ? matched / needed : 1;
    return { cover, score: (score / option.leaves.length) * (0.5 + cover / 2), kinds, terms, option };
  };

  // The best option of a slot for an entry: the most covered, then the best scored.
  Engine.prototype.slotFit = function (entry, slot) {
    let best = null;
    for (const option of slot.options) {
      const found = this.fit(entry, option);
      if (found && (!best || found.cover > best.cover || (found.cover === best.cover && found.score > best.score))) best = found;
    }
    return best;
  };

  Engine.prototype.match = function (entry, slots, facets) {
    const hit = { doc: this.codeOf(entry), entry, old: entry >= this.codes.length && entry < this.englishFrom,
      english: entry >= this.englishFrom, cover: 0, score: 0, kinds: [], synonym: null };
    const matched = [];
    const matchedWords = new Set();
    for (const slot of slots) {
      const found = this.slotFit(entry, slot);
      if (!found) continue;
      if (!slot.filler) hit.cover += found.cover * (slot.weight || 1);
      matchedWords.add(slot.typed);
      hit.score += found.score * (hit.english ? ENGLISH : 1);
      hit.kinds.push(...found.kinds);
      for (const t of found.terms) if (!matched.includes(t)) matched.push(t);
      if (found.option.synonym && !hit.synonym) hit.synonym = found.option.synonym;
    }
    if (!hit.kinds.length) return null;
    const distinct = this.distinct[entry];
    hit.score += distinct ? (TIGHT * matched.length) / distinct : 0;
    hit.terms = matched; // the text's terms the query matched as whole words
    hit.cover = Math.round(hit.cover * 100) / 100;
    hit.valid = this.isValid(hit.doc);
    hit.generic = this.generic[hit.doc];
    Object.assign(hit, this.facetFit(hit.doc, facets, matchedWords));
    hit.typo = hit.kinds.includes("typo");
    hit.exact = hit.kinds.every((k) => k === "exact" || k === "synonym" || k === "spelling" || k === "compound");
    return hit;
  };

  // Most of the query covered; no typing error; no facet that contradicts the query; current text; valid;
  // most of the query's facets; no removal or redoing not asked for; Norwegian; specific; the words as typed;
  // no side, approach or age not asked for; best scored.
  function compareHits(a, b) {
    return b.cover - a.cover || a.typo - b.typo || a.contra - b.contra || a.old - b.old || b.valid - a.valid ||
      b.agree - a.agree || a.unasked - b.unasked || a.english - b.english || a.generic - b.generic ||
      b.exact - a.exact || a.marked - b.marked || b.score - a.score || a.doc - b.doc;
  }

  // The entries that have some term of the slots' leaves (the weak ones only if nothing else).
  Engine.prototype.candidates = function (slots) {
    const strong = slots.filter((slot) => !slot.weak && !slot.filler);
    const seen = new Uint8Array(this.docs.length);
    for (const slot of strong.length ? strong : slots.filter((slot) => !slot.weak)) {
      for (const option of slot.options) {
        for (const leaf of option.leaves) {
          for (const range of leaf.ranges) {
            for (let t = range.from; t < range.to; t++) for (const d of this.stats.postings[t]) seen[d] = 1;
          }
        }
      }
    }
    const out = [];
    for (let d = 0; d < seen.length; d++) if (seen[d]) out.push(d);
    return out;
  };

  // Codes by their words: the best entry of each code, ranked.
  Engine.prototype.textMatches = function (plan) {
    const byCode = new Map();
    for (const entry of this.candidates(plan.slots)) {
      const hit = this.match(entry, plan.slots, plan.facets);
      if (!hit || (!hit.cover && plan.counted)) continue;
      const other = byCode.get(hit.doc);
      if (!other || compareHits(hit, other) < 0) byCode.set(hit.doc, hit);
    }
    return Array.from(byCode.values()).sort(compareHits);
  };

  function whyOf(hit) {
    const kinds = hit.old ? hit.kinds.concat("old-text") : hit.english ? hit.kinds.concat("english") : hit.kinds;
    return kinds.reduce((a, b) => (WHY.indexOf(b) > WHY.indexOf(a) ? b : a), "exact");
  }

  // Ranked hits {doc, entry, why, synonym, plan}: an exact code first (and codes typed among words); then,
  // for a query with a digit or one that matches no word, codes that begin with it before codes by their
  // words, else after. The array's `missing` lists the query words that match nothing.
  // options.expired === false leaves expired codes out, options.systems keeps only those code systems.
  Engine.prototype.search = function (query, options) {
    const codes = codeMatches(this.codes, query);
    const plan = this.plan(query);
    const ranked = [];
    const seen = new Set();
    const add = (doc, entry, why, synonym) => {
      if (!seen.has(doc)) { seen.add(doc); ranked.push({ doc, entry, why, synonym, plan }); }
    };
    if (codes.exact >= 0) add(codes.exact, codes.exact, "exact", null);
    plan.codes.forEach((doc) => add(doc, doc, "exact", null));
    const prefix = codes.prefix.slice().sort((a, b) => this.isValid(b) - this.isValid(a) || a - b);
    const byText = codes.exact >= 0 ? [] : this.textMatches(plan); // `JKA 21`: not the texts with "21"
    const byPrefix = () => prefix.forEach((doc) => add(doc, doc, "prefix", null));
    if (codes.digit) byPrefix();
    byText.forEach((hit) => add(hit.doc, hit.entry, whyOf(hit), hit.synonym));
    byPrefix();
    const systems = options && options.systems && options.systems.length ? options.systems : null;
    const out = ranked.filter((hit) => (!options || options.expired !== false || this.isValid(hit.doc)) &&
      (!systems || systems.includes(this.systemOf(hit.doc))));
    out.missing = codes.exact >= 0 || codes.prefix.length ? [] : plan.missing;
    return out;
  };

  // The code a query names exactly (case, spaces, dots and hyphens ignored), or -1.
  Engine.prototype.exactCode = function (query) {
    return codeMatches(this.codes, query).exact;
  };

  Engine.prototype.systemOf = function (doc) {
    return this.systems[this.system.charCodeAt(doc) - 48];
  };

  // A code's status against the newest release the site carries.
  Engine.prototype.status = function (doc) {
    const S = LABELS.status, newest = this.years[this.years.length - 1];
    if (this.isValid(doc)) return LABELS.fill(S.valid, { year: newest }) + S.newest;
    const gone = this.gone.charAt(doc);
    return gone === "-" ? L.expired : LABELS.fill(S.expired, { year: this.years[parseInt(gone, 36)] });
  };

  // Why a hit was found, in words (empty for an exact or a prefix match): for a synonym, what was typed
  // and the words of the text it stands for.
  Engine.prototype.reason = function (why, synonym, entry) {
    if (why !== "synonym" || !synonym) return L.why[why] || "";
    const means = T.words(this.texts[entry]).filter((word) => {
      if (this.text.isStopWord(word)) return false;
      const at = lowerBound(this.terms, this.text.key(word));
      return synonym.leaves.some((leaf) => leaf.ranges.some((range) => at >= range.from && at < range.to));
    });
    const kind = L.kinds[synonym.kind] || synonym.kind;
    return L.why.synonym + " (" + kind + "): " + synonym.typed + " = " + (means.length ? means.join(" ") : "…");
  };

  // What a hit shows: `path` is the code page's site-relative URL; `old` the earlier text it was found by,
  // `english` the English text; `reason` says in words how it was found.
  Engine.prototype.hit = function (found) {
    const doc = typeof found === "number" ? found : found.doc;
    const entry = typeof found === "number" ? doc : found.entry;
    const isOld = entry >= this.codes.length && entry < this.englishFrom;
    const why = typeof found === "number" ? "exact" : found.why;
    return {
      code: this.codes[doc],
      text: this.texts[doc],
      system: this.systemOf(doc),
      active: this.isValid(doc),
      status: this.status(doc),
      why,
      reason: this.reason(why, typeof found === "number" ? null : found.synonym, entry),
      old: isOld ? { text: this.texts[entry], until: this.oldUntil[entry - this.codes.length] } : null,
      english: entry >= this.englishFrom ? this.texts[entry] : null,
      path: this.url.replace("{code}", this.codes[doc]),
    };
  };

  window.nkpkSearchEngine = { create: (lunr, file) => new Engine(lunr, file), Engine, lowerBound, decodeFront, WHY, LABELS };
})();
