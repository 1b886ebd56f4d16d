"""The catalogue: codes joined across releases, duplicates, conflicts, and its dataclasses."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from generator.model.catalogue import Code, CodeVersion, build_catalogue
from generator.inputs.diagnostics import InputError, Location, Diagnostic
from generator.inputs.readers.base import FileResult, FileSpec, SourceRow


def result(name: str, rows: list[tuple[str, str, str | None]], notes: tuple[Diagnostic, ...] = ()) -> FileResult:
    spec = FileSpec(Path(name), name)
    return FileResult(spec, tuple(SourceRow(Location(name, i), c, t, s) for i, (c, t, s) in enumerate(rows, 1)), notes)


def test_codes_across_releases() -> None:
    catalogue, notes = build_catalogue({
        2015: [result("a.txt", [("AAA00", "Kraniotomi", "NCSP"), ("ABCD12", "Måling", "NCMP")])],
        2016: [result("b.txt", [("AAA00", "Kraniotomi", "NCSP"), ("AAA10", "Biopsi", "NCSP")])],
        2017: [result("c.txt", [("AAA10", "Biopsi via", "NCSP"), ("ABCD12", "Måling", "NCMP")])],
    })
    assert notes == ()
    assert [(r.year, r.counts) for r in catalogue.releases] == [
        (2015, {"NCMP": 1, "NCSP": 1}), (2016, {"NCSP": 2}), (2017, {"NCMP": 1, "NCSP": 1})
    ]
    assert [(c.code, c.years, c.active, c.text) for c in catalogue.codes] == [
        ("AAA00", (2015, 2016), False, "Kraniotomi"),
        ("AAA10", (2016, 2017), True, "Biopsi via"),
        ("ABCD12", (2015, 2017), True, "Måling"),
    ]
    aaa00 = catalogue.codes[0]
    assert aaa00.versions == (
        CodeVersion.at(2015, "NCSP", "Kraniotomi", Location("a.txt", 1)),
        CodeVersion.at(2016, "NCSP", "Kraniotomi", Location("b.txt", 1)),
    )


def test_duplicates_merged_and_conflicts_refused() -> None:
    first = result("a.txt", [("AAA00", "Kraniotomi", "NCSP")], (Diagnostic(Location("a.txt", 9), "blank-line"),))
    again = result("b.txt", [("AAA00", "Kraniotomi", "NCSP")])
    catalogue, notes = build_catalogue({2016: [first, again]})
    assert notes == (Diagnostic(Location("a.txt", 9), "blank-line"), Diagnostic(Location("b.txt", 1), "duplicate-merged", "AAA00 repeats a.txt:1"))
    assert catalogue.codes[0].versions == (CodeVersion.at(2016, "NCSP", "Kraniotomi", Location("a.txt", 1)),)

    def error(*results: FileResult) -> str:
        with pytest.raises(InputError) as info:
            build_catalogue({2015: [result("o.txt", [("AAA00", "Eldre", "NCSP")])], 2016: list(results)})
        return str(info.value)

    assert error(first, result("b.txt", [("AAA00", "Annen tekst", "NCSP")])) == (
        "b.txt:1: code AAA00 appears twice in release 2016 with different texts "
        "(first at a.txt:1: 'Kraniotomi'; here: 'Annen tekst')"
    )
    assert error(first, result("b.txt", [("AAA00", "Kraniotomi", "NCMP")])) == (
        "b.txt:1: code AAA00 is NCMP here but NCSP at a.txt:1 in the same release"
    )
    assert error(first, result("b.txt", [("AAA00", "Kraniotomi", None)])).startswith("b.txt:1: no code system for this row")
    with pytest.raises(InputError, match="release 2016 lists no code list"):
        build_catalogue({2016: []})
    with pytest.raises(InputError, match="no releases listed"):
        build_catalogue({})


def test_dataclasses_have_slots_and_pickle() -> None:
    where = Location("a.txt", 3, "column B")
    version = CodeVersion.at(2016, "NCSP", "Kraniotomi", where, (("addon", "true"),))
    code = Code("AAA00", (version, dataclasses.replace(version, year=2017)), True)
    row = SourceRow(where, "AAA00", "Kraniotomi", "NCSP")
    for value in (where, Diagnostic(where, "bom", "x"), row, version, code):
        assert not hasattr(value, "__dict__")
        assert pickle.loads(pickle.dumps(value)) == value
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(value, dataclasses.fields(value)[0].name, None)
    assert code.years == (2016, 2017) and pickle.loads(pickle.dumps(code)).years == (2016, 2017)
    assert dataclasses.replace(code, versions=(version,)).years == (2016,)
    assert "years" not in repr(code) and code == Code("AAA00", code.versions, True)
    assert hash(code) == hash(Code("AAA00", code.versions, True))


def test_equal_texts_kept_once() -> None:
    releases = {
        year: [result(f"{year}.txt", [("AAA00", "".join(["Krani", "otomi", suffix]), "NCSP")])]
        for year, suffix in ((2015, ""), (2016, ""), (2017, " ny"), (2018, " ny"))
    }
    assert releases[2015][0].rows[0].text is not releases[2016][0].rows[0].text
    catalogue, _ = build_catalogue(releases)
    first, second, third, fourth = catalogue.codes[0].versions
    assert first.text is second.text and third.text is fourth.text and second.text != third.text


def test_collector_paused_and_restored() -> None:
    import gc

    from generator.gc_settings import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(InputError):
        build_catalogue({})
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller's pause is left alone
    finally:
        gc.enable()
