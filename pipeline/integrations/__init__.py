"""Bridges to the tools news people already use: spaCy, Hugging Face datasets, FollowTheMoney.

Each module imports its library only when one of its functions is called.
"""
