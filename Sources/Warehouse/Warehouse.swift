// Warehouse module: placeholder until its issue lands.
