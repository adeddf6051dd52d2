"""The built-in exercise types; importing this package registers them all."""

from exercises.types.gap_fill import GapFill
from exercises.types.listening import Listening
from exercises.types.matching import Matching
from exercises.types.multiple_select import MultipleSelect
from exercises.types.picture_choice import PictureChoice
from exercises.types.single_choice import SingleChoice
from exercises.types.tone import TONES, Tone
from exercises.types.typed_answer import TypedAnswer
from exercises.types.video_checkpoint import VideoCheckpoint
from exercises.types.word_order import WordOrder

__all__ = [
    "TONES",
    "GapFill",
    "Listening",
    "Matching",
    "MultipleSelect",
    "PictureChoice",
    "SingleChoice",
    "Tone",
    "TypedAnswer",
    "VideoCheckpoint",
    "WordOrder",
]
