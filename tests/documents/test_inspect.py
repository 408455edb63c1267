"""Checking and reading uploaded documents, on real files made here."""

from __future__ import annotations

import io
import zipfile

import pytest

from antislavery.documents import DocumentRejected, inspect
from tests.documents import files

LIMIT = 1024 * 1024


# --- Extraction -----------------------------------------------------------------------------

def test_docx_text_keeps_paragraphs_bullets_numbered_items_and_table_rows():
    data = files.docx_bytes(
        paragraphs=["Our office funds two navigators.", "They work with the force."],
        bullets=["Advocacy and signposting", "Emergency housing"],
        numbered=["Review the contract", "Report to the board"],
        table_rows=[["Service", "Provider"], ["Navigator", "Justice and Care"]],
        closing=["We will report again in spring."],
    )

    document = inspect(data, "response.docx", max_bytes=LIMIT)

    assert document.kind == "docx"
    assert document.paragraphs == (
        "Our office funds two navigators.",
        "They work with the force.",
        "- Advocacy and signposting",
        "- Emergency housing",
        "1. Review the contract",
        "2. Report to the board",
        "Service | Provider",
        "Navigator | Justice and Care",
        "We will report again in spring.",
    )
    assert document.text.split("\n\n") == list(document.paragraphs)


def test_odt_text_keeps_headings_paragraphs_list_items_and_table_rows():
    data = files.odt_bytes(
        heading="Support before the NRM",
        paragraphs=["Victims can reach community support.", "The force refers them."],
        bullets=["Go bags at first contact", "Interpreters on request"],
        table_rows=[["Post", "Funded by"], ["Exploitation ISVA", "PCC"]],
    )

    document = inspect(data, "update.odt", max_bytes=LIMIT)

    assert document.kind == "odt"
    assert document.paragraphs == (
        "Support before the NRM",
        "Victims can reach community support.",
        "The force refers them.",
        "- Go bags at first contact",
        "- Interpreters on request",
        "Post | Funded by",
        "Exploitation ISVA | PCC",
    )


def test_pdf_text_joins_wrapped_lines_and_keeps_paragraphs_and_bullets():
    long = ("The commissioner has funded a victim navigator who works alongside officers to "
            "help people decide whether to take part in an investigation and to reach the "
            "support they are entitled to, whatever their decision about the NRM.")
    data = files.pdf_bytes([long, "A second paragraph.", "- First bullet", "- Second bullet",
                            "Closing words."])

    document = inspect(data, "letter.pdf", max_bytes=LIMIT)

    assert document.kind == "pdf"
    assert document.paragraphs == (long, "A second paragraph.", "- First bullet",
                                   "- Second bullet", "Closing words.")


def test_plain_text_joins_wrapped_lines_and_turns_bullet_marks_into_dashes():
    data = ("First paragraph that the writer\nwrapped by hand.\n\n"
            "\u2022 a bullet\n* another\n\nLast.\n").encode()

    document = inspect(data, "notes.txt", max_bytes=LIMIT)

    assert document.kind == "text"
    assert document.paragraphs == ("First paragraph that the writer wrapped by hand.",
                                   "- a bullet", "- another", "Last.")


def test_plain_text_in_windows_encoding_is_read():
    document = inspect("Caf\u00e9 \u2013 \u00a3300 fund".encode("cp1252"), "fund.txt",
                       max_bytes=LIMIT)

    assert document.text == "Caf\u00e9 \u2013 \u00a3300 fund"


# --- Refusals -------------------------------------------------------------------------------

def _refusal(data: bytes, name: str, limit: int = LIMIT) -> DocumentRejected:
    with pytest.raises(DocumentRejected) as caught:
        inspect(data, name, max_bytes=limit)
    return caught.value


def test_file_over_the_limit_is_refused_with_both_sizes():
    error = _refusal(b"x" * 2048, "big.txt", limit=1024)

    assert error.code == "too_large"
    assert "big.txt is 2.0\xa0KB" in error.message
    assert "1.0\xa0KB or smaller" in error.message


def test_empty_file_is_refused():
    error = _refusal(b"", "blank.docx")

    assert error.code == "empty"
    assert error.message.startswith("blank.docx is empty.")


def test_whitespace_only_text_file_is_refused_as_empty():
    assert _refusal(b"  \n\n\t ", "blank.txt").code == "empty"


def test_unsupported_extension_is_refused_with_the_accepted_kinds():
    error = _refusal(b"a,b\n1,2\n", "figures.csv")

    assert error.code == "unsupported_type"
    assert ".docx" in error.message
    assert ".pdf" in error.message


def test_pdf_named_as_docx_is_refused_as_lying_about_its_type():
    error = _refusal(files.pdf_bytes(["Hello"]), "response.docx")

    assert error.code == "type_mismatch"
    assert "named as a Word document (DOCX) but it is a PDF" in error.message
    assert "Rename it to end in .pdf" in error.message


def test_odt_named_as_docx_is_refused_as_lying_about_its_type():
    error = _refusal(files.odt_bytes(paragraphs=["Hello"]), "response.docx")

    assert error.code == "type_mismatch"
    assert "it is an OpenDocument text document (ODT)" in error.message


def test_docx_named_as_pdf_is_refused():
    assert _refusal(files.docx_bytes(paragraphs=["Hi"]), "response.pdf").code == "type_mismatch"


def test_binary_file_named_as_text_is_refused():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))

    error = _refusal(png, "notes.txt")

    assert error.code == "type_mismatch"
    assert "it is an image" in error.message


def test_old_word_document_named_as_docx_is_refused():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)

    error = _refusal(ole, "old.docx")

    assert error.code == "type_mismatch"
    assert "old-style Word" in error.message


def test_password_protected_docx_is_refused_as_encrypted():
    error = _refusal(files.encrypted_docx_bytes(), "locked.docx")

    assert error.code == "encrypted"
    assert "protected by a password" in error.message


def test_password_protected_pdf_is_refused_as_encrypted():
    error = _refusal(files.encrypted_pdf_bytes(["Private"]), "locked.pdf")

    assert error.code == "encrypted"


def test_password_protected_odt_is_refused_as_encrypted():
    assert _refusal(files.encrypted_odt_bytes(), "locked.odt").code == "encrypted"


def test_truncated_docx_is_refused_as_damaged():
    data = files.docx_bytes(paragraphs=["Some text"])

    error = _refusal(data[: len(data) // 2], "cut.docx")

    assert error.code == "corrupt"
    assert "may be damaged" in error.message


def test_docx_with_broken_xml_is_refused_as_damaged():
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(files.docx_bytes(paragraphs=["x"]))) as source, \
            zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/document.xml":
                content = content[:200]
            target.writestr(info, content)

    assert _refusal(buffer.getvalue(), "broken.docx").code == "corrupt"


def test_odt_with_broken_xml_is_refused_as_damaged():
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(files.odt_bytes(paragraphs=["x"]))) as source, \
            zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "content.xml":
                content = content[:150]
            target.writestr(info, content)

    assert _refusal(buffer.getvalue(), "broken.odt").code == "corrupt"


def test_truncated_pdf_is_refused():
    data = files.pdf_bytes(["Some text"])

    error = _refusal(data[:300], "cut.pdf")

    assert error.code in {"corrupt", "no_text"}


def test_pdf_without_text_is_refused_with_advice():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)

    error = _refusal(bytes(pdf.output()), "scan.pdf")

    assert error.code == "no_text"
    assert "scanned PDF" in error.message


def test_zip_that_unpacks_to_far_more_than_the_limit_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(files.docx_bytes(paragraphs=["x"]))) as source, \
            zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        target.writestr("word/padding.bin", bytes(40 * 1024 * 1024))

    error = _refusal(buffer.getvalue(), "bomb.docx")

    assert error.code == "too_large"
    assert "unpacks" in error.message
