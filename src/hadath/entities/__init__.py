"""Named-entity recognition: PER, ORG, LOC and MISC mentions in Arabic news text.

``tagger.tag_tokens(text, tokens)`` is the runtime path: it runs the neural model
(``neural``: BiLSTM-CRF through onnxruntime) where it beat the CRF (``crf``) on dev,
the CRF otherwise.  ``neural_train.train_neural`` and ``train.train_ner`` build them
from ANERcorp-style data, ``evaluate.evaluate_ner`` scores them, and
``clusters.build_clusters`` and ``vectors.build_vectors`` learn the word clusters and
vectors they use from a news corpus.
"""
