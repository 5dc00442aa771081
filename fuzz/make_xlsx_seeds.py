#!/usr/bin/env python3
"""Writes the XLSX seeds of fuzz/xlsx_fuzz.cc: each CSV fixture of FIXTURES as a workbook (shared
strings, numbers, one inline string; one stored and one deflated copy), so the fuzzer starts
from workbooks whose columns the importer recognises. Usage: make_xlsx_seeds.py FIXTURES OUT"""
import csv, io, os, sys, zipfile
from xml.sax.saxutils import escape

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def workbook(rows):
    strings, index, out = [], {}, []
    for r, row in enumerate(rows, 1):
        cells = []
        for c, v in enumerate(row):
            ref = f"{col(c)}{r}"
            if v.replace(".", "", 1).isdigit() and len(v) < 12:
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            elif r == 2 and c == 0:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
            else:
                if v not in index:
                    index[v] = len(strings)
                    strings.append(v)
                cells.append(f'<c r="{ref}" t="s"><v>{index[v]}</v></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    sst = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
    return {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} xmlns:r="{REL}"><sheets>'
        '<sheet name="Calls" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rIdT" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>{"".join(out)}</sheetData></worksheet>',
    }


def main(fixtures, out):
    os.makedirs(out, exist_ok=True)
    for name in sorted(os.listdir(fixtures)):
        if not name.endswith(".csv"):
            continue
        try:
            text = open(os.path.join(fixtures, name), encoding="utf-8-sig").read()
        except UnicodeDecodeError:
            continue
        rows = list(csv.reader(io.StringIO(text)))[:12]  # small seeds fuzz faster
        for method, tag in ((zipfile.ZIP_STORED, "stored"), (zipfile.ZIP_DEFLATED, "deflated")):
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", method) as z:
                for part, content in workbook(rows).items():
                    info = zipfile.ZipInfo(part, date_time=(2026, 11, 1, 0, 0, 0))
                    info.compress_type = method
                    z.writestr(info, content)
            with open(os.path.join(out, f"{name[:-4]}.{tag}.xlsx"), "wb") as f:
                f.write(buf.getvalue())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
