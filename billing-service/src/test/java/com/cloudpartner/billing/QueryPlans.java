package com.cloudpartner.billing;

import tools.jackson.databind.JsonNode;

/** Reading PostgreSQL's plans of {@code explain (analyze, format json)} in tests. */
public final class QueryPlans {

	private QueryPlans() {
	}

	/**
	 * Rows of the relation the plan returned or filtered out, over all its loops: what a
	 * query read of a table, whichever way it went.
	 */
	public static long rowsTouched(JsonNode node, String relation) {
		long rows = 0;
		if (relation.equals(node.path("Relation Name").asString(""))) {
			long loops = node.path("Actual Loops").asLong(1);
			rows += (node.path("Actual Rows").asLong(0) + node.path("Rows Removed by Filter").asLong(0)
					+ node.path("Rows Removed by Index Recheck").asLong(0)) * loops;
		}
		for (JsonNode child : node.path("Plans")) {
			rows += rowsTouched(child, relation);
		}
		return rows;
	}

}
