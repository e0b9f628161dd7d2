"""Statistical named-entity recognition: per-language features, a CRF tagger, training."""
