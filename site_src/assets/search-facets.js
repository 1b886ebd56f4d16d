/*
 * NKPK search: facets, the words that tell sibling codes apart (side,
 * action, approach, stage, with and without, age), the twin of
 * generator/search/facets.py. A query's facets, and a code's when it is
 * first ranked, are read here by the rules of the search file's `facets`
 * (phrases, binders and conflicts, so no word of them is written in this
 * script). Loaded after search-engine.js and before search-plan.js.
 *
 * A hit gets `contra` (how many of the query's facets its text
 * contradicts), `agree` (how many it has), `unasked` (a removal or a
 * redoing that the query did not ask for) and `marked` (a side, approach
 * or age it did not ask for); the engine ranks by them right after how
 * much of the query a hit covers (docs/search.md, "Facets").
 */
(function () {
  "use strict";

  const T = window.nkpkSearchText;
  const { Engine, lowerBound } = window.nkpkSearchEngine;
  const MAX_PHRASE = 3; // facets.py MAX_PHRASE
  const REMOVE = "action:remove"; // meets facets.py EXCISE (`-ektomi`): both remove
  const NO_FACETS = { list: [], dims: new Set(), worded: new Map(), reasons: new Set(), second: new Set() };

  function dimension(facet) {
    return facet.slice(0, facet.indexOf(":"));
  }

  // The rules of the search file's `facets`; a code's facets are read from its text when it is first ranked.
  Engine.prototype.prepareFacets = function (data) {
    const rules = data || { conflicts: [], marked: [], only: [], phrases: {}, queryOnly: [], unasked: [], with: [], withOne: {}, without: [], withoutOne: {} };
    const phrases = new Map(Object.entries(rules.phrases));
    const textPhrases = new Map(phrases);
    for (const phrase of rules.queryOnly) textPhrases.delete(phrase);
    this.facetRules = {
      phrases,
      textPhrases,
      only: new Set(rules.only),
      with: new Set(rules.with),
      without: new Set(rules.without),
      withOne: rules.withOne,
      withoutOne: rules.withoutOne,
      unasked: new Set(rules.unasked),
      marked: new Set(rules.marked),
      excise: (rules.excise || [""])[0],
      exciseEndings: (rules.excise || []).slice(1),
      reasons: new Set(rules.reasons || []),
      conflicts: new Map(),
    };
    for (const [a, b] of rules.conflicts) {
      for (const [x, y] of [[a, b], [b, a]]) {
        if (!this.facetRules.conflicts.has(x)) this.facetRules.conflicts.set(x, new Set());
        this.facetRules.conflicts.get(x).add(y);
      }
    }
    this.codeFacets = new Array(this.codes.length);
  };

  // A code's facets (facets.py text_facets), read from its current text once.
  Engine.prototype.facetsOf = function (doc) {
    let found = this.codeFacets[doc];
    if (found === undefined) {
      found = this.codeFacets[doc] = this.readFacets(T.words(this.texts[doc]), this.facetRules.textPhrases).list;
    }
    return found;
  };

  // The first word from `start` that is no stop word or binder (facets.py _next_word): its index, or -1.
  Engine.prototype.boundWord = function (folded, start) {
    const R = this.facetRules;
    for (let j = start; j < Math.min(folded.length, start + 3); j++) {
      const word = folded[j];
      if (!this.text.isStopWord(word) && !R.with.has(word) && !R.without.has(word)) return j;
    }
    return -1;
  };

  // The facets of folded words (stop words included), as facets.py facets_of reads them with `phrases`:
  // `list`, sorted; `drop`, the words that are only a facet or a binder (no slot of their own in a query);
  // `negated`, the words bound by `uten`, `u/`, `ikke`; `worded`, the facets said by a word that is a slot too.
  Engine.prototype.readFacets = function (folded, phrases) {
    const R = this.facetRules;
    const found = new Set();
    const drop = new Set();
    const negated = new Set();
    const worded = new Map(); // facet -> the word that said it, a slot too (`barn`, `laparoskopisk`)
    let reasonFrom = -1; // `pga`, `ved`: the words after it name why
    let secondFrom = -1; // `med`: the words after it add to what comes before
    let i = 0;
    while (i < folded.length) {
      let size = 0;
      for (let n = MAX_PHRASE; n >= 1 && !size; n--) {
        if (i + n <= folded.length && phrases.has(folded.slice(i, i + n).join(" "))) size = n;
      }
      const word = folded[i];
      if (size) {
        const facet = phrases.get(folded.slice(i, i + size).join(" "));
        found.add(facet);
        if (size === 1 && R.only.has(word)) drop.add(i);
        else if (!this.text.isStopWord(word)) worded.set(facet, word);
      } else if (R.withOne[word]) {
        found.add("with:+" + R.withOne[word]); drop.add(i);
      } else if (R.withoutOne[word]) {
        found.add("with:-" + R.withoutOne[word]); drop.add(i);
      } else if (R.with.has(word) || R.without.has(word)) {
        drop.add(i);
        const bound = this.boundWord(folded, i + 1);
        if (bound >= 0) {
          found.add((R.with.has(word) ? "with:+" : "with:-") + this.text.key(folded[bound]));
          if (R.without.has(word)) negated.add(bound);
          else if (secondFrom < 0) secondFrom = bound;
        }
      } else if (R.only.has(word)) {
        drop.add(i);
      } else if (R.exciseEndings.some((ending) => word.endsWith(ending))) {
        found.add(R.excise);
      }
      if (reasonFrom < 0 && R.reasons.has(word)) { reasonFrom = i + 1; drop.add(i); }
      i += Math.max(size, 1);
    }
    const reasons = new Set();
    for (let j = Math.max(reasonFrom, 0); reasonFrom >= 0 && j < folded.length; j++) reasons.add(j);
    const second = new Set();
    for (let j = Math.max(secondFrom, 0); secondFrom >= 0 && j < folded.length; j++) second.add(j);
    const list = Array.from(found).sort();
    return { list, dims: new Set(list.map(dimension)), drop, negated, worded, reasons, second };
  };

  // A query's facets.
  Engine.prototype.queryFacets = function (folded) {
    return this.readFacets(folded, this.facetRules.phrases);
  };

  // The term ids of a code text's words that say a facet the query does not contradict (`Implantasjon`,
  // `primær`; `sement` of `med sement` where the query says `sementert`): the note page counts them as named.
  Engine.prototype.facetTermsFor = function (doc, query) {
    const R = this.facetRules;
    const out = new Set();
    const add = (word) => {
      const key = this.text.key(word);
      const at = lowerBound(this.terms, key);
      if (this.terms[at] === key) out.add(at);
    };
    const folded = T.words(this.texts[doc]);
    for (let i = 0; i < folded.length; i++) {
      for (let n = MAX_PHRASE; n >= 1; n--) {
        const facet = R.textPhrases.get(folded.slice(i, i + n).join(" "));
        if (!facet) continue;
        const conflicts = R.conflicts.get(facet);
        if (!conflicts || !query.list.some((f) => conflicts.has(f))) folded.slice(i, i + n).forEach(add);
        break;
      }
      if (R.with.has(folded[i]) || R.without.has(folded[i])) {
        const bound = this.boundWord(folded, i + 1);
        const sign = R.with.has(folded[i]) ? "+" : "-";
        if (bound >= 0 && query.list.includes("with:" + sign + this.text.key(folded[bound]))) add(folded[bound]);
      }
    }
    return out;
  };

  // Whether an entry's text has the term `key` among its words.
  Engine.prototype.hasTerm = function (entry, key) {
    const at = lowerBound(this.terms, key);
    if (this.terms[at] !== key) return false;
    const ids = this.docs[entry];
    const j = lowerBound(ids, at);
    return ids[j] === at;
  };

  // How a code's facets meet the query's: {contra, agree, unasked, marked}. `matchedWords`: the query words
  // that matched the hit (a facet said by one of them is counted by what it covers, not again as agreement).
  Engine.prototype.facetFit = function (doc, query, matchedWords) {
    const own = this.facetsOf(doc);
    const R = this.facetRules;
    let contra = 0;
    let agree = 0;
    query = query || NO_FACETS;
    for (const facet of query.list) {
      if (facet.startsWith("with:")) {
        const without = "with:-" + facet.slice(6);
        if (facet[5] === "+") contra += own.includes(without) ? 1 : 0;
        else if (own.includes(without)) agree++;
        else if (this.hasTerm(doc, facet.slice(6))) contra++;
      } else if (own.includes(facet) || (facet === REMOVE && own.includes(R.excise)) || (facet === R.excise && own.includes(REMOVE))) {
        if (!matchedWords || !matchedWords.has(query.worded.get(facet))) agree++; // a matched word counts once
      } else {
        const conflicts = R.conflicts.get(facet);
        if (conflicts && own.some((f) => conflicts.has(f))) contra++;
      }
    }
    // Not asked for: a removal or a redoing (`unasked`), or another side, approach or age than the plain
    // one (`marked`: the unmarked sibling first, as `Keisersnitt` before `Vaginalt keisersnitt`).
    const dims = query.dims;
    let unasked = 0;
    let marked = 0;
    for (const facet of own) {
      if (dims.has(dimension(facet))) continue;
      if (R.unasked.has(facet)) unasked++;
      else if (R.marked.has(facet)) marked++;
    }
    return { contra, agree, unasked, marked };
  };
})();
