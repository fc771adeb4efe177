/** {@code junit.xml}: one test case per SLO, for CI systems. */
package dev.tipflood.reports.junit;
