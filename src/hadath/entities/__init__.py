"""Named-entity recognition: PER, ORG, LOC and MISC mentions in Arabic news text.

``crf.tag_tokens(text, tokens)`` is the runtime path; ``train.train_ner`` builds the
model from ANERcorp-style data, ``evaluate.evaluate_ner`` scores it, and
``clusters.build_clusters`` learns the word clusters it uses as features.
"""
