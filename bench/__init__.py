"""The benchmark suite (issue 8): a national-scale synthetic dataset on PostgreSQL and the
measurements with their budgets. Run it with `make bench`; docs/performance.md explains it.
Not part of the test run: pytest collects only tests/."""
