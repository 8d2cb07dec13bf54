// ReportRendering module: placeholder until its issue lands.
