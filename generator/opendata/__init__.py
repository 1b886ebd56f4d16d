"""Open data: harmonised tables and workbooks, FHIR resources, JSON Schemas, the downloads and API pages' data."""
