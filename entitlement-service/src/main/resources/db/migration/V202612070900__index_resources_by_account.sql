-- GET /v1/accounts/{a}/resources: a partner's resources across its customers, newest first
create index resource_by_account on resource (account_id, create_time desc, id desc);
