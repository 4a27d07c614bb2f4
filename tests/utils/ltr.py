"""Left-to-right islands in Urdu text: a CNIC, phone number, email or figure must read
in its own order, on one line, whatever the text around it does."""

from __future__ import annotations

from playwright.sync_api import Locator, expect

# Where each of ``groups`` is drawn inside the element: its first text range's box.
_GROUP_BOXES_JS = """(element, groups) => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let text = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push([node, text.length]);
    text += node.data;
  }
  const rangeAt = (start, length) => {
    const range = document.createRange();
    for (const [node, offset] of nodes) {
      if (start >= offset && start < offset + node.data.length) {
        range.setStart(node, start - offset);
      }
      const end = start + length;
      if (end > offset && end <= offset + node.data.length) {
        range.setEnd(node, end - offset);
      }
    }
    return range;
  };
  let from = 0;
  return groups.map((group) => {
    const at = text.indexOf(group, from);
    if (at < 0) return null;
    from = at + group.length;
    const box = rangeAt(at, group.length).getClientRects()[0];
    return { left: box.left, top: box.top, bottom: box.bottom };
  });
}"""


def assert_reads_left_to_right(element: Locator, groups: list[str]) -> None:
    """``groups`` (in reading order) are drawn left to right, on one line."""
    expect(element).to_be_visible()
    boxes = element.evaluate(_GROUP_BOXES_JS, groups)
    text = element.text_content()
    assert None not in boxes, f"{groups} are not all in {text!r}"
    lefts = [box["left"] for box in boxes]
    assert lefts == sorted(lefts) and len(set(lefts)) == len(lefts), (
        f"{text!r} is drawn out of order: {list(zip(groups, lefts, strict=True))}"
    )
    tops = {round(box["top"]) for box in boxes}
    assert len(tops) == 1, f"{text!r} is broken over lines: {list(zip(groups, boxes, strict=True))}"
