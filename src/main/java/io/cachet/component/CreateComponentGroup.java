package io.cachet.component;

/**
 * Command to create a component group.
 */
public record CreateComponentGroup(String name, int order, int collapsed, int visible) {

}
