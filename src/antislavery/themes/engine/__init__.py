"""The theme engine: codebook, segmentation, rules, model and suggestions.

Pure Python and scikit-learn; it imports no Django models, so the command line and the
benchmark use it offline and the web app wraps it with the database.
"""
