"""qagraph.html.page: answer excerpts as safe HTML, plain prose without the Markdown parser."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from qagraph.html.page import excerpt_html, markdown_parser, render_markdown

# prose, and every character that could make a line more than a paragraph
ALPHABET = st.sampled_from(list("ab cé中 ,.;:?'()%$@/^{}|\"") + ["\n", "\n\n", "  ", "    ", "\t", "-", "+", "=", "#",
                                                                  "~", "1.", "2)", "*", "_", "`", "[", "]", "<", ">",
                                                                  "&", "!", "\\", "\u00a0", "\u2028", "\x00", "\r"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_plain_prose_renders_as_markdown_it_renders_it(text):
    assert render_markdown(text) == markdown_parser().render(text)


# every character class the cleaner could treat apart: C0 and C1 controls, odd spaces, noncharacters,
# the replacement character, astral characters, entities' ingredients
WIDE = st.one_of(ALPHABET, st.sampled_from(["\x7f", "\x80", "\x85", "\x9f", "\u200b", "\ufeff", "\ufdd0", "\ufffd",
                                            "\uffff", "\U0001f600", "\U0010ffff", "&amp;", "&#34;", ";", "=\"x\""]),
                 st.characters(blacklist_categories=["Cs"]))


@settings(max_examples=3000, deadline=None)
@given(st.lists(WIDE, max_size=40).map("".join))
def test_plain_prose_excerpts_are_what_the_cleaner_gives(text):
    """Plain prose skips nh3 as well as the parser (0.8 s of a 36k atlas): it must come out
    as nh3 cleans markdown-it's rendering, character for character."""
    import nh3

    import qagraph.html.page as page

    expected = nh3.clean(page.render_markdown(page.excerpt_markdown(text)), tags=page._TAGS,
                         attributes=page._ATTRIBUTES, url_schemes=page._URL_SCHEMES, link_rel="noopener noreferrer",
                         strip_comments=True) if page.excerpt_markdown(text) else ""
    assert excerpt_html(text) == expected


def test_plain_prose_skips_the_parser_and_markdown_does_not(monkeypatch):
    import qagraph.html.page as page

    calls: list[str] = []
    real = page.markdown_parser().render
    monkeypatch.setattr(page.markdown_parser(), "render", lambda text: calls.append(text) or real(text))
    prose = 'Photosynthesis turns light into "chemical" energy (in plants).\n\nIt happens in chloroplasts.'
    assert excerpt_html(prose) == ("<p>Photosynthesis turns light into \"chemical\" energy (in plants).</p>\n"
                                   "<p>It happens in chloroplasts.</p>\n")
    assert calls == []
    assert excerpt_html("1. **First** step") == "<ol>\n<li><strong>First</strong> step</li>\n</ol>\n"
    assert calls == ["1. **First** step"]
