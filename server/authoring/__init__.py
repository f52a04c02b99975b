"""Katas written in the browser by managers and admins (issue 12, section 3).

models.py   the tables: an authored kata and its versions (each version is the whole folder)
files.py    what the editor form holds <-> the kata folder's files; limits on every field
archive.py  a version as a .tar.gz of katas/<id>/, and such an archive read back (safely)
checks.py   a version checked by graders.selfcheck in the real sandbox, in the background
library.py  who may see, edit and publish which kata; the live specs grading and pages use
"""
