"""Charts drawn on the server as inline SVG: no JavaScript, no CDN, readable on a phone.

Every text that goes into the SVG is escaped here; the result is safe to put in a page.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

WIDTH = 320  # viewBox units; the SVG scales to its box (100 % wide)
ROW = 40
BAR = 14
LABEL_SIZE = 13


def bar_chart(bars: Sequence[tuple[str, float, str]], title: str, maximum: float = 0.0) -> Markup:
    """Horizontal bars, one per (label, value, value as text), each label above its bar.

    `maximum` is the value of a full bar (default: the largest value), so that two charts of
    shares can both be drawn out of 1.
    """
    top = max([maximum, *(value for _label, value, _text in bars)], default=0.0) or 1.0
    height = max(ROW * len(bars), ROW)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    usable = WIDTH - 60  # room after the longest bar for its value
    for index, (label, value, text) in enumerate(bars):
        y = index * ROW
        width = max(0.0, min(value / top, 1.0)) * usable
        bar_y = y + 18
        parts.append(
            f'<text x="0" y="{y + LABEL_SIZE}" font-size="{LABEL_SIZE}">{escape(label)}</text>'
            f'<rect x="0" y="{bar_y}" width="{usable}" height="{BAR}" rx="3" class="chart-track"/>'
            f'<rect x="0" y="{bar_y}" width="{width:.1f}" height="{BAR}" rx="3" class="chart-bar"/>'
            f'<text x="{width + 6:.1f}" y="{bar_y + BAR - 2}" font-size="{LABEL_SIZE}" '
            f'class="chart-value">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
