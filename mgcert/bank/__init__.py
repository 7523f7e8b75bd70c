"""The simulated bank: customers, accounts, identity checks, fees, registrations, cloud."""
