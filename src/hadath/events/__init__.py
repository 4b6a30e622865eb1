"""Event mentions: PLOVER triggers, arguments and flags per sentence; events by deduplication.

- ``stage``: the ``event_mentions`` pipeline stage (``extract.extract_article`` with the
  shipped detector).
- ``lexicon`` (+ ``data/triggers.yaml``, ``data/cues.yaml``): the trigger lexicon and cues.
- ``match``, ``flags``, ``participants``, ``args``, ``extract``: matching, negation /
  future / hypothesis / reported speech, argument candidates, argument rules, mentions.
- ``features``, ``detector``, ``train``: the learned ASSAULT/PROTEST sentence detector,
  the two types trained jointly (``train.train_event_classifier(gsr_dir, out)``).
- ``evaluate``: ``evaluate_gsr`` (``splits=N``: the mean over N cross-validation splits),
  ``evaluate_sentences``, ``evaluate_arguments``, ``evaluate_events`` and ``format_events_table``.
- ``dedup``: ``group_event_mentions(items)``, event mentions → events.
"""
