"""The model: the catalogue of codes, the hierarchy, optional columns, names and notes from books."""
