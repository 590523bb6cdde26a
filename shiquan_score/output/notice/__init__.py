"""The notice (通报): document (write_notice, the one entry), wording, tables, page, fill, save,
chart, pdf; hook is what pipeline.py calls. Importing the package loads none of them, so a run
without --notice or --chart pays nothing for it."""
