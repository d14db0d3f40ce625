-- The usage API checks that a batch's customers and entitlements are of the account it
-- names (decision 0057): it looks them up by id alone.
create index customer_by_id on customer (customer_id);
create index entitlement_version_by_id on entitlement_version (entitlement_id);
