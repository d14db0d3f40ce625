-- One database per service (each service's Flyway migrates its own at start).
create database partner_service;
create database entitlement_service;
create database billing_service;
