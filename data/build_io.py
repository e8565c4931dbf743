"""Reading the source tables and writing the bundled ones, for build.py.

CSV in: UTF-8 without BOM, every row as wide as the header. CSV out: UTF-8 without BOM, "\\n"
line endings, quoted only where needed, written through a temporary file.
"""
import csv
import io
import os
import re
from decimal import Decimal

DATA_DIR = os.path.dirname(os.path.abspath(__file__))

# What the sources write for a figure they do not know: such a field stays empty, never 0.
UNKNOWN = {"", "unknown", "n/a", "tbd"}
NUMBER = re.compile(r"^[0-9]+(\.[0-9]+)?$")
YEAR = re.compile(r"^[12][0-9]{3}$")


class SourceError(Exception):
    pass


def read_table(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if text.startswith("\ufeff"):
        raise SourceError(f"{path}: starts with a byte order mark")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        raise SourceError(f"{path}: empty")
    header, body = rows[0], rows[1:]
    for number, row in enumerate(body, start=2):
        if len(row) != len(header):
            raise SourceError(f"{path}, row {number}: {len(row)} fields, header has {len(header)}")
    return header, body


def read_records(path, columns, expected_rows):
    """The rows of `path` as dicts; its header must be `columns`, its rows `expected_rows`."""
    header, body = read_table(path)
    if header != columns:
        raise SourceError(f"{path}: columns {header}, expected {columns}")
    if len(body) != expected_rows:
        raise SourceError(f"{path}: {len(body)} rows, expected {expected_rows}")
    return [dict(zip(header, values)) for values in body]


def known(text, what):
    """A figure's text exactly as the source writes it, or "" where the source marks it
    unknown. Anything else than a plain decimal number is an error naming `what`."""
    if text.strip().lower() in UNKNOWN:
        return ""
    if not NUMBER.match(text):
        raise SourceError(f"{what}: {text!r} is not a plain decimal number")
    return text


def known_year(text, what):
    if text.strip().lower() in UNKNOWN:
        return ""
    if not YEAR.match(text):
        raise SourceError(f"{what}: {text!r} is not a year")
    return text


def thousands_to_millions(text):
    """'4800.0' (thousand tonnes) -> '4.8' (million tonnes): the decimal point moved three
    places, trailing zeros dropped. Exact, as decimal text: no binary rounding."""
    if not text:
        return ""
    millions = format(Decimal(text).scaleb(-3).normalize(), "f")
    if Decimal(millions) * 1000 != Decimal(text):
        raise SourceError(f"{text} / 1000 is not exactly {millions}")
    return millions


def csv_text(header, rows):
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def write_text(target, text):
    """Write UTF-8 (no BOM) through a temporary file, so a failed run leaves no half file."""
    path = os.path.join(DATA_DIR, target)
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(temporary, path)
