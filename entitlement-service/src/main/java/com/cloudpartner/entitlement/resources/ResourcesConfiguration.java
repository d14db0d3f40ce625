package com.cloudpartner.entitlement.resources;

import com.cloudpartner.entitlement.jobs.JobsProperties;
import com.cloudpartner.entitlement.metering.MeteringProperties;
import com.cloudpartner.entitlement.provider.simulated.SimulatedProviderProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Settings of resources, jobs, the simulated provider and metering; the hourly meter's
 * schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ ResourcesProperties.class, JobsProperties.class, SimulatedProviderProperties.class,
		MeteringProperties.class })
class ResourcesConfiguration {

}
