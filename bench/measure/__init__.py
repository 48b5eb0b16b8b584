"""The measurements of `make bench`: pages, periodic jobs, HTTP load."""
