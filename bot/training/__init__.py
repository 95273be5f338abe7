"""Units, assignments, results and reports: what instructors and admins do."""
