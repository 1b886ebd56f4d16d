/*
 * NKPK search engine: turns the prebuilt search file into a lunr index and
 * answers queries. Loaded on demand by search.js, after lunr.js,
 * lunr.stemmer.support.js and lunr.no.js.
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

  // [index, weight, ...] sorted by term index, for a lunr.Vector.
  function docVector(stats, ids) {
    var elements = [];
    for (var j = 0; j < ids.length; j++) {
      if (j === 0 || ids[j] !== ids[j - 1]) elements.push(ids[j], termWeight(stats, ids, ids[j]));
    }
    return elements;
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
  // invertedIndex[term] and fieldVectors[ref] only for the terms and codes
  // a query touches, so building all of them up front (60-100 ms) is waste.
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

  // A lunr index for field FIELD, with the postings and vectors lunr.Builder
  // would make. Queries use prefix terms only, so only they are in its token set.
  function buildIndex(lunr, terms, docs, stats) {
    var numbers = new Map();
    terms.forEach(function (term, t) { numbers.set(term, t); });
    var nextNumber = terms.length;
    var empty = Object.freeze({});
    var inverted = lazyTable(function (name) {
      var number = numbers.get(name);
      var list = number === undefined ? null : stats.postings[number];
      if (list === null && name[0] === PREFIX) {
        var root = name.slice(PREFIX.length);
        list = unionPostings(stats.postings, lowerBound(terms, root), lowerBound(terms, root + "\uffff"), docs.length);
        number = nextNumber++;
      }
      if (!list || !list.length) return undefined;
      var posting = Object.create(null);
      for (var j = 0; j < list.length; j++) posting[list[j]] = empty;
      var entry = { _index: number };
      entry[FIELD] = posting;
      return entry;
    });
    var vectors = lazyTable(function (ref) {
      return new lunr.Vector(docVector(stats, docs[+ref.slice(FIELD.length + 1)]));
    });
    return new lunr.Index({
      invertedIndex: inverted,
      fieldVectors: vectors,
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

  function create(lunr, file) {
    if (file.format !== FORMAT) throw new Error("search file format " + file.format + ", expected " + FORMAT);
    var data = {
      active: file.active,
      codes: decodeFront(file.codes),
      system: file.system,
      systems: file.systems,
      terms: decodeFront(file.terms),
      texts: file.texts,
      url: file.url,
    };
    var text = textTools(lunr);
    var docs = decodeDocs(file.docs);
    var stats = termStats(data.terms.length, docs);
    var index = buildIndex(lunr, data.terms, docs, stats);
    var active = data.active;

    function isValid(doc) {
      return active.charCodeAt(doc) === 49; // "1"
    }

    // Per query word: what was typed, its stem, and the stem's own stem:
    // `pacemakere` -> `pacemaker` -> `pacemak`, the stem of `pacemaker`.
    function plan(query) {
      return words(query).filter(function (w) { return !text.isStopWord(w); }).map(function (typed) {
        var own = text.stem(typed);
        var root = own;
        for (var next = text.stem(root); next !== root; next = text.stem(root)) root = next;
        // The vocabulary is sorted: terms that begin with root lie in [from, to).
        var from = lowerBound(data.terms, root);
        var to = lowerBound(data.terms, root + "\uffff");
        return { typed: typed, own: own, root: root, from: from, to: to };
      });
    }

    // For each query word, the code's best term that begins with the word's
    // root: match quality times the term's BM25 weight. `exact`: every word
    // has a term that is the word itself or another form of it.
    // null: some word has no such term.
    function match(doc, queryWords) {
      var ids = docs[doc];
      var hit = { doc: doc, exact: true, valid: isValid(doc), score: 0 };
      for (var w = 0; w < queryWords.length; w++) {
        var word = queryWords[w];
        var best = -1;
        var exact = false;
        for (var j = lowerBound(ids, word.from); j < ids.length && ids[j] < word.to; j++) {
          var fit = quality(word, data.terms[ids[j]]);
          exact = exact || fit === 1;
          best = Math.max(best, fit * termWeight(stats, ids, ids[j]));
        }
        if (best < 0) return null;
        hit.score += best;
        hit.exact = hit.exact && exact;
      }
      return hit;
    }

    // Exact matches first, then valid codes before expired ones, then by
    // score, then in code order.
    function compareHits(a, b) {
      return b.exact - a.exact || b.valid - a.valid || b.score - a.score || a.doc - b.doc;
    }

    // lunr finds the codes that match every word of two letters or more,
    // through its prefix terms; a one-letter word (`vitamin d`) only filters
    // them, as each matches a fifth of all codes. One letter alone is left
    // to the code matches.
    function textMatches(query) {
      var queryWords = plan(query);
      var selective = queryWords.filter(function (word) { return word.root.length >= MIN_PREFIX; });
      if (!selective.length) return [];
      var results = index.query(function (q) {
        selective.forEach(function (word) {
          q.term(prefixName(word.root), { usePipeline: false, presence: lunr.Query.presence.REQUIRED });
        });
      });
      var hits = [];
      results.forEach(function (result) {
        var found = match(+result.ref, queryWords);
        if (found) hits.push(found);
      });
      hits.sort(compareHits);
      return hits.map(function (found) { return found.doc; });
    }

    // Ranked code indices: an exact code first; then, for a query with a
    // digit, codes that begin with it before codes by their words, else after.
    function search(query, options) {
      var codes = codeMatches(data.codes, query);
      var prefix = codes.prefix.filter(function (d) { return d !== codes.exact; });
      prefix.sort(function (a, b) { return isValid(b) - isValid(a) || a - b; });
      var byText = textMatches(query);
      var groups = codes.digit ? [prefix, byText] : [byText, prefix];
      var ranked = codes.exact >= 0 ? [codes.exact] : [];
      var seen = new Set(ranked);
      groups.forEach(function (group) {
        group.forEach(function (doc) {
          if (!seen.has(doc)) { seen.add(doc); ranked.push(doc); }
        });
      });
      return options && options.expired === false ? ranked.filter(isValid) : ranked;
    }

    function hit(doc) {
      return {
        code: data.codes[doc],
        text: data.texts[doc],
        system: data.systems[data.system.charCodeAt(doc) - 48],
        active: isValid(doc),
        path: data.url.replace("{code}", data.codes[doc]),
      };
    }

    // One query through every step, so that the first query the user types
    // does not pay for compiling them.
    search(data.terms[0] || "");
    return { search: search, hit: hit, terms: text.terms, stem: text.stem, size: data.codes.length };
  }

  window.nkpkSearchEngine = { create: create, fold: fold, words: words };
})();
