"""Reading articles from files: text, HTML, JSON/JSONL, feeds, WARC, any of them gzipped."""

from hadath.ingest.files import iter_records
from hadath.ingest.records import Problem, Record

__all__ = ["Problem", "Record", "iter_records"]
