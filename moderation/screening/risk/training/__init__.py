"""Training the statistical layer of risk screening (`risk.model`).

`train` is the command (`make train-screening`); `examples` reads the labelled posts,
`fitting` turns them into features and fits the classifier, `cross_validation` scores
each post by a model that never saw it, `with_rules` chooses the thresholds with the
concept rules beside the model, and `compare` prints the model-selection table.
scikit-learn and scipy are needed here only, not at run time.
"""
