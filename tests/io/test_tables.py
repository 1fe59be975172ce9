"""Tables: malformed tables are errors naming the file, the line and the remedy."""

from __future__ import annotations

import pytest

import corpus_tools as ct
from corpus_tools.io import CorpusInputError


def test_malformed_jsonl_names_the_line(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "ok"}\n{"text": broken}\n', encoding="utf-8")
    with pytest.raises(CorpusInputError, match=r"c\.jsonl:2"):
        ct.load_corpus(path)


def test_malformed_csv_is_a_clear_error(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text('id,text\n1,"unclosed\n2,fine\n', encoding="utf-8")
    with pytest.raises(CorpusInputError, match="c.csv"):
        ct.load_corpus(path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "ragged.csv",
            'doc_id,text\na,"fine"\nb,one,two\n',
            r"ragged\.csv:3: 3 fields, but the header has 2; check the quoting",
        ),
        ("short.csv", "doc_id,text,outlet\na,words,X\nb,words\n", r"short\.csv:3: 2 fields, but the header has 3"),
        (
            "quoted.csv",
            'doc_id,text\na,"two\nlines"\nb,x,y\n',
            r"quoted\.csv:4: 3 fields",
        ),  # line of the row, after a multi-line field
        ("ragged.tsv", "doc_id\ttext\na\tx\ty\n", r"ragged\.tsv:2: 3 fields.*a field containing a tab"),
        (
            "unclosed.csv",
            'doc_id,text\na,fine\nb,"never closed\nc,more\n',
            r"unclosed\.csv:3: a double quote on this line is never closed.*close the quote",
        ),
        (
            "array.jsonl",
            '{"doc_id": "a", "text": "x"}\n["b", "y"]\n',
            r"array\.jsonl:2: a JSON list, not an object; each line must be one JSON object",
        ),
        ("nums.jsonl", '{"doc_id": "a", "text": "x"}\n7\n', r"nums\.jsonl:2: a JSON int, not an object"),
        ("none.csv", "doc_id,body_text\na,x\n", r"none\.csv: no text column found.*pass text_col="),
        (
            "cut.json",
            '[{"doc_id": "a",\n "text": "x"},',
            r"cut\.json:2: not valid JSON \(Expecting value, column 15\); fix the syntax",
        ),
        (
            "one.json",
            '{"doc_id": "a", "text": "x"}',
            r"one\.json: a \.json corpus must be a list of objects.*name the file \.jsonl",
        ),
        ("fake.parquet", "doc_id,text\na,x\n", r"fake\.parquet: not a readable Parquet file .*save the table as \.csv"),
    ],
)
def test_malformed_tables_name_file_line_and_remedy(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusInputError, match=message):
        ct.load_corpus(path)
