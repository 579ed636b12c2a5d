"""Writes the workbook fixtures of the reader tests (needs the xlsxwriter and xlwt packages).

workbook.xlsx: sheet 1 is empty, sheet 2 holds a title line, the header and three invoices with
real dates and numbers, sheet 3 holds another table. workbook.xls: the same invoices on one
sheet. workbook.ods: the same invoices, English headers, dates as OpenDocument dates.
"""
import datetime
import xlsxwriter

book = xlsxwriter.Workbook("workbook.xlsx")
book.set_properties({"created": datetime.datetime(2025, 1, 1)})
book.add_worksheet("Lisez-moi")
sheet = book.add_worksheet("Factures")
dates = book.add_format({"num_format": "dd/mm/yyyy"})
sheet.write(0, 0, "Balance âgée au 31/03/2025")
for col, name in enumerate(["N° facture", "Client", "Montant TTC", "Date", "Échéance", "Réglé"]):
    sheet.write(2, col, name)
rows = [
    ("X-1", "Fonderie Arnaud", 1234.5, datetime.date(2025, 1, 15), datetime.date(2025, 2, 14), 0),
    ("0042", "Fonderie Arnaud", 0.1, datetime.date(2025, 2, 1), datetime.date(2025, 3, 3), 0),
    ("X-3", "Laiterie Simon", 99999.99, datetime.date(2024, 12, 31), datetime.date(2025, 1, 30), 500),
]
for r, (number, client, amount, issued, due, paid) in enumerate(rows, start=3):
    sheet.write_string(r, 0, number)
    sheet.write_string(r, 1, client)
    sheet.write_number(r, 2, amount)
    sheet.write_datetime(r, 3, datetime.datetime.combine(issued, datetime.time()), dates)
    sheet.write_datetime(r, 4, datetime.datetime.combine(due, datetime.time()), dates)
    sheet.write_number(r, 5, paid)
other = book.add_worksheet("Autre")
other.write_row(0, 0, ["Invoice", "Customer", "Amount", "Due Date"])
other.write_row(1, 0, ["Z-1", "Other Co", 5, "2025-01-31"])
book.close()

# The same invoices as an Excel 97 workbook (needs the xlwt package), on a single sheet.
import xlwt

old = xlwt.Workbook()
sheet = old.add_sheet("Factures")
style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
for col, name in enumerate(["N° facture", "Client", "Montant TTC", "Date", "Échéance", "Réglé"]):
    sheet.write(0, col, name)
for r, (number, client, amount, issued, due, paid) in enumerate(rows, start=1):
    sheet.write(r, 0, number)
    sheet.write(r, 1, client)
    sheet.write(r, 2, amount)
    sheet.write(r, 3, issued, style)
    sheet.write(r, 4, due, style)
    sheet.write(r, 5, paid)
old.save("workbook.xls")

# An OpenDocument spreadsheet written by hand: the smallest file LibreOffice also opens.
import zipfile

cells = "".join(
    f"<table:table-row>"
    f'<table:table-cell office:value-type="string"><text:p>{n}</text:p></table:table-cell>'
    f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>'
    f'<table:table-cell office:value-type="float" office:value="{a}"><text:p>{a}</text:p>'
    f"</table:table-cell>"
    f'<table:table-cell office:value-type="date" office:date-value="{d.isoformat()}">'
    f"<text:p>{d.isoformat()}</text:p></table:table-cell>"
    f"</table:table-row>"
    for n, c, a, _, d, _ in rows
)
header = "".join(
    f'<table:table-cell office:value-type="string"><text:p>{h}</text:p></table:table-cell>'
    for h in ["Invoice", "Customer", "Amount", "Due Date"]
)
content = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="Invoices">'
    f"<table:table-row>{header}</table:table-row>{cells}"
    "</table:table></office:spreadsheet></office:body></office:document-content>"
)
manifest = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
with zipfile.ZipFile("workbook.ods", "w") as ods:
    info = zipfile.ZipInfo("mimetype", date_time=(2025, 1, 1, 0, 0, 0))
    ods.writestr(info, "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
    for name, text in [("META-INF/manifest.xml", manifest), ("content.xml", content)]:
        ods.writestr(zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0)), text, zipfile.ZIP_DEFLATED)
