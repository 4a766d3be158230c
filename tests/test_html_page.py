"""qagraph.html.page: answer excerpts as safe HTML, plain prose without the Markdown parser."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from qagraph.html.page import _md, excerpt_html, render_markdown

# prose, and every character that could make a line more than a paragraph
ALPHABET = st.sampled_from(list("ab cé中 ,.;:?'()%$@/^{}|\"") + ["\n", "\n\n", "  ", "    ", "\t", "-", "+", "=", "#",
                                                                  "~", "1.", "2)", "*", "_", "`", "[", "]", "<", ">",
                                                                  "&", "!", "\\", "\u00a0", "\u2028", "\x00", "\r"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_plain_prose_renders_as_markdown_it_renders_it(text):
    assert render_markdown(text) == _md.render(text)


def test_plain_prose_skips_the_parser_and_markdown_does_not(monkeypatch):
    import qagraph.html.page as page

    calls: list[str] = []
    real = page._md.render
    monkeypatch.setattr(page._md, "render", lambda text: calls.append(text) or real(text))
    prose = 'Photosynthesis turns light into "chemical" energy (in plants).\n\nIt happens in chloroplasts.'
    assert excerpt_html(prose) == ("<p>Photosynthesis turns light into \"chemical\" energy (in plants).</p>\n"
                                   "<p>It happens in chloroplasts.</p>\n")
    assert calls == []
    assert excerpt_html("1. **First** step") == "<ol>\n<li><strong>First</strong> step</li>\n</ol>\n"
    assert calls == ["1. **First** step"]
