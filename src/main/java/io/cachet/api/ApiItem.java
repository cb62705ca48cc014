package io.cachet.api;

/**
 * Cachet's envelope for one item: {@code {"data": ...}}.
 */
record ApiItem<T>(T data) {

}
