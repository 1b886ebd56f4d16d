"""One module per page type: the context each page is rendered from."""
