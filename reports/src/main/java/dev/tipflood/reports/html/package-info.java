/** {@code report.html}: a self-contained page with inline SVG charts (XChart drawn through JFreeSVG). */
package dev.tipflood.reports.html;
