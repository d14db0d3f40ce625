package com.cloudpartner.entitlement.catalog;

/**
 * A quantity that usage of a SKU is reported on.
 *
 * @param meter the meter name, e.g. {@code vm-hours}
 * @param unit what it counts
 */
public record Meter(String meter, Unit unit) {

}
