"""Search: the index file and the text rules it is made of (normalisation, compound splitting, synonyms)."""
