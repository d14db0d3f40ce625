package com.cloudpartner.billing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs after every other billing integration test (ordered last) and checks that each
 * place in billing-service's code that executes SQL ran at least once on real PostgreSQL
 * during them ({@link SqlCoverage}). Writes the map of each place to the first test that
 * ran it to {@code target/sql-coverage.txt}: that is the "which test executes this query"
 * table, per query class.
 * <p>
 * The claim is about the whole suite, so the check only runs when the whole suite ran in
 * this JVM: every concrete {@link BillingIntegrationTest} on the test classpath that is
 * not {@link Disabled} must have run a test. When only some of them ran (one IT from the
 * IDE, {@code -Dit.test=...}), a statement not executed says nothing, and the check is
 * skipped (aborted, naming the classes that did not run) rather than failed. Comparing
 * with the classes themselves rather than with a count means that a new integration test
 * class joins the check without anyone raising a threshold, and that leaving out any one
 * class, however small, never counts as a full run.
 */
@Order(Integer.MAX_VALUE)
class SqlCoverageIT {

	private static final Path SOURCES = Path.of("src/main/java/com/cloudpartner/billing");

	@Test
	void everyStatementOfBillingRanInAnIntegrationTest() throws IOException {
		Set<String> notRun = new TreeSet<>(integrationTestClasses());
		notRun.removeAll(SqlCoverage.CLASSES_RUN);
		assumeTrue(notRun.isEmpty(), () -> "checked only when every billing integration test runs; not run: " + notRun);
		Map<String, String> sites = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				String name = SOURCES.relativize(file).toString().replace('\\', '/');
				for (int line : SqlCallSites.in(Files.readString(file))) {
					sites.put(name + ":" + line, SqlCoverage.EXECUTED.get(name + ":" + line));
				}
			}
		}
		List<String> report = new ArrayList<>();
		sites.forEach((site, test) -> report.add(site + " " + ((test != null) ? test : "NOT EXECUTED")));
		Files.write(Path.of("target/sql-coverage.txt"), report);
		assertThat(sites).as("places that execute SQL").isNotEmpty();
		assertThat(sites.entrySet().stream().filter((e) -> e.getValue() == null).map(Map.Entry::getKey).toList())
			.as("SQL that no integration test executed (target/sql-coverage.txt; executed: %s)",
					SqlCoverage.EXECUTED.keySet())
			.isEmpty();
	}

	/** Every billing integration test class that would run in a full run. */
	private static Set<String> integrationTestClasses() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(BillingIntegrationTest.class));
		scanner.addExcludeFilter(new AnnotationTypeFilter(Disabled.class));
		return scanner.findCandidateComponents(BillingIntegrationTest.class.getPackageName())
			.stream()
			.map(BeanDefinition::getBeanClassName)
			.collect(Collectors.toSet());
	}

}
