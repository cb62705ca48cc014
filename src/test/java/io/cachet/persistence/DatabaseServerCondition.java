package io.cachet.persistence;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

class DatabaseServerCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		EnabledIfDatabaseServer server = AnnotationSupport
			.findAnnotation(context.getElement(), EnabledIfDatabaseServer.class)
			.orElse(null);
		if (server == null) {
			return ConditionEvaluationResult.enabled("no database server needed");
		}
		if (answers(server)) {
			return ConditionEvaluationResult.enabled(server.name() + " answers");
		}
		String message = server.name() + " does not answer on " + server.host() + ":" + server.port();
		if (required()) {
			throw new IllegalStateException(message + ", and the cross-database tests are required to run");
		}
		return ConditionEvaluationResult.disabled(message + ": skipping (start it, or run .ci/run)");
	}

	static boolean required() {
		return Boolean.getBoolean("cachet.crossdb.required") || "true".equalsIgnoreCase(System.getenv("CI"));
	}

	private static boolean answers(EnabledIfDatabaseServer server) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(server.host(), server.port()), 2000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
