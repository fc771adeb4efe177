/**
 * The run-time set of a profile's defences: which are on, in what order they act at each point,
 * and the explicit changes the admin port makes (enable, disable, re-tune). Framework-free.
 */
package dev.tipflood.server.defence.control;
