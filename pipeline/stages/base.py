"""The stage protocol: what every processor declares and implements."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterable, TypeVar

from ..types import Document

if TYPE_CHECKING:
    from ..tokenizers import Memo

#: The closed vocabulary of what stages require and provide.
CAPABILITIES = frozenset({
    "text", "lang", "sentences", "tokens", "tokens.pos", "entities",
    "entities.norm", "entities.canonical", "events",
})

T = TypeVar("T")


@dataclass(frozen=True)
class NoConfig:
    """Config of a stage that takes no settings."""


class Shared:
    """Resources shared by the stages of one pipeline in one process (KB, dictionaries).

    A resource is built by its factory the first time a stage asks for it.
    """

    def __init__(self, run: Any) -> None:
        self.run = run
        self._items: dict[str, Any] = {}

    def get(self, key: str, factory: Callable[[], T]) -> T:
        if key not in self._items:
            self._items[key] = factory()
        return self._items[key]

    def analysis(self, name: str) -> Memo:
        """The pipeline's memoized analyser ``name`` (a key of :data:`pipeline.tokenizers.ANALYSERS`):
        the tokenize stage and the NER featurizers get the same one, so a sentence is analysed once."""
        from ..tokenizers import ANALYSERS

        return self.get(f"analysis:{name}", ANALYSERS[name])


class Stage:
    """One processing step. Subclasses set the class attributes and implement ``process``.

    ``__init__`` must stay cheap; heavy resources are loaded in ``setup`` (once per process).
    """

    name: ClassVar[str] = ""
    requires: ClassVar[frozenset[str]] = frozenset()
    provides: ClassVar[frozenset[str]] = frozenset()
    Config: ClassVar[type] = NoConfig

    def __init__(self, config: Any, shared: Shared) -> None:
        self.config = config
        self.shared = shared

    def setup(self) -> None:
        """Load models, dictionaries and tables. Called once before the first document."""

    def process(self, doc: Document) -> None:
        """Annotate ``doc`` in place."""
        raise NotImplementedError

    def process_batch(self, docs: Iterable[Document]) -> None:
        """Annotate several documents; model stages override this to batch inference."""
        for doc in docs:
            self.process(doc)
