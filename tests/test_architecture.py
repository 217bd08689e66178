"""The shape of the code: no import cycles, and the layers import-linter checks stay as they are."""

from __future__ import annotations

import grimp
import pytest


def test_no_module_imports_itself_through_others() -> None:
    graph = grimp.build_graph("kratom_tui", exclude_type_checking_imports=True)
    cycles = sorted(
        (module, imported)
        for module in graph.modules
        for imported in graph.find_modules_directly_imported_by(module)
        if graph.chain_exists(importer=imported, imported=module)
    )
    assert cycles == []


def test_the_import_contracts_hold() -> None:
    lint_imports = pytest.importorskip("importlinter.cli")
    assert lint_imports.lint_imports() == 0
