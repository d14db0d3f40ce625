package com.cloudpartner.entitlement.entitlement;

import java.util.List;
import java.util.Optional;

/**
 * Which SKUs each kind of resource can be created with, so that the purchase options can
 * narrow the SKUs to those of one kind (a console offers only the server types the cloud
 * runs). The resources feature provides the bean; without one, no kind is known.
 */
public interface ResourceSkus {

	/**
	 * The SKU names a kind of resource accepts.
	 * @param kind the collection, for example {@code servers}
	 * @return the SKU resource names, empty when there is no such kind
	 */
	Optional<List<String>> skusOf(String kind);

	/** The kinds, as their collections: {@code servers}, {@code disks}, ... */
	List<String> kinds();

}
