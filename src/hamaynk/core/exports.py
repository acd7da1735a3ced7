"""Exports every module writes the same way: CSV streamed (rows are written as they are
produced, a byte-order mark first so spreadsheet programs read Armenian as UTF-8) and XLSX
written row by row (openpyxl write-only, spooled to a temporary file).

Rows hold typed values: text, numbers (int, Decimal, float), dates and date-times, None
for an empty cell. Text that a spreadsheet would take for a formula (it starts with
``= + - @``, a tab or a carriage return) is neutralised with a leading ``'`` in both
formats (OWASP's advice on CSV injection); numbers stay numbers, dates stay dates."""

import csv
import datetime
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd"
DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm"


def safe_text(value: str) -> str:
    """Text that no spreadsheet evaluates: a leading ``'`` before a formula's first sign."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def absolute_url(path: str) -> str:
    """A link that works outside the site (an export is read on someone's own computer)."""
    if path.startswith("/"):
        return f"{settings.HAMAYNK_SITE_URL.rstrip('/')}{path}"
    return path


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if _is_number(value):
        return value
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) \
            else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return safe_text(str(value))


class _Echo:
    def write(self, value: str) -> str:
        return value


def streamed_csv(rows: Iterable[list[Any]], filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def stream() -> Iterator[str]:
        yield "\ufeff"
        for row in rows:
            yield writer.writerow([csv_cell(value) for value in row])

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _xlsx_cell(sheet: Any, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if value is None or _is_number(value):
        return value
    if isinstance(value, datetime.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        cell = WriteOnlyCell(sheet, value=local.replace(tzinfo=None))
        cell.number_format = DATE_TIME_FORMAT
        return cell
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    cell = WriteOnlyCell(sheet, value=safe_text(str(value)))
    cell.data_type = "s"  # never a formula, whatever the text
    return cell


def xlsx_file(rows: Iterable[list[Any]], filename: str, sheet_title: str) -> FileResponse:
    """One sheet, its first row (the header) frozen; rows go straight to disk."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    title = "".join("-" if ch in "[]:*?/\\" else ch for ch in sheet_title)[:31] or "Sheet"
    sheet = workbook.create_sheet(title=title)
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by FileResponse
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename)
