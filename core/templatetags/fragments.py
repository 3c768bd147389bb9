"""``{% fragment seconds "name" key... %}...{% endfragment %}``: a part of a page kept
rendered until a table it read is written (``core.fragments``)."""

from dataclasses import dataclass

from django import template
from django.template.base import FilterExpression, Parser, Token

from core import fragments

register = template.Library()


@dataclass(eq=False)
class FragmentNode(template.Node):
    nodelist: template.NodeList
    seconds: FilterExpression
    name: FilterExpression
    vary_on: list[FilterExpression]

    def render(self, context: template.Context) -> str:
        seconds = self.seconds.resolve(context)
        try:
            seconds = int(seconds)
        except (TypeError, ValueError) as error:
            raise template.TemplateSyntaxError(
                f"fragment seconds must be a number, not {seconds!r}"
            ) from error
        return fragments.render(
            self.name.resolve(context),
            seconds,
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
