"""Event statistics: the reads of the rollups every logged event writes."""
