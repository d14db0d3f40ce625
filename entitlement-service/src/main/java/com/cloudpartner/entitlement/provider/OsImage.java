package com.cloudpartner.entitlement.provider;

/**
 * A public operating system image the cloud boots servers from.
 *
 * @param id what a server's {@code image} names, for example {@code ubuntu-24.04}
 * @param displayName the image's name for people
 * @param osFamily LINUX or WINDOWS
 */
public record OsImage(String id, String displayName, String osFamily) {

}
