"""Pelican side of the benchmark: the same pages as briefing-gen builds.

Records are articles in one category per section (events in `timeline`);
figures and tag notes are pages that are read but not written; the `xref`
plugin builds the cross-references (quotes by person, citations by source
paragraph...) once, as a Pelican user would, so no template scans every article.
"""

import math

SITENAME = "__TITLE__"
SITEURL = ""
RELATIVE_URLS = True
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE = (2020, 1, 1)
PATH = "content"
THEME = "theme"
THEME_STATIC_DIR = "static"
ARTICLE_PATHS = ["quotes", "takeaways", "summits", "people", "sources", "events"]
PAGE_PATHS = ["pages", "figures", "tagnotes"]
STATIC_PATHS = ["extra"]
EXTRA_PATH_METADATA = {"extra/robots.txt": {"path": "robots.txt"}}
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["xref"]
DELETE_OUTPUT_DIRECTORY = True
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DEFAULT_PAGINATION = False
SUMMARY_MAX_LENGTH = 50
JINJA_FILTERS = {"log": math.log}

ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_SAVE_AS = "tags/index.html"
PAGE_URL = "pages/{slug}/"
PAGE_SAVE_AS = "pages/{slug}/index.html"
DIRECT_TEMPLATES = ["index", "tags", "sitemap", "404"]
SITEMAP_SAVE_AS = "sitemap.xml"
INDEX_SAVE_AS = "index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

FEED_DOMAIN = "__BASE_URL__"
FEED_ALL_ATOM = "feed.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
FEED_MAX_ITEMS = 50
