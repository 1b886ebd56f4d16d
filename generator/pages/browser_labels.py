"""`assets/nkpk-labels.js`: the words of the site's scripts, from `labels.BROWSER_LABELS`.

Every page loads it before the site's own scripts (mkdocs.yml's
extra_javascript names it first; the checker's and the comparison's scripts
are deferred, the search's are loaded later by search.js), so that a script
reads its words from `window.nkpkLabels` and none writes Norwegian of its own.
The file is data with one helper: `fill(text, values)` puts values into a
label's `{name}` fields (a value is never read as a pattern).
"""

from __future__ import annotations

import json

from ..labels import BROWSER_LABELS

HEAD = "/* The words of the site's scripts. Written by the build from BROWSER_LABELS in generator/labels.py: change them there. */\n"
FILL = (
    "  const freeze = (value) => {\n"
    '    if (value && typeof value === "object") Object.values(value).forEach(freeze);\n'
    "    return Object.freeze(value);\n"
    "  };\n"
    '  // A label with its {name} fields filled in: fill("Utgått fra {year}", { year: 2016 }).\n'
    "  words.fill = (text, values) => text.replace(/\\{(\\w+)\\}/g, (field, name) => (name in values ? String(values[name]) : field));\n"
)


def labels_script(labels: dict = BROWSER_LABELS) -> str:
    """The script: the labels as one frozen object (sorted keys), UTF-8 text with one trailing newline."""
    words = json.dumps(labels, sort_keys=True, ensure_ascii=False, indent=1).replace("\n", "\n  ")
    return HEAD + '(() => {\n  "use strict";\n\n  const words = ' + words + ";\n" + FILL + "  window.nkpkLabels = freeze(words);\n})();\n"
