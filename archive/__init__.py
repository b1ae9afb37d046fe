"""Statement Archive: a searchable, citable archive of political press releases."""
