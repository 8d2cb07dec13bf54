// InvestmentQueries module: placeholder until its issue lands.
