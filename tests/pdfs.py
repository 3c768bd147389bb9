"""Reading a produced PDF the way a screen reader or an archive checker would (pypdf)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import cast

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
DC = "{http://purl.org/dc/elements/1.1/}"
PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"
PDFUAID = "{http://www.aiim.org/pdfua/ns/id/}"


@dataclass
class Element:
    tag: str
    alt: str | None
    children: list[Element] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Document:
    reader: PdfReader
    catalog: DictionaryObject
    root: Element | None
    xmp: dict[str, str]

    @property
    def marked(self) -> bool:
        mark_info = self.catalog.get("/MarkInfo")
        return bool(mark_info and mark_info.get_object().get("/Marked"))

    @property
    def language(self) -> str | None:
        language = self.catalog.get("/Lang")
        return str(language) if language is not None else None

    @property
    def displays_title(self) -> bool:
        preferences = self.catalog.get("/ViewerPreferences")
        return bool(preferences and preferences.get_object().get("/DisplayDocTitle"))

    @property
    def title(self) -> str | None:
        info = self.reader.metadata
        return info.title if info else None

    def tags(self) -> list[str]:
        return [element.tag for element in self.root.walk()] if self.root else []

    def figures(self) -> list[str | None]:
        return [e.alt for e in self.root.walk() if e.tag == "Figure"] if self.root else []

    def text(self) -> str:
        return "\n".join(page.extract_text() for page in self.reader.pages)


def _element(node) -> Element | None:
    node = node.get_object()
    if not isinstance(node, DictionaryObject) or "/S" not in node:
        return None  # marked content (a number) or an annotation reference
    alt = node.get("/Alt")
    element = Element(tag=str(node["/S"]).lstrip("/"), alt=str(alt) if alt is not None else None)
    kids = node.get("/K", ArrayObject())
    kids = kids.get_object()
    for kid in kids if isinstance(kids, ArrayObject) else [kids]:
        if (child := _element(kid)) is not None:
            element.children.append(child)
    return element


def _xmp(catalog) -> dict[str, str]:
    if "/Metadata" not in catalog:
        return {}
    # The metadata of a document the portal itself has just produced.
    tree = ET.fromstring(catalog["/Metadata"].get_object().get_data())  # noqa: S314
    found = {}
    for description in tree.iter(f"{RDF}Description"):
        for name, value in description.attrib.items():
            found[name] = value
        for child in description:
            found[child.tag] = "".join(child.itertext()).strip()
    return found


def read(content: bytes) -> Document:
    reader = PdfReader(io.BytesIO(content))
    catalog = cast(DictionaryObject, reader.trailer["/Root"].get_object())
    tree = catalog.get("/StructTreeRoot")
    root = None
    if tree is not None:
        root = Element(tag="StructTreeRoot", alt=None)
        kids = tree.get_object().get("/K", ArrayObject()).get_object()
        for kid in kids if isinstance(kids, ArrayObject) else [kids]:
            if (child := _element(kid)) is not None:
                root.children.append(child)
    return Document(reader=reader, catalog=catalog, root=root, xmp=_xmp(catalog))


def pdfa(document: Document) -> tuple[str | None, str | None]:
    return document.xmp.get(f"{PDFAID}part"), document.xmp.get(f"{PDFAID}conformance")


def pdfua(document: Document) -> str | None:
    return document.xmp.get(f"{PDFUAID}part")


def xmp_title(document: Document) -> str | None:
    return document.xmp.get(f"{DC}title")
