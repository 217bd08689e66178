"""One YAML loader for the library: libyaml's when PyYAML has it (much faster), safe either way."""

from __future__ import annotations

from typing import Any

import yaml

SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_with_nodes(text: str) -> tuple[yaml.Node | None, Any]:
    """Parse once, returning the node tree (for line numbers) and the plain data."""
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data
