package com.cloudpartner.billing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records where billing's code sends SQL during the integration tests: the class and line
 * of the call that executed a statement (the end of a {@code JdbcClient} chain, a
 * {@code batchUpdate}, the export's cursor), with the test that was running.
 * SqlCoverageIT holds the record against every such call in the sources, so that a
 * statement no integration test runs on real PostgreSQL fails the build.
 */
final class SqlCoverage {

	/**
	 * Call site ({@code invoice/InvoiceStore.java:123}) to the first test that ran it.
	 */
	static final Map<String, String> EXECUTED = new ConcurrentHashMap<>();

	/** The integration test classes that ran a test in this JVM. */
	static final Set<String> CLASSES_RUN = ConcurrentHashMap.newKeySet();

	private static volatile String currentTest = "(context start)";

	private static final String PACKAGE = "com.cloudpartner.billing.";

	private SqlCoverage() {
	}

	/**
	 * Attributes the statements from now on to a test (statements that a listener or a
	 * run executes in the background go to the test running when they execute).
	 */
	static void testStarted(Class<?> testClass, String method) {
		CLASSES_RUN.add(testClass.getName());
		currentTest = testClass.getSimpleName() + "." + method;
	}

	static void record() {
		for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
			String type = frame.getClassName();
			if (type.startsWith(PACKAGE) && frame.getFileName() != null && !type.endsWith("IT")
					&& !type.contains(".SqlCoverage") && !type.endsWith("Test") && !type.contains("BillingClient")) {
				String folder = type.substring(PACKAGE.length(), type.lastIndexOf('.') + 1).replace('.', '/');
				if (folder.contains("money/") || folder.contains("bench/")) {
					continue;
				}
				EXECUTED.putIfAbsent(folder + frame.getFileName() + ":" + frame.getLineNumber(), currentTest);
				return;
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
		return (T) Proxy.newProxyInstance(SqlCoverage.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object call(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	static DataSource watch(DataSource dataSource) {
		return proxy(DataSource.class, dataSource, (p, method, args) -> {
			if (method.getName().equals("unwrap") && ((Class<?>) args[0]).isInstance(dataSource)) {
				return dataSource;
			}
			if (method.getName().equals("isWrapperFor") && ((Class<?>) args[0]).isInstance(dataSource)) {
				return true;
			}
			Object result = call(dataSource, method, args);
			return (result instanceof Connection connection) ? watch(connection) : result;
		});
	}

	private static Connection watch(Connection connection) {
		return proxy(Connection.class, connection, (p, method, args) -> {
			// a COPY unwraps the driver's connection in the line that runs it
			if (method.getName().startsWith("prepare") || method.getName().equals("unwrap")) {
				record();
			}
			Object result = call(connection, method, args);
			return (result instanceof Statement statement && method.getName().equals("createStatement"))
					? watch(statement) : result;
		});
	}

	private static Statement watch(Statement statement) {
		return proxy(Statement.class, statement, (p, method, args) -> {
			if (method.getName().startsWith("execute") && args != null && args.length > 0
					&& args[0] instanceof String) {
				record();
			}
			return call(statement, method, args);
		});
	}

	/** Wraps the service's data source (imported by every billing integration test). */
	@TestConfiguration(proxyBeanMethods = false)
	static class Watching {

		@Bean
		static BeanPostProcessor sqlCoverage() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return (bean instanceof DataSource dataSource) ? watch(dataSource) : bean;
				}
			};
		}

	}

}
