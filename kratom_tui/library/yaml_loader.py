"""One YAML loader for every file the reader parses: articles, safety notes and settings.

libyaml's parser when PyYAML has it (much faster), safe tags only either way, and bounded: the node
tree is measured before anything is built from it, so a few hundred bytes of nested aliases
("billion laughs") or a very deep nesting is refused with an error instead of filling memory or
the stack. Every scalar, mapping keys included, is free of control characters when it is built.
"""

from __future__ import annotations

from typing import Any

import yaml

from kratom_tui.library.sanitize import first_control, strip_controls

SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 32
"""Nesting levels of lists and mappings; front matter needs three or four."""
MAX_EXPANDED = 1_000_000
"""Nodes plus characters of scalars, counting each alias as a full copy of what it names: about
what building the data and turning it into text could cost. Input without aliases stays well
below this (the front matter itself is at most 1 MB)."""


class YAMLTooLarge(yaml.MarkedYAMLError):
    """The YAML parses but is refused: too deep, too large once its aliases are expanded, or cyclic."""

    def __init__(self, problem: str, node: yaml.Node) -> None:
        super().__init__(problem=problem, problem_mark=node.start_mark)


def load_with_nodes(text: str) -> tuple[yaml.Node | None, Any]:
    """Parse once, returning the node tree (for line numbers) and the plain data.

    Raises yaml.YAMLError for invalid YAML and YAMLTooLarge for YAML beyond the limits above.
    """
    if first_control(text) is not None:
        text = strip_controls(text)
    loader = SafeLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:
            # The pure-Python composer recurses once per level; libyaml stops at 1,000 levels itself.
            raise yaml.YAMLError("nested too deeply") from None
        if node is None:
            return None, None
        if "&" in text:
            _measure(node)
        else:
            _check_depth(node)
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    return node, data


def load_data(text: str) -> Any:
    return load_with_nodes(text)[1]


def _clean(node: yaml.ScalarNode) -> None:
    """The text itself has no controls, so only escapes (`\\e`, `\\x1b`) of double-quoted scalars can make one."""
    if node.style == '"':
        node.value = strip_controls(node.value)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_depth(root: yaml.Node) -> None:
    """Without anchors there are no aliases: each node is built once, so only the depth needs a limit."""
    if isinstance(root, yaml.ScalarNode):
        _clean(root)
        return
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise YAMLTooLarge(f"nested more than {MAX_DEPTH} levels deep", node)
        for child in _children(node):
            if isinstance(child, yaml.ScalarNode):
                _clean(child)
            else:
                stack.append((child, depth + 1))


def _measure(root: yaml.Node) -> None:
    """Refuse trees beyond MAX_DEPTH or MAX_EXPANDED and cycles; clean scalars.

    Iterative (no recursion on the input's depth) and linear in the number of distinct nodes: each
    node's expanded size and height are computed once, an alias reuses them.
    """
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            children = _children(node)
            size[key] = 1 + sum(size[id(child)] for child in children)
            height[key] = 1 + max((height[id(child)] for child in children), default=0)
            if height[key] > MAX_DEPTH:
                raise YAMLTooLarge(f"nested more than {MAX_DEPTH} levels deep", node)
            if size[key] > MAX_EXPANDED:
                raise YAMLTooLarge("too large once its aliases (*name) are expanded", node)
            continue
        if key in size:
            continue
        if key in on_path:
            raise YAMLTooLarge("an alias refers to the list or mapping that contains it", node)
        if isinstance(node, yaml.ScalarNode):
            _clean(node)
            size[key], height[key] = 1 + len(node.value), 0
            continue
        on_path.add(key)
        stack.append((node, True))
        if len(on_path) > MAX_DEPTH + 1:
            raise YAMLTooLarge(f"nested more than {MAX_DEPTH} levels deep", node)
        stack.extend((child, False) for child in _children(node) if id(child) not in size)
