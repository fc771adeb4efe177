/** The {@code tipflood} command line (picocli); every command and option is in docs/cli.md. */
package dev.tipflood.loadgen.cli;
