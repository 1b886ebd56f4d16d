/*
 * NKPK: codes proposed from a clinical note, in the browser (the page notat/,
 * docs/search.md "Codes from a note"). No DOM here: nkpkNoteCore.suggest(engine,
 * text, rules, options) reads the note with the search engine of
 * search-engine.js (its text rules, thesaurus and facets, not a copy of them)
 * and the note rules of generator/search/notes.py (the page carries them):
 *
 * 1. the note's words, with their places in the text; sentences end at a line
 *    break, `;`, `:`, `!`, `?` or a full stop before a capital (not the stop of
 *    `pga.` or `lap.`); clauses at a comma or `men`. A line that begins with a
 *    section such as `Indikasjon:` or `Anestesi:` proposes nothing;
 * 2. a clause with a negation (`ikke`, `ingen`) says what was not done: its
 *    words propose nothing, and no code whose text has one of them (or a word
 *    that begins with it) is proposed; `uten X`, `u/ X` bind one word (the
 *    engine's facets);
 * 3. the words after a reason (`pga.`, `grunnet`, `ved`) to the end of their
 *    clause name a diagnosis: they choose nothing;
 * 4. each sentence's other words are searched (soft AND: most words first);
 *    the first hit whose text the words cover well enough makes a group (its
 *    facet words count as covered unless the note contradicts them), the
 *    words it matched are the group's evidence, and the rest of the sentence
 *    is searched again for a further procedure;
 * 5. a group's code is refined among its siblings (codes of its group) by the
 *    whole note: `Gastroskopi` becomes `Gastroskopi med biopsi` where the note
 *    took biopsies;
 * 6. supplementary codes: the side the note states (the Z code of the main
 *    procedure's code system that says that side), and Z codes whose words
 *    the note has.
 * Hits that contradict the note's facets (the other side, `uten sement`) are
 * never proposed.
 */
(function () {
  "use strict";

  let T = window.nkpkSearchText; // search-text.js: loaded with the search, maybe after this script
  const WORD = /[\p{L}\p{N}]+/gu;
  const CAPITAL = /^[\p{Lu}\p{N}]/u;
  const ROUNDS = 3; // procedures looked for in one sentence
  const PER_GROUP = 5; // codes shown per group
  const LIMIT = 10; // suggestions by default
  const SIBLING = 3; // a code's group: its first three characters
  const NEGATED_PREFIX = 4;
  const TITLE = 2; // a group of the note's first sentence with a group (its title, as a rule) comes first // a negated word of this many letters also rules out the words it begins

  // The note's words: {text, word (folded), start, end, line, sentence, clause}.
  function tokens(note, rules) {
    const found = [];
    let sentence = 0;
    let clause = 0;
    let line = 0;
    let previous = 0;
    for (const match of note.matchAll(WORD)) {
      const gap = note.slice(previous, match.index);
      if (/\n/.test(gap)) line++;
      if (found.length && (/[\n;:!?]/.test(gap) || (/\./.test(gap) && CAPITAL.test(match[0])))) { sentence++; clause++; }
      else if (found.length && /,/.test(gap)) clause++;
      const word = T.fold(match[0]);
      if (rules.clauseWords.includes(word)) clause++;
      found.push({ text: match[0], word, start: match.index, end: match.index + match[0].length, line, sentence, clause });
      previous = match.index + match[0].length;
    }
    return found;
  }

  // Marks each word `negated` (its clause says what was not done), `reason` (it names why, or its line is a
  // section that proposes nothing) or `cue`.
  function markScopes(note, words, rules) {
    const negatedClauses = new Set();
    for (const w of words) if (rules.negation.includes(w.word)) negatedClauses.add(w.clause);
    const setupSentences = new Set();
    words.forEach((w, i) => { if ((i === 0 || words[i - 1].sentence !== w.sentence) && rules.setup.includes(w.word)) setupSentences.add(w.sentence); });
    const skippedLines = new Set();
    words.forEach((w, i) => {
      const first = i === 0 || words[i - 1].line !== w.line;
      if (first && rules.sections.includes(w.word) && /^\.?\s*:/.test(note.slice(w.end))) skippedLines.add(w.line);
    });
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (negatedClauses.has(w.clause)) w.negated = true;
      if (rules.negation.includes(w.word)) w.cue = true;
      if (skippedLines.has(w.line) || setupSentences.has(w.sentence)) w.reason = true;
      const phrase = rules.reason.find((cue) => cue.every((part, k) => words[i + k] && words[i + k].word === part &&
        words[i + k].clause === w.clause));
      if (!phrase) continue;
      for (let k = 0; k < phrase.length; k++) words[i + k].cue = true;
      for (let j = i + phrase.length; j < words.length && words[j].clause === w.clause; j++) words[j].reason = true;
    }
  }

  const usable = (w) => !w.negated && !w.reason && !w.cue;

  // The keys of the negated words: a code whose text has one of them (or a longer word it begins) is ruled out.
  function negatedKeys(engine, words) {
    const keys = new Set();
    for (const w of words) {
      if (!w.negated || w.cue || engine.text.isStopWord(w.word)) continue;
      const key = engine.text.key(w.word);
      if (key.length >= 2 && !engine.fillerKeys.includes(key)) keys.add(key);
    }
    return Array.from(keys);
  }

  function ruledOut(engine, doc, keys) {
    if (!keys.length) return false;
    for (const t of engine.docs[doc]) {
      const term = engine.terms[t];
      if (keys.some((k) => term === k || (k.length >= NEGATED_PREFIX && term.startsWith(k)) ||
          (term.length >= NEGATED_PREFIX && k.startsWith(term)))) return true; // `biopsier` rules out `biopsi`
    }
    return false;
  }

  // How much of a hit's text the note's words cover: its terms matched as words, and the words of its text
  // that say a facet the note does not contradict (`Implantasjon`, `primær`), over its distinct terms.
  function tightness(engine, doc, matched, fillers) {
    const own = Array.from(new Set(engine.docs[doc])).filter((t) => !fillers.has(engine.terms[t]));
    if (!own.length) return 0;
    const facetTerms = engine.noteFacetTerms(doc);
    return own.filter((t) => matched.includes(t) || facetTerms.has(t)).length / own.length;
  }

  // The words (indices into `words`) a hit matched, by the plan's slots, in the order of `pool`.
  function evidence(engine, hit, plan, pool, words) {
    const used = [];
    let cursor = 0;
    for (const slot of plan.slots) {
      const at = [];
      for (const part of slot.typed.split(" ")) {
        while (cursor < pool.length && words[pool[cursor]].word !== part) cursor++;
        if (cursor < pool.length) at.push(pool[cursor++]);
      }
      if (slot.filler && !slot.options.some((o) => o.synonym)) continue;
      if (engine.slotFit(hit.entry, slot)) used.push(...at);
    }
    return used;
  }

  // The head of a code's text: its first word that is no stop word and says no facet (the procedure, as a
  // rule: `Eksplorasjon` of `Eksplorasjon av a. carotis interna`), as a term id, or -1.
  function head(engine, doc) {
    for (const word of T.words(engine.texts[doc])) {
      if (engine.text.isStopWord(word) || engine.facetRules.phrases.has(word)) continue;
      const key = engine.text.key(word);
      const at = window.nkpkSearchEngine.lowerBound(engine.terms, key);
      return engine.terms[at] === key ? at : -1;
    }
    return -1;
  }

  // Whether a hit is named well enough by the words to make a group: its head is matched (the note names the
  // procedure, not only where), one of its words matched is specific (in few texts: not only `reseksjon`),
  // and the words cover enough of its text.
  function accepted(engine, hit, tight, context) {
    const rules = context.rules;
    if (hit.typo || !hit.terms.some((t) => engine.stats.postings[t].length <= rules.specific)) return false;
    const first = head(engine, hit.doc);
    if (hit.cover < rules.headBelow && first >= 0 && !hit.terms.includes(first) && !context.sentenceRanges(first) &&
        !engine.noteFacetTerms(hit.doc).has(first)) return false;
    // One everyday word of the thesaurus (`klipp`, `prøve`) is too common in a note to name a procedure alone.
    // (The note's first line names its procedure in whatever words: there it may.)
    if (hit.cover < 2 && hit.synonym && rules.weakKinds.includes(hit.synonym.kind) && !context.firstLine) return false;
    return tight >= rules.tight || hit.cover >= 3 || (hit.cover >= 2 && tight >= rules.tightWithTwo);
  }

  // How well the whole note names a code's text: [words of the text it covers, less the words it does not].
  function noteCover(engine, doc, context) {
    const own = Array.from(new Set(engine.docs[doc])).filter((t) => !context.fillers.has(engine.terms[t]));
    const facetTerms = engine.noteFacetTerms(doc);
    const covered = own.filter((t) => context.noteRanges(t) || facetTerms.has(t)).length;
    return [covered, covered - own.length];
  }

  // The best sibling of a group's code for the whole note: the code of its group whose text the note covers
  // most (then least uncovered), never one the note contradicts, always one with the words the sentence named.
  function refine(engine, hit, context) {
    const prefix = engine.codes[hit.doc].slice(0, SIBLING);
    let best = null;
    for (let doc = engine.lowerCode(prefix); doc < engine.codes.length && engine.codes[doc].startsWith(prefix); doc++) {
      if (!engine.isValid(doc) || context.excluded(doc)) continue;
      if (!hit.terms.every((t) => engine.docs[doc].includes(t))) continue;
      const score = noteCover(engine, doc, context).concat(doc === hit.doc ? 1 : 0);
      if (!best || score[0] > best.score[0] || (score[0] === best.score[0] && (score[1] > best.score[1] ||
          (score[1] === best.score[1] && score[2] > best.score[2])))) best = { doc, score };
    }
    return best ? best.doc : hit.doc;
  }

  // One group per procedure a sentence names: {kind, evidence, hits, score}.
  function sentenceGroups(engine, words, pool, extraWords, context) {
    const groups = [];
    for (let round = 0; round < ROUNDS && pool.length; round++) {
      const plan = engine.plan(pool.map((i) => words[i].text).concat(extraWords).join(" "), true);
      if (!plan.counted) break;
      const hits = engine.textMatches(plan).filter((h) => h.valid && !h.contra && !context.excluded(h.doc) &&
        !context.taken.has(h.doc) && !engine.codes[h.doc].startsWith("Z"));
      const best = hits[0];
      if (!best) break;
      const tight = tightness(engine, best.doc, best.terms, context.fillers);
      context.sentenceRanges = rangesOfPlan(plan);
      context.firstLine = words[pool[0]].line === 0;
      if (!accepted(engine, best, tight, context)) break;
      const used = evidence(engine, best, plan, pool, words);
      if (!used.length) break;
      const first = refine(engine, best, context);
      // Alternatives: as well covered, and no removal or redoing the note does not speak of.
      const members = [first].concat(hits.filter((h) => h.doc !== first && h.cover >= best.cover - 0.5 && !h.unasked)
        .map((h) => h.doc))
        .slice(0, PER_GROUP);
      members.forEach((doc) => context.taken.add(doc));
      // The members the note names as well as the first: suggested too; the others are shown as alternatives.
      const top = noteCover(engine, first, context);
      const ties = members.filter((doc) => { const c = noteCover(engine, doc, context); return c[0] >= top[0] && c[1] >= top[1]; });
      groups.push({ kind: "procedure", evidence: used, hits: members, ties, score: best.cover + tight });
      pool = pool.filter((i) => !used.includes(i));
    }
    return groups;
  }

  // The note's term ranges: whether a term is named by a usable word of the note (as itself or by the thesaurus).
  function rangesOf(engine, words) {
    return rangesOfPlan(engine.plan(words.filter(usable).map((w) => w.text).join(" "), true));
  }

  function rangesOfPlan(plan) {
    const ranges = [];
    for (const slot of plan.slots) for (const o of slot.options) for (const leaf of o.leaves) for (const r of leaf.ranges) ranges.push(r);
    return (term) => ranges.some((r) => term >= r.from && term < r.to);
  }

  // The Z code of `system` that says the note's side, as a group; or null.
  // The side is the one the note names most often (`bilateral` where it says so: the other side named in
  // passing, `ve arm abdusert`, does not make an operation on the right bilateral).
  function sideGroup(engine, words, system, sideAt) {
    const counts = new Map();
    for (const i of sideAt) {
      for (const f of engine.queryFacets([words[i].word]).list) if (f.startsWith("side:")) counts.set(f, (counts.get(f) || 0) + 1);
    }
    if (!counts.size) return null;
    const side = counts.has("side:both") ? "side:both" : Array.from(counts).sort((a, b) => b[1] - a[1])[0][0];
    let best = -1;
    for (let doc = engine.lowerCode("Z"); doc < engine.codes.length; doc++) {
      if (!engine.isValid(doc) || engine.systemOf(doc) !== system) continue;
      const own = engine.facetsOf(doc);
      if (own.length !== 1 || own[0] !== side) continue;
      if (best < 0 || T.words(engine.texts[doc]).length < T.words(engine.texts[best]).length) best = doc;
    }
    return best < 0 ? null : { kind: "side", evidence: sideAt, hits: [best], score: 0 };
  }

  // Supplementary Z codes (not the side) whose content words the note has: one group each.
  function extraGroups(engine, words, context, system) {
    const frame = new Set(context.rules.frame.map((w) => engine.text.key(w)).concat(engine.fillerKeys));
    const groups = [];
    for (let doc = engine.lowerCode("Z"); doc < engine.codes.length; doc++) {
      if (!engine.isValid(doc) || context.excluded(doc) || engine.systemOf(doc) !== system) continue;
      if (engine.facetsOf(doc).some((f) => f.startsWith("side:"))) continue;
      const needed = Array.from(new Set(engine.docs[doc])).filter((t) => !frame.has(engine.terms[t]));
      const have = needed.filter(context.noteRanges);
      if (!needed.length || have.length < Math.max(1, Math.ceil(needed.length * context.rules.extraShare))) continue;
      const keys = new Set(have.map((t) => engine.terms[t]));
      const used = words.map((w, i) => i).filter((i) => usable(words[i]) && keys.has(engine.text.key(words[i].word)));
      if (!used.length) continue; // reached only through a thesaurus word's `*` (`hud*` is not `Hudlapp`)
      groups.push({ kind: "extra", evidence: used, hits: [doc], score: have.length / needed.length });
    }
    return groups.sort((a, b) => b.score - a.score).slice(0, context.rules.extraMax);
  }

  function prepareEngine(engine) {
    if (engine.lowerCode) return;
    const lowerBound = window.nkpkSearchEngine.lowerBound;
    engine.lowerCode = (prefix) => lowerBound(engine.codes, prefix);
  }

  // The note's groups, in the order of the note, and the suggestions, best first.
  function suggest(engine, note, rules, options) {
    T = window.nkpkSearchText;
    prepareEngine(engine);
    note = String(note);
    const words = tokens(note, rules);
    markScopes(note, words, rules);
    const negated = negatedKeys(engine, words);
    const facets = engine.queryFacets(words.filter(usable).map((w) => w.word));
    const isSide = (w) => usable(w) && !rules.sideIgnore.includes(w.word) &&
      engine.queryFacets([w.word]).list.some((f) => f.startsWith("side:"));
    const sideAt = words.map((w, i) => i).filter((i) => isSide(words[i]));
    const facetTerms = new Map();
    engine.noteFacetTerms = (doc) => {
      let found = facetTerms.get(doc);
      if (!found) facetTerms.set(doc, (found = engine.facetTermsFor(doc, facets)));
      return found;
    };
    const context = {
      rules, taken: new Set(), noteRanges: rangesOf(engine, words), fillers: new Set(engine.fillerKeys), title: -1,
      excluded: (doc) => ruledOut(engine, doc, negated) || engine.facetFit(doc, facets).contra > 0,
    };
    const groups = [];
    for (const sentence of new Set(words.map((w) => w.sentence))) {
      const pool = words.map((w, i) => i).filter((i) => words[i].sentence === sentence && usable(words[i]));
      const extra = pool.some((i) => isSide(words[i])) ? [] : sideAt.map((i) => words[i].text);
      const found = sentenceGroups(engine, words, pool, extra, context);
      if (found.length && context.title < 0) {
        context.title = sentence;
        found.forEach((g) => { g.score += TITLE; });
      }
      groups.push(...found);
    }
    const main = groups.slice().sort((a, b) => b.score - a.score)[0];
    if (main) {
      const system = engine.systemOf(main.hits[0]);
      const side = sideGroup(engine, words, system, sideAt);
      if (side) groups.push(side);
      groups.push(...extraGroups(engine, words, context, system));
    }
    groups.forEach((g) => { g.evidence.sort((a, b) => a - b); g.first = g.evidence.length ? words[g.evidence[0]].start : note.length; });
    const ordered = groups.slice().sort((a, b) => a.first - b.first);
    return { words, groups: ordered, suggestions: flatten(words, ordered, options) };
  }

  // Suggestions over all groups: each procedure group's first code (strongest group first), the supplementary
  // codes, then the groups' further codes that the note names as well as their first.
  function flatten(words, groups, options) {
    const limit = options && options.limit != null ? options.limit : LIMIT;
    const procedures = groups.filter((g) => g.kind === "procedure").sort((a, b) => b.score - a.score);
    const extras = groups.filter((g) => g.kind !== "procedure");
    const out = [];
    const add = (group, doc) => out.push({ group: groups.indexOf(group), doc, kind: group.kind,
      evidence: group.evidence.map((i) => ({ start: words[i].start, end: words[i].end })) });
    procedures.forEach((g) => add(g, g.hits[0]));
    extras.forEach((g) => add(g, g.hits[0]));
    for (let rank = 1; rank < PER_GROUP; rank++) procedures.forEach((g) => { if (g.ties[rank] !== undefined) add(g, g.ties[rank]); });
    return out.slice(0, limit);
  }

  window.nkpkNoteCore = { suggest, tokens, markScopes };
})();
