"""Dutch full-text matching with stemming, for small catalogues held in memory.

Dutch glues words together ("vriendendiensten", "netwerkcoach"), so a query stem also matches a word that
starts with it, and — for longer stems — a word that contains it, at a lower weight.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("dutch")
_WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(
    "de het een en of van voor met in op aan bij om te tot door die dat dit deze als ook naar uit over "
    "zijn is wordt worden er hun hij zij ze je u we wij ik mijn niet geen wel meer kan kunnen moet "
    "heeft hebben nog dan maar zo al hoe wat wie waar na naar wil wilt willen maken maakt raken raakt dreigt "
    "gaat gaan komt komen doet doen zou zal kunnen mag moeten was waren werd geen iets veel weinig erg heel "
    "zich zelf hem haar hen ons onze jullie hier daar nu toen altijd nooit soms anderen ander alles "
    "vaste vast".split()
)
MIN_PREFIX = 4
MIN_INFIX = 6


def fold(text):
    """Lower case without accents: 'Cliënt' and 'client' are the same word to a searcher."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=20000)
def stem(word):
    return _STEMMER.stemWord(word)


def stems(text):
    return [stem(w) for w in _WORD.findall(fold(text or "")) if w not in STOPWORDS and len(w) > 1]


class Document:
    """The stems of one searchable item, with a weight per field."""

    __slots__ = ("key", "weighted")

    def __init__(self, key, fields):
        self.key = key
        self.weighted = {}
        for text, weight in fields:
            for s in stems(text):
                self.weighted[s] = max(self.weighted.get(s, 0), weight)

    def match(self, query_stem):
        """Weight of the best match of one query stem in this document (0 if none)."""
        best = self.weighted.get(query_stem, 0)
        if best or len(query_stem) < MIN_PREFIX:
            return best
        for word, weight in self.weighted.items():
            if word.startswith(query_stem):
                best = max(best, weight * 0.8)
            elif len(query_stem) >= MIN_INFIX and query_stem in word:
                best = max(best, weight * 0.5)
        return best

    def score(self, query_stems):
        """(score, matched stems). Every query stem counts once."""
        matched, total = [], 0.0
        for s in dict.fromkeys(query_stems):
            weight = self.match(s)
            if weight:
                matched.append(s)
                total += weight
        return total, matched


MEMO_LIMIT = 5000  # distinct query stems remembered per corpus (a few MB at most)


class Corpus:
    """Many documents with one shared vocabulary, so a query is matched against each distinct word once
    instead of against every word of every document."""

    def __init__(self, documents):
        self.postings = {}
        for doc in documents:
            for word, weight in doc.weighted.items():
                self.postings.setdefault(word, []).append((doc.key, weight))
        self.words = sorted(self.postings)
        self._weights_of = {}  # query stem -> its weights: the corpus never changes, so a stem is matched once

    def _stem_weights(self, query_stem):
        known = self._weights_of.get(query_stem)
        if known is not None:
            return known
        best = {}
        for word in self.words:
            if word == query_stem:
                factor = 1.0
            elif len(query_stem) >= MIN_PREFIX and word.startswith(query_stem):
                factor = 0.8
            elif len(query_stem) >= MIN_INFIX and query_stem in word:
                factor = 0.5
            else:
                continue
            for key, weight in self.postings[word]:
                value = weight * factor
                if value > best.get(key, 0):
                    best[key] = value
        if len(self._weights_of) < MEMO_LIMIT:
            self._weights_of[query_stem] = best
        return best

    def scores(self, query_stems):
        """{document key: (score, matched stems)} for every document that matches at least one stem."""
        result = {}
        for s in dict.fromkeys(query_stems):
            for key, value in self._stem_weights(s).items():
                score, matched = result.get(key, (0.0, []))
                result[key] = (score + value, [*matched, s])
        return result
