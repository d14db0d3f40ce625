-- "has this partner ever resold the offer" also looks at the change history
create index entitlement_change_by_offer on entitlement_change (offer_id, account_id);
