/*
 * NKPK search engine: turns the prebuilt search file into a lunr index,
 * has lunr find the codes that match a query and ranks them. Loaded on
 * demand by search.js, after lunr.js, lunr.stemmer.support.js and lunr.no.js.
 *
 * Text processing mirrors generator/search_text.py: lower case, accents
 * folded except the ring of å, runs of letters and digits, the stop words of
 * lunr.no.js, then lunr.no.js' Norwegian stemmer. The build did this for
 * every code text; here it is done for the query only.
 */
(function () {
  "use strict";

  var MARKS = /[\u0300-\u0309\u030b-\u036f]/g;
  var WORD = /[\p{L}\p{N}]+/gu;
  var CODE = /^[A-Z0-9]{1,7}$/;
  var FORMAT = 1; // generator/search.py FORMAT
  var K1 = 1.2; // lunr's BM25 parameters
  var B = 0.75;
  var FIELD = "t";
  var PREFIX = "~"; // marks the prefix terms; index terms are letters and digits
  var MIN_PREFIX = 2; // shortest word that lunr looks up
  var WARM_QUERIES = 12;
  var PREFIX_QUALITY = 0.6;
  var STEM_PREFIX_QUALITY = 0.4;

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(MARKS, "").normalize("NFC");
  }

  function words(text) {
    return fold(text).match(WORD) || [];
  }

  function textTools(lunr) {
    var stems = new Map();
    function isStopWord(word) {
      return lunr.no.stopWordFilter(new lunr.Token(word, {})) === undefined;
    }
    function stem(word) {
      var found = stems.get(word);
      if (found === undefined) {
        found = lunr.no.stemmer(new lunr.Token(word, {})).toString();
        stems.set(word, found);
      }
      return found;
    }
    function terms(text) {
      return words(text).filter(function (w) { return !isStopWord(w); }).map(stem);
    }
    return { isStopWord: isStopWord, stem: stem, terms: terms };
  }

  // Sorted words, each written as how much it shares with the one before and the rest.
  function decodeFront(coded) {
    var words = new Array(coded.length);
    var previous = "";
    for (var i = 0; i < coded.length; i++) {
      previous = previous.slice(0, parseInt(coded[i][0], 36)) + coded[i].slice(1);
      words[i] = previous;
    }
    return words;
  }

  // Per code: its term indices, sorted and repeated as often as the term occurs.
  function decodeDocs(docs) {
    var decoded = new Array(docs.length);
    for (var d = 0; d < docs.length; d++) {
      var deltas = docs[d];
      var ids = new Array(deltas.length);
      var current = 0;
      for (var j = 0; j < deltas.length; j++) {
        current += deltas[j];
        ids[j] = current;
      }
      decoded[d] = ids;
    }
    return decoded;
  }

  // What BM25 needs: the codes that have each term, its idf, the average length.
  function termStats(termCount, docs) {
    var postings = new Array(termCount);
    var total = 0;
    for (var t = 0; t < termCount; t++) postings[t] = [];
    for (var d = 0; d < docs.length; d++) {
      var ids = docs[d];
      total += ids.length;
      for (var j = 0; j < ids.length; j++) {
        var list = postings[ids[j]];
        if (list[list.length - 1] !== d) list.push(d);
      }
    }
    var idf = new Float64Array(termCount);
    for (t = 0; t < termCount; t++) {
      var df = postings[t].length;
      idf[t] = Math.log(1 + Math.abs((docs.length - df + 0.5) / (df + 0.5)));
    }
    return { postings: postings, idf: idf, average: total / docs.length };
  }

  // A term's BM25 weight in a code's text, as lunr.Builder computes it.
  function termWeight(stats, ids, term) {
    var tf = 0;
    for (var j = 0; j < ids.length; j++) if (ids[j] === term) tf++;
    var score = stats.idf[term] * ((K1 + 1) * tf) / (K1 * (1 - B + B * (ids.length / stats.average)) + tf);
    return Math.round(score * 1000) / 1000;
  }

  // Prefix terms stand for every term that begins with some letters: `~ka`
  // for `kateter`, `kapsel`, ... The query `ka` is then one lunr term, where
  // lunr's wildcard `ka*` expands into every such term and costs 10-40 ms
  // a keystroke for short prefixes. Their postings are made when first read.
  function prefixName(root) {
    return PREFIX + root;
  }

  // The codes that have any term in [from, to), in code order.
  function unionPostings(postings, from, to, count) {
    var seen = new Uint8Array(count);
    for (var t = from; t < to; t++) {
      for (var j = 0; j < postings[t].length; j++) seen[postings[t][j]] = 1;
    }
    var docs = [];
    for (var d = 0; d < count; d++) if (seen[d]) docs.push(d);
    return docs;
  }

  // A read-only table whose entries are made on first read: lunr reads
  // invertedIndex[term] only for the terms a query touches, so building all
  // of them up front (60-100 ms) is waste.
  function lazyTable(make) {
    var made = Object.create(null);
    return new Proxy(made, {
      get: function (target, key) {
        if (typeof key !== "string") return undefined;
        if (!(key in target)) target[key] = make(key);
        return target[key];
      },
    });
  }

  // The automaton of every prefix term: a trie under the edge PREFIX whose
  // every node is final. (lunr.TokenSet.fromArray would minimise it, which
  // takes 30-50 ms here; lunr intersects a plain trie just as well.)
  function prefixTrie(lunr, words) {
    var root = new lunr.TokenSet();
    var top = (root.edges[PREFIX] = new lunr.TokenSet());
    words.forEach(function (word) {
      var node = top;
      for (var i = 0; i < word.length; i++) {
        node = node.edges[word[i]] || (node.edges[word[i]] = new lunr.TokenSet());
        node.final = true;
      }
    });
    return root;
  }

  // The lunr index the queries run on: a prefix term for every beginning of
  // a term, its postings made on first read. lunr's own scores are not used
  // (match() ranks the codes), so every code has the same empty vector:
  // the vectors lunr.Builder makes took 10-40 ms to build, and as long again
  // in the first queries when made on first read.
  function buildIndex(lunr, terms, docs, stats) {
    var number = 0;
    var empty = Object.freeze({});
    var inverted = lazyTable(function (name) {
      if (name[0] !== PREFIX) return undefined;
      var root = name.slice(PREFIX.length);
      var list = unionPostings(stats.postings, lowerBound(terms, root), lowerBound(terms, root + "\uffff"), docs.length);
      if (!list.length) return undefined;
      var posting = Object.create(null);
      for (var j = 0; j < list.length; j++) posting[list[j]] = empty;
      var entry = { _index: number++ };
      entry[FIELD] = posting;
      return entry;
    });
    var noVector = new lunr.Vector([]);
    return new lunr.Index({
      invertedIndex: inverted,
      fieldVectors: new Proxy({}, { get: function () { return noVector; } }),
      tokenSet: prefixTrie(lunr, terms),
      fields: [FIELD],
      pipeline: new lunr.Pipeline(),
    });
  }

  // How well an index term matches a query word: the word itself (or another
  // form of it) beats a longer word that begins with what was typed, which
  // beats a longer word that only begins with the stem.
  function quality(word, term) {
    if (term === word.own || term === word.root) return 1;
    return term.lastIndexOf(word.typed, 0) === 0 ? PREFIX_QUALITY : STEM_PREFIX_QUALITY;
  }

  function lowerBound(sorted, key) {
    var lo = 0;
    var hi = sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] < key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // Codes that begin with the query written as a code (case and spaces ignored).
  function codeMatches(codes, query) {
    var key = query.replace(/[\s.]+/g, "").toUpperCase();
    if (!CODE.test(key)) return { exact: -1, prefix: [], digit: false };
    var start = lowerBound(codes, key);
    var prefix = [];
    for (var i = start; i < codes.length && codes[i].lastIndexOf(key, 0) === 0; i++) prefix.push(i);
    var exact = codes[start] === key ? start : -1;
    return { exact: exact, prefix: prefix, digit: /\d/.test(key) };
  }

  // A search over the codes of the search file (generator/search.py).
  function Engine(lunr, file) {
    if (file.format !== FORMAT) throw new Error("search file format " + file.format + ", expected " + FORMAT);
    this.lunr = lunr;
    this.codes = decodeFront(file.codes);
    this.terms = decodeFront(file.terms);
    this.texts = file.texts;
    this.active = file.active;
    this.system = file.system;
    this.systems = file.systems;
    this.url = file.url;
    this.text = textTools(lunr);
    this.docs = decodeDocs(file.docs);
    this.stats = termStats(this.terms.length, this.docs);
    this.index = buildIndex(lunr, this.terms, this.docs, this.stats);
    // One query through every step, so that the first query the user types
    // does not pay for compiling all of them.
    this.search(this.terms[0] || "");
  }

  Engine.prototype.isValid = function (doc) {
    return this.active.charCodeAt(doc) === 49; // "1"
  };

  // Per query word: what was typed, its stem, and the stem's own stem
  // (`pacemakere` -> `pacemaker` -> `pacemak`, the stem of `pacemaker`), and
  // the range [from, to) of the sorted terms that begin with that root.
  Engine.prototype.plan = function (query) {
    var engine = this;
    return words(query).filter(function (w) { return !engine.text.isStopWord(w); }).map(function (typed) {
      var own = engine.text.stem(typed);
      var root = own;
      for (var next = engine.text.stem(root); next !== root; next = engine.text.stem(root)) root = next;
      var from = lowerBound(engine.terms, root);
      var to = lowerBound(engine.terms, root + "\uffff");
      return { typed: typed, own: own, root: root, from: from, to: to };
    });
  };

  // For each query word, the code's best term that begins with the word's
  // root: match quality times the term's BM25 weight. `exact`: every word
  // has a term that is the word itself or another form of it.
  // null: some word has no such term.
  Engine.prototype.match = function (doc, queryWords) {
    var ids = this.docs[doc];
    var hit = { doc: doc, exact: true, valid: this.isValid(doc), score: 0 };
    for (var w = 0; w < queryWords.length; w++) {
      var word = queryWords[w];
      var best = -1;
      var exact = false;
      for (var j = lowerBound(ids, word.from); j < ids.length && ids[j] < word.to; j++) {
        var fit = quality(word, this.terms[ids[j]]);
        exact = exact || fit === 1;
        best = Math.max(best, fit * termWeight(this.stats, ids, ids[j]));
      }
      if (best < 0) return null;
      hit.score += best;
      hit.exact = hit.exact && exact;
    }
    return hit;
  };

  // Exact matches first, then valid codes before expired ones, then by
  // score, then in code order.
  function compareHits(a, b) {
    return b.exact - a.exact || b.valid - a.valid || b.score - a.score || a.doc - b.doc;
  }

  // lunr finds the codes that match every word of two letters or more,
  // through its prefix terms; a one-letter word (`vitamin d`) only filters
  // them, as each matches a fifth of all codes. One letter alone is left to
  // the code matches.
  Engine.prototype.textMatches = function (query) {
    var engine = this;
    var queryWords = this.plan(query);
    var selective = queryWords.filter(function (word) { return word.root.length >= MIN_PREFIX; });
    if (!selective.length) return [];
    var results = this.index.query(function (q) {
      selective.forEach(function (word) {
        q.term(prefixName(word.root), { usePipeline: false, presence: engine.lunr.Query.presence.REQUIRED });
      });
    });
    var hits = [];
    results.forEach(function (result) {
      var found = engine.match(+result.ref, queryWords);
      if (found) hits.push(found);
    });
    hits.sort(compareHits);
    return hits.map(function (found) { return found.doc; });
  };

  // Ranked code indices: an exact code first; then, for a query with a
  // digit, codes that begin with it before codes by their words, else after.
  // options.expired === false leaves expired codes out.
  Engine.prototype.search = function (query, options) {
    var engine = this;
    var codes = codeMatches(this.codes, query);
    var prefix = codes.prefix.filter(function (d) { return d !== codes.exact; });
    prefix.sort(function (a, b) { return engine.isValid(b) - engine.isValid(a) || a - b; });
    var byText = this.textMatches(query);
    var ranked = codes.exact >= 0 ? [codes.exact] : [];
    var seen = new Set(ranked);
    (codes.digit ? [prefix, byText] : [byText, prefix]).forEach(function (group) {
      group.forEach(function (doc) {
        if (!seen.has(doc)) { seen.add(doc); ranked.push(doc); }
      });
    });
    return options && options.expired === false ? ranked.filter(this.isValid, this) : ranked;
  };

  // What a hit shows: `path` is the code page's site-relative URL.
  Engine.prototype.hit = function (doc) {
    return {
      code: this.codes[doc],
      text: this.texts[doc],
      system: this.systems[this.system.charCodeAt(doc) - 48],
      active: this.isValid(doc),
      path: this.url.replace("{code}", this.codes[doc]),
    };
  };

  // Queries on the two first letters of the commonest terms: run in idle
  // time after the first results, they make the postings most often needed
  // and have the browser compile every step of a search.
  Engine.prototype.warmQueries = function () {
    var postings = this.stats.postings;
    var byUse = this.terms.map(function (term, t) { return [postings[t].length, term.slice(0, MIN_PREFIX)]; });
    byUse.sort(function (a, b) { return b[0] - a[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0); });
    var queries = [];
    byUse.forEach(function (use) {
      if (queries.length < WARM_QUERIES && queries.indexOf(use[1]) < 0) queries.push(use[1]);
    });
    return queries;
  };

  function create(lunr, file) {
    return new Engine(lunr, file);
  }

  window.nkpkSearchEngine = { create: create, fold: fold, words: words, textTools: textTools };
})();
