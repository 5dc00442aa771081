#!/usr/bin/env python3
"""Write the hostile inputs of issue 22, for bench/hostile (time and memory per input).

    python3 bench/hostile_inputs.py OUT_DIR

Python 3 standard library only; deterministic. The unit tests build the same shapes in C++
(tests/hostile_input_test.cc) and assert what is bounded (output size, rejects); the time
and peak memory of each are measured by bench/hostile, never asserted.

- phone-20k.csv / phone-100k.csv: a web-form export whose phone cell holds 20,000 (100,000)
  digits; the 20 KB and 100 KB files that took 6.6 s and 103 s.
- shared-string.xlsx: one 1,000,000-character shared string referenced as the date of 500
  rows (a ~300 KB workbook whose rejects once quoted 500 MB).
- shared-string-2m.xlsx: the same with 2,000 rows (the 2 MB workbook that passed 6.5 GB).
- zip-bomb.xlsx: a sheet part of 1 GiB of repeated rows deflated to ~1 MB.
- long-body.eml: one message with a 10 MB plain-text body.
"""

import os
import sys
import zipfile

HEADER = "Entry Id,Entry Date,Name,Phone,Email,Message\n"


def phone_csv(path, digits):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        f.write("1,2026-11-16 09:40:12,Dale Kessler,(254) 555-0183,,Roof leak\n")
        f.write("2,2026-11-16 09:41:12,Long Phone," + "5" * digits + ",,Call me\n")
        f.write("3,2026-11-16 09:42:12,Glenn Harper,512-555-0176,,Gutters\n")


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
    ' Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Leads" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"'
    ' Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"'
    ' Target="sharedStrings.xml"/></Relationships>')
SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
SHEET_TAIL = '</sheetData></worksheet>'


def xlsx(path, shared, sheet_rows):
    """shared: list of strings; sheet_rows: an iterable of row XML strings."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        sst = ['<?xml version="1.0" encoding="UTF-8"?>'
               '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">']
        sst += ["<si><t>" + s + "</t></si>" for s in shared]
        sst.append("</sst>")
        z.writestr("xl/sharedStrings.xml", "".join(sst))
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as w:
            w.write(SHEET_HEAD.encode())
            for row in sheet_rows:
                w.write(row.encode())
            w.write(SHEET_TAIL.encode())


def header_row():
    return ('<row r="1"><c r="A1" t="inlineStr"><is><t>Entry Date</t></is></c>'
            '<c r="B1" t="inlineStr"><is><t>Name</t></is></c>'
            '<c r="C1" t="inlineStr"><is><t>Phone</t></is></c>'
            '<c r="D1" t="inlineStr"><is><t>Message</t></is></c></row>')


def shared_string_rows(n):
    yield header_row()
    for i in range(2, n + 2):
        yield ('<row r="%d"><c r="A%d" t="s"><v>0</v></c><c r="B%d" t="inlineStr"><is><t>Person %d</t></is></c>'
               '<c r="C%d" t="inlineStr"><is><t>512-555-%04d</t></is></c>'
               '<c r="D%d" t="inlineStr"><is><t>Roof leak</t></is></c></row>' % (i, i, i, i, i, i % 10000, i))


def bomb_rows(total_bytes):
    yield header_row()
    row = ('<row><c t="inlineStr"><is><t>2026-11-16 09:40</t></is></c><c t="inlineStr"><is><t>A</t></is></c>'
           '<c t="inlineStr"><is><t>512-555-0199</t></is></c><c t="inlineStr"><is><t>x</t></is></c></row>')
    chunk = row * 1000
    for _ in range(total_bytes // len(chunk)):
        yield chunk


def long_mail(path, size):
    line = "The ceiling stain keeps growing near the chimney and we would like someone to look. \n"
    with open(path, "w", encoding="utf-8") as f:
        f.write("From: Dana Poole <dana.poole@example.com>\nTo: office@example.com\n"
                "Subject: Leak\nDate: Mon, 16 Nov 2026 09:15:00 -0600\nMessage-ID: <long-body@example.com>\n"
                "Content-Type: text/plain; charset=utf-8\n\n")
        for _ in range(size // len(line)):
            f.write(line)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "out/hostile"
    os.makedirs(out, exist_ok=True)
    phone_csv(os.path.join(out, "phone-20k.csv"), 20000)
    phone_csv(os.path.join(out, "phone-100k.csv"), 100000)
    xlsx(os.path.join(out, "shared-string.xlsx"), ["7" * 1000000], shared_string_rows(500))
    xlsx(os.path.join(out, "shared-string-2m.xlsx"), ["7" * 1000000], shared_string_rows(2000))
    xlsx(os.path.join(out, "zip-bomb.xlsx"), [], bomb_rows(1 << 30))
    long_mail(os.path.join(out, "long-body.eml"), 10 * 1000 * 1000)


if __name__ == "__main__":
    main()
