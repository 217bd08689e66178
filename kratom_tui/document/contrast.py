"""WCAG 2 contrast between two colours, so every theme's text can be checked and made readable.

Colours are (red, green, blue) tuples of 0-255; nothing here knows about Textual or Rich.
"""

from __future__ import annotations

RGB = tuple[int, int, int]

MINIMUM_CONTRAST = 4.5
"""WCAG AA for normal text."""
BLACK: RGB = (0, 0, 0)
WHITE: RGB = (255, 255, 255)


def _channel(value: int) -> float:
    scaled = value / 255
    return scaled / 12.92 if scaled <= 0.03928 else ((scaled + 0.055) / 1.055) ** 2.4


def luminance(color: RGB) -> float:
    red, green, blue = color
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast(first: RGB, second: RGB) -> float:
    """From 1 (same colour) to 21 (black on white)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(color: RGB, toward: RGB, amount: float) -> RGB:
    return tuple(round(a + (b - a) * amount) for a, b in zip(color, toward, strict=True))  # type: ignore[return-value]


def best_text_on(background: RGB) -> RGB:
    """Black or white, whichever reads better; one of them always reaches 4.5:1."""
    return BLACK if contrast(BLACK, background) >= contrast(WHITE, background) else WHITE


def readable(color: RGB, background: RGB, minimum: float = MINIMUM_CONTRAST) -> RGB:
    """`color`, moved toward black or white only as far as it takes to reach `minimum`."""
    if contrast(color, background) >= minimum:
        return color
    target = best_text_on(background)
    for step in range(1, 21):
        moved = mix(color, target, step / 20)
        if contrast(moved, background) >= minimum:
            return moved
    return target


def distance(first: RGB, second: RGB) -> float:
    """How far apart two colours look (a weighted RGB distance, good enough to tell hues apart)."""
    mean_red = (first[0] + second[0]) / 2
    red, green, blue = (a - b for a, b in zip(first, second, strict=True))
    return ((2 + mean_red / 256) * red * red + 4 * green * green + (2 + (255 - mean_red) / 256) * blue * blue) ** 0.5
