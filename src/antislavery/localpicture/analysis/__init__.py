"""The local picture's analysis: plain functions shared by pages, downloads, reports and API.

``stats`` holds the statistics on plain numbers; ``series`` the time series; ``queries`` what
is read from the store; ``national`` the cross-area figures; ``picture`` one area's picture.
"""
