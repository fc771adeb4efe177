/**
 * The Vert.x edge of the capacity model: runs the framework-free {@code model} on a Vert.x
 * context, feeds it acknowledged tips, throttles uploads by its storage bandwidth and quota,
 * refuses tips when a bounded queue is full, and wires the measurement plane in.
 */
package dev.tipflood.server.capacity;
