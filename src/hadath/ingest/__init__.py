"""Reading articles from files: text, HTML, JSON/JSONL, feeds, WARC, any of them gzipped."""

from hadath.ingest.files import Problem, Record, iter_records

__all__ = ["Problem", "Record", "iter_records"]
