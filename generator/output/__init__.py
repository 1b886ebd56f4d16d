"""Rendering and writing the site: templates, files, sitemap, feeds, search data, report."""
