// PostgresClient module: placeholder until its issue lands.
