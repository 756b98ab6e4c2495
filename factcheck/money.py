"""Currencies: from what a text says (a code, a family such as "riyal", a country) to ISO 4217.

Words like دولار or "euro" name one currency; ريال, دينار, جنيه, "pound" name a family shared by
several countries.  A qualifier (دينار كويتي, "Saudi riyal") says whose: the country's currency
comes from CLDR (babel).  Without one, the locale's region decides when its currency is of that
family (جنيه in ar-EG is EGP); otherwise the family is kept, and reported as such, because
guessing would make a verdict about the wrong money.

>>> resolve_currency("dinar", country="KW")
'KWD'
>>> resolve_currency("pound", region="EG"), resolve_currency("pound")
('EGP', 'pound')
"""

from __future__ import annotations

import functools

__all__ = ["is_iso_code", "resolve_currency"]


def is_iso_code(value: str) -> bool:
    return len(value) == 3 and value.isascii() and value.isupper()


@functools.cache
def _territory_currency(country: str) -> str | None:
    from babel.numbers import get_territory_currencies

    found = get_territory_currencies(country)  # [] for a territory CLDR does not know
    return found[0] if found else None


@functools.cache
def _family(code: str) -> str:
    """The family of an ISO code from its CLDR English name: "Saudi Riyal" -> "riyal"."""
    from babel.numbers import get_currency_name

    return get_currency_name(code, locale="en").split()[-1].lower()


def resolve_currency(value: str, country: str | None = None, region: str | None = None) -> str:
    """An ISO 4217 code when the text (or the locale) says which currency, else the family."""
    if country is not None:
        code = _territory_currency(country)
        if code is not None:
            return code
    if is_iso_code(value):
        return value
    if region is not None:
        code = _territory_currency(region)
        if code is not None and _family(code) == value:
            return code
    return value
