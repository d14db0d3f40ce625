package com.cloudpartner.entitlement.catalog;

/** What kind of product: cloud infrastructure charged by use, or a licence. */
public enum Family {

	IAAS, LICENSE

}
