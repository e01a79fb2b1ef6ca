"""Parses each HTML file given with html5lib in strict mode: any parse error
(a stray end tag, a bad attribute, a missing doctype, ...) fails."""
import sys

import html5lib

failed = False
for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        data = handle.read()
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        parser.parse(data, transport_encoding="utf-8")
    except html5lib.html5parser.ParseError as error:
        failed = True
        print(f"{path}: {error}")
    else:
        print(f"{path}: ok")
sys.exit(1 if failed else 0)
