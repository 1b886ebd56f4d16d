/*
 * NKPK search: what the results show beside the hits. The words of a text
 * that a query matched (to highlight them), "mente du" suggestions when
 * nothing matched, and the warm-up queries. Adds to the engine of
 * search-engine.js; loaded after it.
 */
(function () {
  "use strict";

  const T = window.nkpkSearchText;
  const { Engine, lowerBound } = window.nkpkSearchEngine;
  const WORD = /[\p{L}\p{N}]+/gu;
  const SUGGEST_DISTANCE = 3;
  const SUGGESTIONS = 3;
  const MIN_PREFIX = 2;
  const WARM_QUERIES = 12;

  function inRanges(word, id) {
    return word.ranges.some((range) => id >= range.from && id < range.to);
  }

  // A folded word's key and the keys of its compound parts, memoised.
  Engine.prototype.wordKeys = function (folded) {
    this.keysOf = this.keysOf || new Map();
    let keys = this.keysOf.get(folded);
    if (keys === undefined) {
      const spelt = T.respell(folded);
      keys = [this.text.stem(spelt)].concat(T.split(spelt, this.known).map(this.text.key));
      this.keysOf.set(folded, keys);
    }
    return keys;
  };

  // [start, end) of each word of `text` that some word of the plan matched, in order.
  Engine.prototype.marks = function (text, plan) {
    const found = [];
    for (const match of text.matchAll(WORD)) {
      const folded = T.fold(match[0]);
      if (this.text.isStopWord(folded)) continue;
      const keys = this.wordKeys(folded);
      const ids = keys.map((k) => lowerBound(this.terms, k)).filter((id, n) => this.terms[id] === keys[n]);
      if (plan.words.some((word) => ids.some((id) => inRanges(word, id)))) {
        found.push([match.index, match.index + match[0].length]);
      }
    }
    return found;
  };

  // A word of some code text whose key is the term `id`, as it is written there (lower case).
  Engine.prototype.surface = function (id) {
    for (const entry of this.stats.postings[id]) {
      for (const word of T.words(this.texts[entry])) {
        if (this.text.key(word) === this.terms[id]) return word;
      }
    }
    return null;
  };

  // The nearest terms of the vocabulary to a word's key: ids, nearest and commonest first.
  Engine.prototype.nearest = function (word) {
    const near = [];
    for (let t = 0; t < this.terms.length; t++) {
      const d = T.distance(word.own, this.terms[t], SUGGEST_DISTANCE);
      if (d <= SUGGEST_DISTANCE) near.push([d, -this.stats.postings[t].length, t]);
    }
    near.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    return near.map((n) => n[2]);
  };

  // "Mente du": queries with the first word that matches nothing replaced by near words of the texts.
  Engine.prototype.suggest = function (query) {
    const typed = T.words(query);
    for (let i = 0; i < typed.length; i++) {
      if (this.text.isStopWord(typed[i]) || typed[i].length < MIN_PREFIX) continue;
      const word = this.word(typed[i], false);
      if (word.ranges.length || this.search(typed[i]).length) continue;
      const out = [];
      for (const id of this.nearest(word)) {
        const surface = this.surface(id);
        const next = typed.slice(0, i).concat(surface, typed.slice(i + 1)).join(" ");
        if (surface && !out.includes(next) && this.search(next).length) out.push(next);
        if (out.length === SUGGESTIONS) break;
      }
      return out;
    }
    return [];
  };

  // Queries on the two first letters of the commonest terms: run in idle time after the first
  // results, they have the browser compile every step of a search.
  Engine.prototype.warmQueries = function () {
    const postings = this.stats.postings;
    const byUse = this.terms.map((term, t) => [postings[t].length, term.slice(0, MIN_PREFIX)]);
    byUse.sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const queries = [];
    for (const [, query] of byUse) {
      if (queries.length < WARM_QUERIES && !queries.includes(query)) queries.push(query);
    }
    return queries;
  };
})();
