"""Pages of the provision register, the practice library and the gap analysis."""
