"""A small invented corpus for the processing tests: site template lines shared by most pages,
a stub, an exact duplicate, a page in German, and a metadata table with outlets."""

from __future__ import annotations

import pandas as pd
import pytest

TEMPLATE = "The Daily Example Regional Edition\nHome | News | Sport | Weather\nSubscribe to our newsletter\n"
FOOTER = "\nCopyright 2026 The Daily Example. All rights reserved.\n"

BODIES = {
    "a01": "Harbour talks resume\n\nNegotiators met again on Tuesday to discuss the harbour dispute. "
    "Officials said the costs of the delay had reached millions. Nobody expects a quick deal.",
    "a02": "Council backs new bridge\n\nThe council voted for a new bridge across the river. "
    "Residents welcomed the decision, but critics warned about the cost and the risk of delays.",
    "a03": "Storm damages coast\n\nA storm damaged houses along the coast overnight. "
    "Emergency crews helped families who lost their homes; the mayor praised their courage.",
    "b01": "Teachers strike over pay\n\nTeachers walked out in a dispute over pay and conditions. "
    "The union blamed the ministry, which said the demands would cost billions.",
    "b02": "Hospital opens new wing\n\nThe hospital opened a new wing for children on Monday. "
    "Doctors said it was a great day for the town and thanked the donors.",
    "b03": "Farmers protest import rules\n\nFarmers blocked roads to protest against new import rules. "
    "They said cheap imports threaten their livelihoods and accused the government of betrayal.",
    "c01": "Die Verhandlungen gehen weiter\n\nDie Unterhändler trafen sich am Dienstag erneut. "
    "Die Kosten der Verzögerung seien hoch, sagten Beamte.",
}


def write_corpus(folder, bodies=BODIES, *, stub=True, duplicate=True):
    """Write the pages (template + body + footer) into ``folder``; returns the metadata table."""
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, body in bodies.items():
        (folder / f"{doc_id}.txt").write_text(TEMPLATE + body + FOOTER, encoding="utf-8")
    if stub:
        (folder / "s01.txt").write_text(TEMPLATE + "Access denied. Please enable JavaScript.\n", encoding="utf-8")
    if duplicate:
        (folder / "z01.txt").write_text(TEMPLATE + bodies["a01"] + FOOTER, encoding="utf-8")
    ids = sorted(p.stem for p in folder.glob("*.txt"))
    return pd.DataFrame({"doc_id": ids, "outlet": [i[0].upper() for i in ids]})


@pytest.fixture()
def fixture_corpus(tmp_path):
    folder = tmp_path / "corpus"
    meta = write_corpus(folder)
    meta_path = tmp_path / "meta.csv"
    meta.to_csv(meta_path, index=False)
    return folder, meta_path
