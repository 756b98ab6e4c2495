"""Text handling: normalisation with exact offsets, tokens, and reading digit runs.

>>> from factcheck.text import normalize
>>> normalize("١٬٢٣٤٫٥").text
'1,234.5'
"""

from factcheck.text.normalize import fold, lookup_key, normalize
from factcheck.text.offsets import NormalizedText

__all__ = ["NormalizedText", "fold", "lookup_key", "normalize"]
