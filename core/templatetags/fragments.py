"""``{% fragment seconds "name" key... %}...{% endfragment %}``: a part of a page kept
rendered until a table it read is written (``core.fragments``).

``{% kept_rows seconds "name" keys rows as row [marking words] [of batch] %}...
{% endkept_rows %}``: the body rendered for each row named by ``keys`` (anything with a
``pk``, in the order shown), each kept as its own fragment; the rows not kept are read
from the queryset ``rows`` in one query. With ``marking``, the words of a text query are
marked in each row's text (``core.templatetags.search.highlighter``). With ``of``, the
keys are one group of ``batch`` (a page shown in groups), and the rows of the whole batch
are drawn with the first group."""

from dataclasses import dataclass

from django import template
from django.template.base import FilterExpression, Parser, Token
from django.utils.safestring import mark_safe

from core import fragments
from core.templatetags.search import highlighter

register = template.Library()


def _seconds(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError) as error:
        raise template.TemplateSyntaxError(
            f"fragment seconds must be a number, not {value!r}"
        ) from error


@dataclass(eq=False)
class FragmentNode(template.Node):
    nodelist: template.NodeList
    seconds: FilterExpression
    name: FilterExpression
    vary_on: list[FilterExpression]

    def render(self, context: template.Context) -> str:
        return fragments.render(
            self.name.resolve(context),
            _seconds(self.seconds.resolve(context)),
            [part.resolve(context) for part in self.vary_on],
            lambda: self.nodelist.render(context),
        )


@register.tag("fragment")
def do_fragment(parser: Parser, token: Token) -> FragmentNode:
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes at least two arguments.")
    seconds, name, *vary_on = (parser.compile_filter(bit) for bit in bits[1:])
    return FragmentNode(nodelist, seconds, name, vary_on)


@dataclass(eq=False)
class KeptRowsNode(template.Node):
    nodelist: template.NodeList
    seconds: FilterExpression
    name: FilterExpression
    keys: FilterExpression
    rows: FilterExpression
    as_name: str
    marking: FilterExpression | None = None
    batch: FilterExpression | None = None

    def render(self, context: template.Context) -> str:
        keys = self.keys.resolve(context) or ()
        batch = self.batch.resolve(context) if self.batch else keys
        # The rows of the whole batch (a page shown in groups) are drawn at once, when the
        # first group is rendered: one round trip to the cache, one query for the rest.
        drawn = context.render_context.get(self)
        if drawn is None or drawn[0] is not batch:
            marking = self.marking.resolve(context) if self.marking else None
            drawn = (
                batch,
                self._draw(context, [key.pk for key in batch or ()]),
                highlighter(marking) if marking else mark_safe,
            )
            context.render_context[self] = drawn
        _batch, html, mark = drawn
        return mark_safe("".join(mark(html[key.pk]) for key in keys if key.pk in html))  # noqa: S308

    def _draw(self, context: template.Context, pks: list[object]) -> dict[object, str]:
        def render_row(row: object) -> str:
            with context.push({self.as_name: row}):
                return self.nodelist.render(context)

        return fragments.render_rows(
            self.name.resolve(context),
            _seconds(self.seconds.resolve(context)),
            pks,
            # Resolved only for rows not kept: building a queryset has its own cost.
            lambda missing: self.rows.resolve(context).filter(pk__in=missing),
            render_row,
        )


_KEPT_ROWS = 'seconds "name" keys rows as row [marking words] [of batch]'


@register.tag("kept_rows")
def do_kept_rows(parser: Parser, token: Token) -> KeptRowsNode:
    nodelist = parser.parse(("endkept_rows",))
    parser.delete_first_token()
    bits = token.split_contents()
    if len(bits) < 7 or bits[5] != "as" or len(bits) % 2 == 0:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes: {_KEPT_ROWS}")
    options = dict(zip(bits[7::2], bits[8::2], strict=True))
    if not options.keys() <= {"marking", "of"}:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes: {_KEPT_ROWS}")
    seconds, name, keys, rows = (parser.compile_filter(bit) for bit in bits[1:5])
    compiled = {option: parser.compile_filter(value) for option, value in options.items()}
    return KeptRowsNode(
        nodelist,
        seconds,
        name,
        keys,
        rows,
        bits[6],
        marking=compiled.get("marking"),
        batch=compiled.get("of"),
    )
