package com.cloudpartner.entitlement.entitlement;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Trial ends and commitment renewals run on a schedule ({@link EntitlementTerms}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EntitlementConfiguration {

}
