/*
 * NKPK search: a query as a plan for the engine of search-engine.js
 * (docs/search.md). Loaded after it.
 *
 * Each query word (stop words left out) becomes a slot; a phrase of the
 * thesaurus (`grå stær`, `tur-p`) is one slot. A slot's options are the ways
 * it may match, each a list of leaves (a leaf: term ranges of the
 * vocabulary):
 * - the word itself: terms that begin with its key (`hofte` finds `hofteledd`);
 * - each alternative of the thesaurus (data/synonyms.yaml), whose words must
 *   all match (`tur-p`: transuretral + reseksjon + prostata);
 * - a word that begins no term: its compound parts (`hofteprotese`), a text
 *   holding more of them ranking higher; else the terms within one edit (two
 *   from nine letters), or its compound parts with one part mistyped
 *   (`skulderatroskopi`: skulder + artroskopi);
 * - two words that match nothing apart, joined (`kolecyst ektomi`).
 * Filler words ("operasjon", "behandling") and one-letter words add to a
 * hit's score but never decide a miss; a word with no option is `missing`.
 */
(function () {
  "use strict";

  const T = window.nkpkSearchText;
  const { Engine, lowerBound } = window.nkpkSearchEngine;
  const CODE = /^[A-Z0-9]{1,7}$/;
  const MIN_PREFIX = 2; // shortest word that finds codes by itself
  const MIN_STEM = 4; // a word being typed is also tried less its last letters, down to this many
  const TYPO_MIN = 5; // letters a word needs to be matched with an edit
  const TYPO_LONG = 9; // letters from which two edits are allowed
  const TYPO_PART = 4; // letters a mistyped compound part needs
  const LAST_PART = 4; // letters the last part of a compound being typed needs to be a beginning only
  const MIN_WORD = 6; // search_split.py MIN_WORD
  const PHRASE = 3; // synonyms.py MAX_PHRASE
  const TYPO_FIT = [0.5, 0.5, 0.4]; // by edits
  const SECOND = 0.9; // what a word after `med` counts for in a hit's cover (`gastroskopi med biopsi`)
  const ABBREVIATION = 4;
  const LINKS = "ose"; // what a part of a typed compound may end in and be known without // letters up to which a word the thesaurus knows matches as a whole word only
  const PREFIX_BONUS = 0.005; // per letter a mistyped word shares with the term's beginning (typos come late)

  function shared(a, b) {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return Math.min(n, 8);
  }

  Engine.prototype.prepare = function () {
    this.filler = new Set(this.fillerKeys); // the search file's keys of generator/search/text.py FILLER_WORDS
  };

  // The range of one term (empty if the vocabulary lacks it), or of the terms a `word*` begins.
  Engine.prototype.meant = function (meant) {
    if (meant.endsWith("*")) return this.range(meant.slice(0, -1));
    const at = lowerBound(this.terms, meant);
    return this.terms[at] === meant ? [at, at + 1] : [at, at];
  };

  // The term ids by length, made on first use: a typo is looked for among terms of about its length.
  Engine.prototype.bySize = function () {
    if (!this.sizes) {
      this.sizes = [];
      this.terms.forEach((term, t) => (this.sizes[term.length] = this.sizes[term.length] || []).push(t));
    }
    return this.sizes;
  };

  // Terms within one edit of the word's key (two for long words), memoised.
  Engine.prototype.typoRanges = function (word) {
    let found = this.typos.get(word.own);
    if (found === undefined) {
      const limit = word.spelt.length >= TYPO_LONG ? 2 : 1;
      found = [];
      for (let size = word.own.length - limit; size <= word.own.length + limit; size++) {
        for (const t of this.bySize()[size] || []) {
          const edits = T.distance(word.own, this.terms[t], limit);
          if (edits <= limit) found.push({ from: t, to: t + 1, kind: "typo", fit: TYPO_FIT[edits] + PREFIX_BONUS * shared(word.own, this.terms[t]) });
        }
      }
      found.sort((a, b) => a.from - b.from);
      this.typos.set(word.own, found);
    }
    return found;
  };

  // A query word (or a compound part): what was typed, its respelling, its key and root, the terms it begins.
  Engine.prototype.word = function (typed, compound) {
    const spelt = T.respell(typed);
    const own = this.text.stem(spelt);
    const root = own; // stemmed once: stemming again takes too much off (`artrose`, `artroplastikk`)
    const [from, to] = this.range(root);
    return { typed, spelt, own, root, compound, filler: this.filler.has(own),
      ranges: from < to ? [{ from, to, kind: "own" }] : [] };
  };

  // A compound part as split found it: known as it is, or less its linking vowel (search_split._linked); a word
  // of the thesaurus stands for every word of its alternatives.
  Engine.prototype.part = function (part) {
    const found = this.word(this.known(part) || !part.endsWith("o") ? part : part.slice(0, -1), true);
    if (!found.ranges.length && this.thesaurusPart(part)) {
      const entry = this.synonyms[this.text.key(part)];
      found.ranges = entry.slice(1).flatMap((keys) => keys.split(" ").flatMap((k) => this.meantWord(k).ranges));
    }
    return found;
  };

  // Whether a part is one word the thesaurus knows (`blindtarm`, `magesekk`).
  Engine.prototype.thesaurusPart = function (part) {
    return part.length >= MIN_PREFIX + 2 && Object.prototype.hasOwnProperty.call(this.synonyms, this.text.key(part));
  };

  // A word of a thesaurus alternative, a key as the search file holds it (`tonsill*`: any term it begins).
  Engine.prototype.meantWord = function (key) {
    const [from, to] = this.meant(key);
    const own = key.replace("*", "");
    return { typed: own, spelt: own, own, root: own, compound: false, filler: false,
      ranges: from < to ? [{ from, to, kind: "synonym" }] : [] };
  };

  // The thesaurus's alternatives for a typed key, as options of a slot (`typed`: as the query has it).
  Engine.prototype.synonymOptions = function (key, typed) {
    const entry = this.synonyms[key];
    if (!entry) return [];
    const [kind, ...alternatives] = entry;
    const options = [];
    for (const keys of alternatives) {
      const leaves = keys.split(" ").map((k) => this.meantWord(k));
      if (leaves.every((leaf) => leaf.ranges.length)) options.push({ leaves, all: true, synonym: { kind, typed, leaves } });
    }
    return options;
  };

  // A typed phrase of the thesaurus starting at typed[i]: a slot with its size, or null.
  Engine.prototype.phrase = function (typed, i) {
    for (let size = PHRASE; size >= 2; size--) {
      if (i + size > typed.length) continue;
      const words = typed.slice(i, i + size);
      const options = this.synonymOptions(words.map(this.text.key).join(" "), words.join(" "));
      if (options.length) return { typed: words.join(" "), size, filler: false, options };
    }
    return null;
  };

  // One query word as a slot. `last`: the word being typed, whose end may still be missing.
  Engine.prototype.slot = function (typed, last, whole) {
    const slot = this.slotOptions(typed, last);
    if (whole) this.wholeWords(slot);
    return slot;
  };

  // `whole` (the note page): every word and compound part matches whole words only, never the words it begins.
  Engine.prototype.wholeWords = function (slot) {
    for (const option of slot.options) {
      for (const leaf of option.leaves) {
        if (leaf.ranges.some((r) => r.kind === "own")) leaf.ranges = this.wholeWord(leaf.own);
      }
    }
    slot.options = slot.options.filter((o) => o.leaves.some((leaf) => leaf.ranges.length));
  };

  Engine.prototype.slotOptions = function (typed, last) {
    const word = this.word(typed, false);
    const weak = word.root.length < MIN_PREFIX;
    const slot = { typed, filler: word.filler || weak, weak, options: [] };
    const synonyms = this.synonymOptions(word.own, typed);
    // A short word the thesaurus knows (`ect`, `lap`) is an abbreviation: as itself, a whole word only.
    if (synonyms.length && typed.length <= ABBREVIATION) word.ranges = this.wholeWord(word.own);
    if (word.ranges.length) slot.options.push({ leaves: [word], all: true });
    slot.options.push(...synonyms);
    if (word.ranges.length || weak) return slot;
    const lastPart = last ? (part) => {
      if (part.length < LAST_PART) return false;
      const [a, b] = this.range(this.text.key(part));
      return a < b;
    } : null;
    // Known words only first; the beginning of a word as the last part only when that finds no split; then
    // words of the thesaurus as parts too, and Norwegian's linking `s` and `e` (`blindtarmsoperasjon`).
    let parts = T.split(word.spelt, this.known, null);
    if (!parts.length && lastPart) parts = T.split(word.spelt, this.known, lastPart);
    if (!parts.length) parts = T.split(word.spelt, (part) => this.known(part) || this.thesaurusPart(part), lastPart, LINKS);
    if (parts.length) {
      slot.options.push({ leaves: parts.map((p) => this.part(p)), all: false });
      return slot;
    }
    if (last) this.shortened(word, slot);
    if (synonyms.length || slot.options.length) return slot;
    if (word.spelt.length >= TYPO_MIN) {
      const typo = Object.assign({}, word, { ranges: this.typoRanges(word) });
      if (typo.ranges.length) slot.options.push({ leaves: [typo], all: true, typo: true });
      // A mistyped word of the thesaurus (`karpaltunell`): its alternatives, as a typing error.
      const near = typo.ranges.length ? null : this.nearSynonym(word);
      if (near) slot.options.push(...this.synonymOptions(near, typed).map((o) => Object.assign(o, { typo: true })));
    }
    const fuzzy = this.fuzzySplit(word.spelt);
    if (fuzzy) slot.options.push(fuzzy);
    return slot;
  };

  // The range of the term that is the key itself (empty if the vocabulary lacks it).
  Engine.prototype.wholeWord = function (key) {
    const at = lowerBound(this.terms, key);
    return this.terms[at] === key ? [{ from: at, to: at + 1, kind: "own" }] : [];
  };

  // The one-word key of the thesaurus within one edit of the word's key (two from TYPO_LONG letters), or null.
  Engine.prototype.nearSynonym = function (word) {
    if (!this.synonymKeys) this.synonymKeys = Object.keys(this.synonyms).filter((k) => !k.includes(" "));
    const limit = word.spelt.length >= TYPO_LONG ? 2 : 1;
    let best = null;
    let fewest = limit + 1;
    for (const key of this.synonymKeys) {
      if (Math.abs(key.length - word.own.length) > limit) continue;
      const edits = T.distance(word.own, key, limit);
      if (edits < fewest) { best = key; fewest = edits; }
    }
    return best;
  };

  // A word being typed past the end of its key (`rektu` on the way to rektum, whose key is rekt).
  Engine.prototype.shortened = function (word, slot) {
    for (let size = word.own.length - 1; size >= Math.max(MIN_STEM, word.own.length - 2); size--) {
      const [from, to] = this.range(word.own.slice(0, size));
      if (from < to) {
        slot.options.push({ leaves: [Object.assign({}, word, { ranges: [{ from, to, kind: "own", fit: 0.4 }] })], all: true });
        return;
      }
    }
  };

  // Splits of word[0:i] (left) and word[i:] (right) into known parts, by i; null where there is none.
  Engine.prototype.knownSplits = function (word) {
    const n = word.length;
    const isPart = (part) => this.known(part) || (part.length > 3 && part.endsWith("o") && this.known(part.slice(0, -1)));
    const left = new Array(n + 1).fill(null);
    const right = new Array(n + 1).fill(null);
    left[0] = [];
    right[n] = [];
    for (let i = 3; i <= n; i++) {
      for (let j = i - 3; j >= 0 && !left[i]; j--) if (left[j] && isPart(word.slice(j, i))) left[i] = left[j].concat(word.slice(j, i));
    }
    for (let i = n - 3; i >= 0; i--) {
      for (let j = i + 3; j <= n && !right[i]; j++) if (right[j] && isPart(word.slice(i, j))) right[i] = [word.slice(i, j)].concat(right[j]);
    }
    return [left, right];
  };

  // A compound with one mistyped part, the others known words (the longest mistyped part): an option, or null.
  Engine.prototype.fuzzySplit = function (word) {
    const n = word.length;
    if (n < MIN_WORD) return null;
    const [left, right] = this.knownSplits(word);
    let best = null;
    for (let start = 0; start + TYPO_PART <= n; start++) {
      if (!left[start]) continue;
      for (let stop = n; stop - start >= TYPO_PART && (!best || stop - start > best.size); stop--) {
        if (!right[stop] || (start === 0 && stop === n)) continue;
        const typo = this.word(word.slice(start, stop), true);
        typo.ranges = this.typoRanges(typo);
        if (typo.ranges.length) best = { size: stop - start, start, stop, typo };
      }
    }
    if (!best) return null;
    const leaves = left[best.start].map((p) => this.part(p)).concat(best.typo, right[best.stop].map((p) => this.part(p)));
    return { leaves, all: false, typo: true };
  };

  // Two words typed apart that are one word of the texts or the thesaurus (`kolecyst ektomi`,
  // `hofte protese`): a slot, or null.
  Engine.prototype.joined = function (first, second) {
    const word = this.word(first + second, false);
    const typed = first + " " + second;
    const options = word.ranges.length && this.termSet.has(word.own) ? [{ leaves: [word], all: true }] : [];
    options.push(...this.synonymOptions(word.own, typed));
    return options.length ? { typed, filler: false, weak: false, options } : null;
  };

  // A code typed among words (`JKA21 kolecystektomi`): its number, or -1.
  Engine.prototype.typedCode = function (word) {
    const code = word.toUpperCase();
    if (!/\d/.test(code) || !CODE.test(code)) return -1;
    const at = lowerBound(this.codes, code);
    return this.codes[at] === code ? at : -1;
  };

  // The query as slots to match (codes among the words apart), and the words that match nothing.
  Engine.prototype.plan = function (query, whole) {
    const folded = T.words(query);
    const facets = this.queryFacets(folded);
    const typed = [];
    const negated = new Set();
    const second = new Set(); // after `med`: counts a little less than the words before it
    const facetOnly = new Set(); // a facet's word (`ny`, `hø`): no slot of its own, but it may begin a phrase
    folded.forEach((w, i) => {
      if (this.text.isStopWord(w)) return;
      if (facets.negated.has(i) || facets.reasons.has(i)) negated.add(typed.length); // decides nothing
      if (facets.second.has(i)) second.add(typed.length);
      if (facets.drop.has(i)) facetOnly.add(typed.length);
      typed.push(w);
    });
    const plan = { codes: [], slots: [], words: [], missing: [], counted: false, facets };
    for (let i = 0; i < typed.length; i++) {
      const code = typed.length > 1 ? this.typedCode(typed[i]) : -1;
      if (code >= 0) { plan.codes.push(code); continue; }
      const phrase = this.phrase(typed, i);
      if (phrase) { plan.slots.push(phrase); i += phrase.size - 1; continue; }
      if (facetOnly.has(i)) continue;
      let slot = this.slot(typed[i], !whole && i === typed.length - 1, whole);
      const joined = i + 1 < typed.length && !facetOnly.has(i + 1) ? this.joined(typed[i], typed[i + 1]) : null;
      if (joined && (!slot.options[0] || slot.options[0].synonym || !this.word(typed[i + 1], false).ranges.length)) {
        slot = joined;
        i++;
      } else if (joined) {
        plan.slots.push(Object.assign(joined, { filler: true })); // adds to the texts that have the two as one
      }
      if (negated.has(i)) slot.filler = true; // `uten sement`: the texts that have it are not what was asked
      if (second.has(i)) slot.weight = SECOND;
      if (slot.options.length) plan.slots.push(slot);
      else if (!slot.filler) plan.missing.push(typed[i]);
    }
    plan.counted = plan.slots.some((slot) => !slot.filler);
    if (!plan.counted) plan.slots.forEach((slot) => { slot.filler = slot.weak; });
    plan.counted = plan.slots.some((slot) => !slot.filler);
    plan.words = plan.slots.flatMap((slot) => slot.options.flatMap((option) => option.leaves));
    return plan;
  };
})();
