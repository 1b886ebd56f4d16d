/*
 * NKPK search: text processing in the browser, the twin of
 * generator/search/text.py (fold, words, respell, key, terms) and
 * generator/search/split.py (split). Every rule here has its Python
 * counterpart; tests/test_search_browser.py checks that both give the same
 * keys and splits for every word of the real vocabulary.
 * Loaded after lunr-core.js, lunr.stemmer.support.js and lunr.no.js.
 */
(function () {
  "use strict";

  const MARKS = /[\u0300-\u0309\u030b-\u036f]/g;
  const WORD = /[\p{L}\p{N}]+/gu;
  // search_text.py _SPELLING and _RESPELT
  const SPELLING = /ch|ph|th|rh|ck|qu|c(?=[eiyæø])|c|x/g;
  const RESPELT = { ch: "k", ph: "f", th: "t", rh: "r", ck: "k", qu: "kv", c: "k", x: "ks" };
  // search_text.py _ENDINGS, _CASE_ENDING, _DIPHTHONG, MIN_STEM
  const ENDINGS = [
    [/(?<=.{4})(?:ering(?=(?:en|er|ene)?$)|ert$)/, "asjon"],
    [/plast(?:y|i|ia|ik|ikk|ika|ikka)$/, "plasti"],
    [/(?<=[^s])[ts]ion$/, "sjon"],
    [/(?<=[^k])ik$/, "isk"],
    [/(?<=.)sis$/, "se"],
    [/ies$/, "i"],
  ];
  const CASE_ENDING = /(?:ae|ia|ie|is|um|us|y|i)$/;
  const DIPHTHONG = /ae|oe|æ|ø/g;
  const MIN_STEM = 4;
  // search_split.py MIN_PART, MIN_WORD, STEM_CUT
  const MIN_PART = 3;
  const MIN_WORD = 6;
  const STEM_CUT = 8;
  const LINK = "o";

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(MARKS, "").normalize("NFC");
  }

  function words(text) {
    return fold(text).match(WORD) || [];
  }

  function respell(word) {
    let spelt = word.replace(SPELLING, (letters, at) => {
      if (letters === "c" && at + 1 < word.length && "eiyæø".includes(word[at + 1])) return "s";
      return RESPELT[letters];
    });
    for (const [pattern, replacement] of ENDINGS) spelt = spelt.replace(pattern, replacement);
    const ending = CASE_ENDING.exec(spelt);
    if (ending && ending.index >= MIN_STEM) spelt = spelt.slice(0, ending.index);
    return spelt.replace(DIPHTHONG, "e");
  }

  function textTools(lunr) {
    const stems = new Map();
    function isStopWord(word) {
      return lunr.no.stopWordFilter(new lunr.Token(word, {})) === undefined;
    }
    function stem(word) {
      let found = stems.get(word);
      if (found === undefined) {
        found = lunr.no.stemmer(new lunr.Token(word, {})).toString();
        stems.set(word, found);
      }
      return found;
    }
    function key(word) {
      return stem(respell(word));
    }
    function terms(text) {
      return words(text).filter((w) => !isStopWord(w)).map(key);
    }
    return { isStopWord, stem, key, terms };
  }

  // search_split.known_in: whether a part's key is a term of the vocabulary (a Set).
  function knownIn(vocabulary, key) {
    return (part) => {
      let any = false;
      for (let end = Math.max(1, part.length - STEM_CUT); end <= part.length && !any; end++) {
        any = vocabulary.has(part.slice(0, end));
      }
      return any && vocabulary.has(key(part));
    };
  }

  // search_split.split: the fewest known parts, the longest first part on a tie. `links`: the letters a part
  // may end in and be known without (search_split.LINK; a query also tries Norwegian's `s` and `e`).
  function split(word, known, last, links) {
    links = links || LINK;
    const size = word.length;
    if (size < MIN_WORD) return [];
    const fewest = new Array(size + 1).fill(null);
    const end = new Array(size + 1).fill(0);
    fewest[size] = 0;
    for (let start = size - MIN_PART; start >= 0; start--) {
      for (let stop = size; stop >= start + MIN_PART; stop--) {
        const rest = fewest[stop];
        if (rest === null || (start === 0 && stop === size)) continue;
        if (fewest[start] !== null && rest + 1 >= fewest[start]) continue;
        const part = word.slice(start, stop);
        if (known(part) || linked(part, known, links) || (stop === size && last && last(part))) {
          fewest[start] = rest + 1;
          end[start] = stop;
        }
      }
    }
    if (fewest[0] === null) return [];
    const parts = [];
    for (let start = 0; start < size; start = end[start]) {
      const part = word.slice(start, end[start]);
      parts.push(!known(part) && linked(part, known, links) ? part.slice(0, -1) : part);
    }
    return parts;
  }

  // search_split._linked: a known word and a linking vowel (`septo` in `septoplastikk`).
  function linked(part, known, links) {
    return part.length > MIN_PART && links.includes(part[part.length - 1]) && known(part.slice(0, -1));
  }

  // Levenshtein distance of a and b, or limit + 1 once it is sure to exceed limit.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      let smallest = i;
      for (let j = 1; j <= b.length; j++) {
        const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
        row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (row[j] < smallest) smallest = row[j];
      }
      if (smallest > limit) return limit + 1;
      previous = row;
    }
    return previous[b.length];
  }

  window.nkpkSearchText = { fold, words, respell, textTools, knownIn, split, distance };
})();
