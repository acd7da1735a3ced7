"""English is the source language: its catalogue repeats each msgid, so that it is complete
and a test can tell a forgotten Armenian string from an English one."""

import sys

import polib

for path in sys.argv[1:]:
    po = polib.pofile(path)
    for entry in po:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.metadata_is_fuzzy = False
    po.metadata["Project-Id-Version"] = "Hamaynk"
    po.metadata["Language"] = "en"
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    po.save(path)
