/*
 * The few parts of lunr that lunr.stemmer.support.js and lunr.no.js (lunr-languages, shipped with mkdocs)
 * use, written for the site's search: a token, a pipeline to register functions in, and a stop word filter
 * built as lunr 2.3 builds it. The site's search engine matches and ranks by itself
 * (search-engine.js) and needs only the Norwegian stemmer and stop words, so the whole lunr.js (24 KB with
 * gzip) is no longer loaded before the first results (docs/search.md, "Cost").
 */
(function () {
  "use strict";

  function Token(str, metadata) {
    this.str = str || "";
    this.metadata = metadata || {};
  }
  Token.prototype.toString = function () {
    return this.str;
  };
  Token.prototype.update = function (fn) {
    this.str = fn(this.str, this.metadata);
    return this;
  };

  const registered = {};
  const lunr = window.lunr || {};
  lunr.Token = Token;
  lunr.Pipeline = { registeredFunctions: registered, registerFunction: (fn, label) => { registered[label] = fn; } };
  lunr.generateStopWordFilter = function (stopWords) {
    const words = {};
    for (const word of stopWords) words[word] = word;
    return (token) => (token && words[token.toString()] !== token.toString() ? token : undefined);
  };
  window.lunr = lunr;
})();
