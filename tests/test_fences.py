"""Fenced code is skipped the same way by every translation check (tiw/translation/fences.py): the
parity lint, the XLIFF segments and the paragraph diff see no structure or text inside a fence."""

from __future__ import annotations

from tiw.translation import parity
from tiw.translation.fences import code_lines
from tiw.translation.freshness import paragraphs
from tools.exchange.segments import segment_page

PAGE = """# Title

Before the code.

````md
```
# Not a heading
```

- not a list item
````

~~~
[not a link](nowhere.md)
~~~

- after
"""


def test_a_fence_closes_only_at_its_own_character_and_length():
    lines = PAGE.split("\n")
    assert [n + 1 for n, code in enumerate(code_lines(lines)) if code] == [5, 6, 7, 8, 9, 10, 11, 13, 14, 15]


def test_the_checks_see_nothing_inside_the_fences():
    st = parity.parse(PAGE, "p.md")
    assert [h.text for h in st.headings] == ["Title"]
    assert st.links == []
    assert [b.show for b in st.blocks["list"]] == ["bulleted list of 1 item"]
    assert [s.raw for s in segment_page(PAGE)] == ["Title", "Before the code.", "after"]
    # the blank line inside the fence does not split its block
    assert [line for line, _ in paragraphs(PAGE)] == [1, 3, 5, 13, 17]
