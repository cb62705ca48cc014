package io.cachet.incident.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.node.AutoEscapeNode;
import io.pebbletemplates.pebble.node.BlockNode;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.ExtendsNode;
import io.pebbletemplates.pebble.node.FlushNode;
import io.pebbletemplates.pebble.node.ForNode;
import io.pebbletemplates.pebble.node.IfNode;
import io.pebbletemplates.pebble.node.ImportNode;
import io.pebbletemplates.pebble.node.IncludeNode;
import io.pebbletemplates.pebble.node.MacroNode;
import io.pebbletemplates.pebble.node.NamedArgumentNode;
import io.pebbletemplates.pebble.node.Node;
import io.pebbletemplates.pebble.node.ParallelNode;
import io.pebbletemplates.pebble.node.PositionalArgumentNode;
import io.pebbletemplates.pebble.node.PrintNode;
import io.pebbletemplates.pebble.node.RootNode;
import io.pebbletemplates.pebble.node.SetNode;
import io.pebbletemplates.pebble.node.TestInvocationExpression;
import io.pebbletemplates.pebble.node.TextNode;
import io.pebbletemplates.pebble.node.expression.ContextVariableExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.FilterInvocationExpression;
import io.pebbletemplates.pebble.node.expression.GetAttributeExpression;
import io.pebbletemplates.pebble.node.expression.LiteralBigDecimalExpression;
import io.pebbletemplates.pebble.node.expression.LiteralBooleanExpression;
import io.pebbletemplates.pebble.node.expression.LiteralDoubleExpression;
import io.pebbletemplates.pebble.node.expression.LiteralIntegerExpression;
import io.pebbletemplates.pebble.node.expression.LiteralLongExpression;
import io.pebbletemplates.pebble.node.expression.LiteralNullExpression;
import io.pebbletemplates.pebble.node.expression.LiteralStringExpression;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.utils.Pair;

/**
 * After a template is parsed, wraps every expression that computes a new value (an
 * operator, a filter, a function, a list or map literal, a ternary) in one that counts a
 * step of the render's budget and checks the size of the value. So no value larger than
 * {@link TemplateBudget#MAX_VALUE_SIZE} ever reaches the next operator, filter or the
 * output, however the template combines them, and a render notices its deadline between
 * any two expressions.
 *
 * <p>
 * Literals and plain variable reads ({@code incident.name}) are left alone: they build
 * nothing, and the variables were checked once before the render.
 *
 * <p>
 * Pebble offers no public way to rewrite the parsed tree, so this walks the fields of its
 * nodes by reflection, staying inside Pebble's own classes. That ties it to Pebble's tree
 * shape (3.2); {@code TemplateRendererTests} fail if an upgrade changes it in a way that
 * lets a large value through.
 */
final class ExpressionGuard extends AbstractExtension {

	private static final Set<Class<?>> LEFT_ALONE = Set.of(LiteralStringExpression.class,
			LiteralIntegerExpression.class, LiteralLongExpression.class, LiteralDoubleExpression.class,
			LiteralBigDecimalExpression.class, LiteralBooleanExpression.class, LiteralNullExpression.class,
			ContextVariableExpression.class, GetAttributeExpression.class, FilterInvocationExpression.class,
			TestInvocationExpression.class, Checked.class);

	@Override
	public List<NodeVisitorFactory> getNodeVisitors() {
		return List.of((template) -> new Visitor());
	}

	static void guard(RootNode root) {
		new Walk().node(root);
	}

	private static final class Walk {

		private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

		void node(Object node) {
			if (!this.seen.add(node)) {
				return;
			}
			for (Class<?> type = node.getClass(); type != null; type = type.getSuperclass()) {
				if (!isPebble(type)) {
					continue;
				}
				for (Field field : type.getDeclaredFields()) {
					if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
						field(node, field);
					}
				}
			}
		}

		private void field(Object node, Field field) {
			try {
				field.setAccessible(true);
				Object value = field.get(node);
				if (value instanceof Expression<?> expression && field.getType().isAssignableFrom(Checked.class)
						&& needsGuard(expression)) {
					field.set(node, new Checked(expression));
				}
				visit(value);
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException("Cannot guard the template's " + field, ex);
			}
		}

		private void visit(Object value) {
			if (value instanceof List<?> list) {
				list(list);
			}
			else if (value instanceof Map<?, ?> map) {
				map.forEach((key, item) -> {
					visit(key);
					visit(item);
				});
			}
			else if (value instanceof Node || value instanceof Pair<?, ?>) {
				node(value);
			}
		}

		@SuppressWarnings("unchecked")
		private void list(List<?> list) {
			ListIterator<Object> items = ((List<Object>) list).listIterator();
			while (items.hasNext()) {
				Object item = items.next();
				if (item instanceof Expression<?> expression && needsGuard(expression)) {
					items.set(new Checked(expression));
				}
				visit(item);
			}
		}

		private static boolean needsGuard(Expression<?> expression) {
			return !LEFT_ALONE.contains(expression.getClass());
		}

		private static boolean isPebble(Class<?> type) {
			return type != null && type.getName().startsWith("io.pebbletemplates.");
		}

	}

	/**
	 * An expression whose every evaluation is a step, and whose value is size-checked.
	 */
	static final class Checked implements Expression<Object> {

		private final Expression<?> delegate;

		Checked(Expression<?> delegate) {
			this.delegate = delegate;
		}

		@Override
		public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
			TemplateBudget budget = TemplateBudget.current();
			budget.tick();
			Object value = this.delegate.evaluate(self, context);
			TemplateBudget.checkSize(value, "a value the template computes on line " + getLineNumber());
			return value;
		}

		@Override
		public int getLineNumber() {
			return this.delegate.getLineNumber();
		}

		@Override
		public void accept(NodeVisitor visitor) {
			this.delegate.accept(visitor);
		}

	}

	/** Guards the whole tree once, when Pebble hands over its root. */
	private static final class Visitor implements NodeVisitor {

		@Override
		public void visit(RootNode node) {
			guard(node);
		}

		@Override
		public void visit(Node node) {
		}

		@Override
		public void visit(ArgumentsNode node) {
		}

		@Override
		public void visit(AutoEscapeNode node) {
		}

		@Override
		public void visit(BlockNode node) {
		}

		@Override
		public void visit(BodyNode node) {
		}

		@Override
		public void visit(ExtendsNode node) {
		}

		@Override
		public void visit(FlushNode node) {
		}

		@Override
		public void visit(ForNode node) {
		}

		@Override
		public void visit(IfNode node) {
		}

		@Override
		public void visit(ImportNode node) {
		}

		@Override
		public void visit(IncludeNode node) {
		}

		@Override
		public void visit(MacroNode node) {
		}

		@Override
		public void visit(NamedArgumentNode node) {
		}

		@Override
		public void visit(ParallelNode node) {
		}

		@Override
		public void visit(PositionalArgumentNode node) {
		}

		@Override
		public void visit(PrintNode node) {
		}

		@Override
		public void visit(SetNode node) {
		}

		@Override
		public void visit(TextNode node) {
		}

	}

}
