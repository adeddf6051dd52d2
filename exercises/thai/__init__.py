"""Thai-aware answer checking: one spelling for every way of typing a text, and named near misses.

`normalize(text)` maps every way keyboards and phones produce the same Thai text to one string;
`compare(expected, typed)` names what is wrong with a typed answer at grapheme-cluster level.
"""

from exercises.thai.compare import Comparison, Diff, clusters, compare
from exercises.thai.normalize import normalize
from exercises.thai.sounds import SOUND_GROUPS, same_sound

__all__ = ["SOUND_GROUPS", "Comparison", "Diff", "clusters", "compare", "normalize", "same_sound"]
